import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stateBody } from '../../../test/support/dayTwoSeed';
import { backendRequest } from '../../../test/support/stateClient';
import { createHost, type Host } from '../createHost';
import { catchUpFullText } from './fullTextIndex';

const canary = 'canary-Xq7vZ-unmasked';
const rdsArn = 'arn:aws:rds:us-east-1:123456789012:db:shop-prod';
const roleArn = 'arn:aws:iam::123456789012:role/shop-deployer';

/** A state whose database resource carries a value terraform marks sensitive (not by name) and a password. */
function fleetState(serial: number, instanceClass: string): string {
  const body = JSON.parse(
    stateBody('lineage-fts', serial, [
      { module: 'module.db', type: 'aws_db_instance', name: 'main', attributes: { id: 'shop-prod', arn: rdsArn, instance_class: instanceClass, endpoint_hint: canary, password: `${canary}-pw`, multi_az: true, tags: { team: 'payments', env: 'prod' } } },
      { module: 'module.deploy', type: 'aws_iam_role', name: 'deployer', attributes: { id: 'shop-deployer', arn: roleArn, description: 'Deploys the "shop" service (CI) * nightly' } },
      { module: 'module.web', type: 'terraform_data', name: 'service', attributes: { id: 'web-1', input: 'release 2024.06 candidate' } },
    ]),
  ) as { resources: { instances: { sensitive_attributes: unknown }[] }[] };
  body.resources[0]!.instances[0]!.sensitive_attributes = [[{ type: 'get_attr', value: 'endpoint_hint' }]];
  return JSON.stringify(body);
}

describe('inventory full-text search (FTS5 index, migration 7)', () => {
  let host: Host;
  let environmentId: string;
  const post = async (body: string) => {
    const backend = await host.state.backend();
    const reply = await backendRequest(backend.addressOf(environmentId), 'POST', { body, auth: backend });
    expect(reply.status).toBe(200);
    // The backend indexes just after answering; index now so the search below cannot race it.
    await backend.indexer.whenIdle();
    backend.indexer.indexNow(environmentId);
  };
  const search = async (request: Parameters<typeof host.call<'inventory.search'>>[1]) => {
    const found = await host.call('inventory.search', request);
    if (!found.ok) throw new Error(`${JSON.stringify(request)}: ${found.error.message}`);
    return found.value.resources.map((resource) => resource.address);
  };
  /** Every token the index holds, read through fts5vocab. */
  const indexedTerms = () => {
    const db = host.database.get();
    db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.terms USING fts5vocab(main, resources_text, row)');
    return db.prepare('SELECT term FROM temp.terms').pluck().all() as string[];
  };

  beforeAll(async () => {
    host = createHost({ version: 'test', dataDir: mkdtempSync(join(tmpdir(), 'driftless-fts-')), shell: 'cli', heartbeatMs: 0, log: () => {} });
    const created = await host.call('project.create', { name: 'fleet', environments: ['prod'] });
    if (!created.ok) throw new Error(created.error.message);
    environmentId = created.value.project.environments[0]!.id;
    await post(fleetState(1, 'db.r6g.large'));
  });
  afterAll(async () => {
    await host?.close();
  });

  it('matches a word prefix: db.r6 finds db.r6g.large, arn:aws:iam the role, deploy the deployer', async () => {
    expect(await search({ text: 'db.r6' })).toEqual(['module.db.aws_db_instance.main']);
    expect(await search({ text: 'arn:aws:iam' })).toEqual(['module.deploy.aws_iam_role.deployer']);
    expect(await search({ text: 'DEPLOY' })).toEqual(['module.deploy.aws_iam_role.deployer']);
    expect(await search({ text: 'aws_' })).toEqual(['module.db.aws_db_instance.main', 'module.deploy.aws_iam_role.deployer']);
  });

  it('needs every word of a multi-word search, in any column and order', async () => {
    expect(await search({ text: 'payments db.r6g' })).toEqual(['module.db.aws_db_instance.main']);
    expect(await search({ text: 'db.r6g   payments' })).toEqual(['module.db.aws_db_instance.main']);
    expect(await search({ text: 'payments deployer' })).toEqual([]);
    expect(await search({ text: 'release candidate' })).toEqual(['module.web.terraform_data.service']);
  });

  it('finds an ARN with its colons, slashes and dashes, and only that one', async () => {
    expect(await search({ text: rdsArn })).toEqual(['module.db.aws_db_instance.main']);
    expect(await search({ text: roleArn })).toEqual(['module.deploy.aws_iam_role.deployer']);
    expect(await search({ text: 'arn:aws:rds:us-east-1:123456789012:db:shop-staging' })).toEqual([]);
    expect(await search({ attribute: { name: 'arn', value: rdsArn } })).toEqual(['module.db.aws_db_instance.main']);
  });

  it('takes FTS5 syntax in user input as plain text: quotes, *, parentheses, AND/OR/NOT/NEAR, column filters never error', async () => {
    for (const text of ['"', '""', '"shop', 'shop"', '*', 'shop*', '* shop', '(shop', 'shop)', 'NEAR(shop deployer)', 'AND', 'OR shop', 'NOT', 'type:aws_iam_role', '^shop', '-shop', "'shop'", '{shop}', 'shop + deployer', ':', '\\']) {
      await expect(search({ text }), text).resolves.toBeDefined();
    }
    expect(await search({ text: '"shop" service' })).toEqual(['module.deploy.aws_iam_role.deployer']);
    expect(await search({ text: '(CI) *' })).toEqual(['module.deploy.aws_iam_role.deployer']);
    expect(await search({ text: 'NEAR(shop' })).toEqual([]);
    // Text without a letter or digit is a plain substring.
    expect(await search({ text: '*' })).toEqual(['module.deploy.aws_iam_role.deployer']);
    await expect(search({ attribute: { name: 'description', value: 'Deploys the "shop" service (CI) * nightly' } })).resolves.toEqual(['module.deploy.aws_iam_role.deployer']);
  });

  it('keeps attribute searches exact: the index only narrows', async () => {
    expect(await search({ attribute: { name: 'instance_class', value: 'db.r6g.large' } })).toEqual(['module.db.aws_db_instance.main']);
    expect(await search({ attribute: { name: 'instance_class', value: 'db.r6g' } })).toEqual([]);
    expect(await search({ attribute: { name: 'instance_class', value: 'DB.R6G.LARGE' } })).toEqual([]);
    expect(await search({ attribute: { name: 'multi_az', value: 'true' } })).toEqual(['module.db.aws_db_instance.main']);
    expect(await search({ attribute: { name: 'tags.team', value: 'payments' } })).toEqual(['module.db.aws_db_instance.main']);
  });

  it('never holds a sensitive value: neither a path terraform marks nor a secret by name reaches the index', async () => {
    const terms = indexedTerms();
    expect(terms).toContain('payments');
    expect(terms.some((term) => term.includes('canary') || term.includes('xq7vz'))).toBe(false);
    expect(await search({ text: canary })).toEqual([]);
    expect(await search({ text: 'Xq7vZ' })).toEqual([]);
  });

  it('follows every state write and restore: old values leave the index, new ones enter it', async () => {
    await post(fleetState(2, 'db.m7g.xlarge'));
    expect(await search({ text: 'db.m7g' })).toEqual(['module.db.aws_db_instance.main']);
    expect(await search({ text: 'db.r6g' })).toEqual([]);
    expect(indexedTerms()).not.toContain('r6g');

    const restored = await host.call('state.restore', { environmentId, version: 1, confirm: true });
    if (!restored.ok) throw new Error(restored.error.message);
    const backend = await host.state.backend();
    await backend.indexer.whenIdle();
    backend.indexer.indexNow(environmentId);
    expect(await search({ text: 'db.r6g' })).toEqual(['module.db.aws_db_instance.main']);
    expect(await search({ text: 'db.m7g' })).toEqual([]);
    expect(indexedTerms()).not.toContain('m7g');
  });

  it('rebuilds the index when a writer changed the inventory without its status row', async () => {
    const db = host.database.get();
    catchUpFullText(db);
    db.prepare("UPDATE resources SET attributes = json_set(attributes, '$.input', 'hand written') WHERE type = 'terraform_data'").run();
    db.prepare("DELETE FROM resources WHERE type = 'aws_iam_role'").run();
    expect(await search({ text: 'hand written' })).toEqual(['module.web.terraform_data.service']);
    expect(await search({ text: 'deployer' })).toEqual([]);
    expect(catchUpFullText(db)).toBe(0);
  });

  it('answers "unavailable" with what to do, and never a stale result, while another writer holds the database past the busy timeout', async () => {
    await post(fleetState(100, 'db.x2g.large'));
    const other = new Database(host.database.path);
    try {
      other.exec('BEGIN IMMEDIATE');
      const answer = await host.call('inventory.search', { text: 'db.x2g' });
      expect(answer).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringMatching(/could not catch up.*Try again in a moment\./) } });
      other.exec('ROLLBACK');
      expect(await search({ text: 'db.x2g' })).toEqual(['module.db.aws_db_instance.main']);
    } finally {
      other.close();
    }
  }, 30_000);
});
