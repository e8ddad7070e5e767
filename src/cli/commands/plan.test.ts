import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireBinary } from '../../../test/support/binaries';
import { terraformEnv } from '../../../test/support/terraform';

const tf = requireBinary('terraform');
const cli = join(import.meta.dirname, '../../../bin/driftless.mjs');
const example = join(import.meta.dirname, '../../../examples/local-stack.driftless.json');

function driftless(args: string[], dataDir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = terraformEnv(join(dataDir, 'terraform-config'), { DRIFTLESS_SECRET_DATABASE_PASSWORD: 'example-password-1' });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args, '--data-dir', dataDir], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('driftless plan/apply/destroy/drift arguments', () => {
  it('apply needs --plan or --auto-approve, plan needs --env: one clear message, exit 1', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'driftless-plan-cli-'));
    const apply = await driftless(['apply', example, '--env', 'dev'], dataDir);
    expect(apply.code).toBe(1);
    expect(apply.stderr).toMatch(/either --plan RUN_ID .* or --auto-approve/);
    const plan = await driftless(['plan', example], dataDir);
    expect(plan.code).toBe(1);
    expect(plan.stderr).toMatch(/takes one FILE and --env ENV/);
    expect(plan.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe.skipIf(!tf.available)(`driftless plan/apply/destroy/drift with real terraform ${tf.reason}`, () => {
  it('plan exits 2 with changes (per-node summary, Markdown for CI), apply --plan applies it, then plan and drift exit 0; destroy --auto-approve', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'driftless-plan-cli-'));
    const markdown = await driftless(['plan', example, '--env', 'dev', '--format', 'markdown'], dataDir);
    expect(markdown.code, markdown.stderr).toBe(2);
    expect(markdown.stdout).toMatch(/^### Driftless plan of local-stack \(dev\)/);
    expect(markdown.stdout).toContain('| `jobs` | 1 | 0 | 0 | 0 | 0 | 0 |');
    expect(markdown.stdout).toContain('- create `module.jobs.terraform_data.queue`');
    expect(markdown.stderr).toContain('Plan:'); // terraform's own output, on stderr

    const planRunId = /Plan run `([0-9a-f-]+)`/.exec(markdown.stdout)![1]!;
    expect(markdown.stderr).toContain(`Review it, then: driftless apply ${example} --env dev --plan ${planRunId}`);

    const applied = await driftless(['apply', example, '--env', 'dev', '--plan', planRunId], dataDir);
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toContain('apply succeeded');
    // each node's final status, by node name (the jobs node's id is "queue"), read from terraform's uncoloured output
    for (const node of ['network', 'database', 'jobs', 'api_key', 'api', 'config']) expect(applied.stdout).toContain(`\n  ${node}: done`);
    expect(applied.stdout).not.toContain('queue: done');
    const text = await driftless(['plan', example, '--env', 'dev'], dataDir);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('No changes.');
    const drift = await driftless(['drift', example, '--env', 'dev'], dataDir);
    expect(drift.code).toBe(0);
    expect(drift.stdout).toContain('No drift: the real infrastructure matches the state.');

    const destroyed = await driftless(['destroy', example, '--env', 'dev', '--auto-approve'], dataDir);
    expect(destroyed.code, destroyed.stderr).toBe(0);
    expect(destroyed.stdout).toContain('apply succeeded');
  }, 180_000);

  it('--target plans the node with what it depends on; a changed file needs --replace; destroy of nothing exits 0', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'driftless-plan-cli-'));
    const file = join(dataDir, 'stack.driftless.json');
    writeFileSync(file, readFileSync(example, 'utf8'));
    const targeted = await driftless(['plan', file, '--env', 'dev', '--target', 'jobs', '--json'], dataDir);
    expect(targeted.code, targeted.stderr).toBe(2);
    expect(Object.keys((JSON.parse(targeted.stdout) as { nodes: object }).nodes)).toEqual(['queue']);
    const unknown = await driftless(['plan', file, '--env', 'dev', '--target', 'nope'], dataDir);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no node "nope" to target/);

    writeFileSync(file, readFileSync(example, 'utf8').replace('"retention_hours": 24', '"retention_hours": 48'));
    const changed = await driftless(['plan', file, '--env', 'dev'], dataDir);
    expect(changed.code).toBe(1);
    expect(changed.stderr).toMatch(/different diagram than .*--replace/);
    expect((await driftless(['plan', file, '--env', 'dev', '--replace'], dataDir)).code).toBe(2);

    const destroy = await driftless(['destroy', file, '--env', 'dev'], dataDir);
    expect(destroy.code, destroy.stderr).toBe(0);
    expect(destroy.stdout).toContain('No changes.');
  }, 120_000);
});
