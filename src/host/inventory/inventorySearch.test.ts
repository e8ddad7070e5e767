import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedShop } from '../../../test/support/dayTwoSeed';
import { createHost, type Host } from '../createHost';

describe('inventory search criteria', () => {
  let host: Host;
  beforeAll(async () => {
    host = createHost({ version: 'test', dataDir: mkdtempSync(join(tmpdir(), 'driftless-inventory-search-')), shell: 'cli', heartbeatMs: 0, log: () => {} });
    await seedShop(host);
  });
  afterAll(async () => {
    await host?.close();
  });
  const addresses = async (request: Parameters<typeof host.call<'inventory.search'>>[1]) => {
    const found = await host.call('inventory.search', request);
    if (!found.ok) throw new Error(found.error.message);
    return found.value.resources.map((resource) => `${resource.trace.environment?.name} ${resource.address}`);
  };

  it('matches a nested attribute (tags.env), a boolean as true/false, and text case-insensitively', async () => {
    expect(await addresses({ attribute: { name: 'tags.env', value: 'prod' } })).toEqual(['prod module.db.aws_db_instance.main']);
    expect(await addresses({ attribute: { name: 'deletion_protection', value: 'true' } })).toEqual(['prod module.db.aws_db_instance.main']);
    expect(await addresses({ attribute: { name: 'deletion_protection', value: 'false' } })).toEqual(['dev module.db.aws_db_instance.main']);
    expect(await addresses({ text: 'DB.R6G' })).toEqual(['prod module.db.aws_db_instance.main']);
  });

  it('never matches a secret: the inventory holds it masked', async () => {
    expect(await addresses({ text: 'hunter2' })).toEqual([]);
    expect(await addresses({ attribute: { name: 'password', value: 'hunter2' } })).toEqual([]);
  });

  it('treats % and _ in a search as plain characters', async () => {
    expect(await addresses({ text: '%' })).toEqual([]);
    expect(await addresses({ address: 'module.db.aws_db_instance' })).toHaveLength(2);
    expect(await addresses({ address: 'module_db' })).toEqual([]);
  });
});
