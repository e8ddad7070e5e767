import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireBinary } from '../../../test/support/binaries';
import { backendRequest } from '../../../test/support/stateClient';
import { runTerraform, terraformEnv } from '../../../test/support/terraform';
import { openDatabase } from '../store/openDatabase';
import { stateMigration } from '../store/migrations/002-state';
import { stateChunksMigration } from '../store/migrations/005-state-chunks';
import { sealedStateMigration } from '../store/migrations/006-sealed-state';
import { startStateBackend, type StateBackend } from './http/stateBackend';
import { createStateHistory } from './stateHistory';

const tf = requireBinary('terraform');

/** A local-only root module: one node (module "web") of terraform_data, and a sleep that holds the lock while applying. */
function writeRootModule(dir: string): void {
  mkdirSync(join(dir, 'web'), { recursive: true });
  writeFileSync(join(dir, 'main.tf'), `
terraform {
  backend "http" {}
}
variable "label" {
  type    = string
  default = "one"
}
variable "hold_seconds" {
  type    = number
  default = 0
}
variable "secret" {
  type      = string
  default   = "hunter2"
  sensitive = true
}
module "web" {
  source = "./web"
  label  = var.label
  secret = var.secret
}
resource "terraform_data" "hold" {
  triggers_replace = [var.label]
  provisioner "local-exec" {
    command = "sleep \${var.hold_seconds}"
  }
}
output "labels" {
  value = module.web.labels
}
`);
  writeFileSync(join(dir, 'web', 'main.tf'), `
variable "label" {
  type = string
}
variable "secret" {
  type      = string
  sensitive = true
}
resource "terraform_data" "secret" {
  input = var.secret
}
resource "terraform_data" "item" {
  count = 2
  input = "\${var.label}-\${count.index}"
}
output "labels" {
  value = terraform_data.item[*].output
}
`);
}

describe.skipIf(!tf.available)(`state backend with real terraform ${tf.reason}`, () => {
  let db: Database;
  let backend: StateBackend;
  let root: string;
  let env: NodeJS.ProcessEnv;
  const terraform = (...args: string[]) => runTerraform(args, { cwd: root, env });

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'driftless-tf-state-'));
    db = openDatabase(join(dir, 'driftless.db'), { migrations: [stateMigration, stateChunksMigration, sealedStateMigration] });
    backend = await startStateBackend({ db, log: () => {} });
    root = join(dir, 'root');
    writeRootModule(root);
    env = terraformEnv(join(dir, 'config'), backend.envFor('dev', 'run-1'));
    const init = await terraform('init', '-no-color');
    expect(init.code, init.stderr).toBe(0);
  });
  afterAll(async () => {
    await backend?.close();
    db?.close();
  });

  it('init, apply, plan and destroy keep the state in the database, each write a version with the run and the inventory indexed', async () => {
    expect((await backendRequest(backend.addressOf('dev'), 'GET', { auth: backend })).status).toBe(204);
    const apply = await terraform('apply', '-auto-approve', '-no-color');
    expect(apply.code, apply.stderr).toBe(0);
    const latest = backend.repository.latest('dev')!;
    expect(latest).toMatchObject({ runId: 'run-1', terraformVersion: expect.stringMatching(/^1\./), encrypted: false });
    const state = JSON.parse(backend.repository.body(latest.id)!.toString());
    expect(state.outputs.labels.value).toEqual(['one-0', 'one-1']);
    await backend.indexer.whenIdle();
    const rows = db.prepare('SELECT address, node, type, resource_id FROM resources WHERE environment_id = ? ORDER BY address').all('dev');
    expect(rows).toEqual([
      { address: 'module.web.terraform_data.item[0]', node: 'web', type: 'terraform_data', resource_id: expect.any(String) },
      { address: 'module.web.terraform_data.item[1]', node: 'web', type: 'terraform_data', resource_id: expect.any(String) },
      { address: 'module.web.terraform_data.secret', node: 'web', type: 'terraform_data', resource_id: expect.any(String) },
      { address: 'terraform_data.hold', node: null, type: 'terraform_data', resource_id: expect.any(String) },
    ]);
    const secret = db.prepare("SELECT attributes FROM resources WHERE address = 'module.web.terraform_data.secret'").pluck().get() as string;
    // terraform 1.11 marks only `input` sensitive in state (not the derived `output`): the marked path is masked
    expect(JSON.parse(secret)).toMatchObject({ input: '(sensitive value)' });
    expect(backend.repository.lock('dev')).toBeUndefined();

    const plan = await terraform('plan', '-detailed-exitcode', '-no-color');
    expect(plan.code, plan.stderr).toBe(0);

    const destroy = await terraform('destroy', '-auto-approve', '-no-color');
    expect(destroy.code, destroy.stderr).toBe(0);
    const afterDestroy = backend.repository.latest('dev')!;
    expect(afterDestroy.serial!).toBeGreaterThan(latest.serial!);
    expect(afterDestroy.lineage).toBe(latest.lineage);
    expect(JSON.parse(backend.repository.body(afterDestroy.id)!.toString()).resources).toEqual([]);
    await backend.indexer.whenIdle();
    expect(db.prepare('SELECT count(*) FROM resources WHERE environment_id = ?').pluck().get('dev')).toBe(0);
  });

  it('a second terraform waits on the lock with -lock-timeout and succeeds after the first finishes', async () => {
    const first = runTerraform(['apply', '-auto-approve', '-no-color', '-var', 'label=first', '-var', 'hold_seconds=4'], { cwd: root, env });
    const deadline = Date.now() + 20_000;
    while (!backend.repository.lock('dev') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    const holder = backend.repository.lock('dev');
    expect(holder).toBeDefined();
    const second = await terraform('apply', '-auto-approve', '-no-color', '-lock-timeout=60s', '-var', 'label=second');
    const firstResult = await first;
    expect(firstResult.code, firstResult.stderr).toBe(0);
    expect(second.code, second.stderr).toBe(0);
    const state = JSON.parse(backend.repository.body(backend.repository.latest('dev')!.id)!.toString());
    expect(state.outputs.labels.value).toEqual(['second-0', 'second-1']);
    expect(backend.repository.lock('dev')).toBeUndefined();
  });

  it('terraform force-unlock is refused until a force-unlock is armed, then works', async () => {
    const stuck = { ID: 'a1b2c3d4-dead-beef-0000-000000000000', Operation: 'OperationTypeApply', Info: '', Who: 'gone@host', Version: '1.11.4', Created: new Date().toISOString(), Path: '' };
    expect((await backendRequest(backend.addressOf('dev'), 'LOCK', { auth: backend, body: JSON.stringify(stuck) })).status).toBe(200);
    const refused = await terraform('force-unlock', '-force', stuck.ID);
    expect(refused.code).not.toBe(0);
    expect(backend.repository.lock('dev')?.lockId).toBe(stuck.ID);
    const blocked = await terraform('plan', '-no-color', '-lock-timeout=1s');
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toContain(`already locked:\nID=${stuck.ID}`);

    backend.repository.armForceUnlock('dev', stuck.ID, 60_000);
    const forced = await terraform('force-unlock', '-force', stuck.ID);
    expect(forced.code, forced.stderr).toBe(0);
    expect(backend.repository.lock('dev')).toBeUndefined();
  });

  it('a saved plan is refused as stale by terraform after another apply wrote newer state', async () => {
    const plan = await terraform('plan', '-no-color', '-var', 'label=planned', '-out=stale.tfplan');
    expect(plan.code, plan.stderr).toBe(0);
    const other = await terraform('apply', '-auto-approve', '-no-color', '-var', 'label=other');
    expect(other.code, other.stderr).toBe(0);
    const before = backend.repository.latest('dev')!;
    const stale = await terraform('apply', '-no-color', 'stale.tfplan');
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/Saved plan is stale/);
    expect(backend.repository.latest('dev')!.id).toBe(before.id);
  });

  it('diffs two real versions with sensitive values masked, and restores an old one that terraform then reads as current', async () => {
    const history = createStateHistory({ db, repository: backend.repository, indexer: backend.indexer });
    expect((await terraform('apply', '-auto-approve', '-no-color', '-var', 'label=alpha', '-var', 'secret=alpha-secret')).code).toBe(0);
    const alpha = backend.repository.latest('dev')!;
    expect((await terraform('apply', '-auto-approve', '-no-color', '-var', 'label=beta', '-var', 'secret=beta-secret')).code).toBe(0);
    const beta = backend.repository.latest('dev')!;

    const diff = history.diff('dev', alpha.version, beta.version);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    const item = diff.changed.find((change) => change.address === 'module.web.terraform_data.item[0]')!;
    expect(item.node).toBe('web');
    expect(item.changes).toContainEqual({ attribute: 'input.value', before: 'alpha-0', after: 'beta-0' }); // the leaf that changed
    const secret = diff.changed.find((change) => change.address === 'module.web.terraform_data.secret')!;
    expect(secret.changes.find((change) => change.attribute === 'input')).toEqual({ attribute: 'input', before: '(sensitive value)', after: '(sensitive value)' });
    expect(JSON.stringify(diff.changed)).not.toMatch(/alpha-secret|beta-secret/);
    expect(diff.outputs.changed).toEqual(['labels']);

    const restored = history.restore('dev', alpha.version);
    expect(restored).toMatchObject({ version: beta.version + 1, serial: beta.serial! + 1, lineage: alpha.lineage, source: 'restore', restoredFrom: alpha.version });
    const same = await terraform('plan', '-detailed-exitcode', '-no-color', '-var', 'label=alpha', '-var', 'secret=alpha-secret');
    expect(same.code, same.stdout + same.stderr).toBe(0);
    expect(history.diff('dev', alpha.version, restored.version)).toMatchObject({ added: [], removed: [], changed: [] });
  });
});
