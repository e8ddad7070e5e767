import { describe, expect, it } from 'vitest';
import { inventoryOf } from './inventory';
import { readStateHead } from './stateHead';

const instance = (attributes: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ schema_version: 0, attributes, ...extra });

describe('readStateHead', () => {
  it('reads serial, lineage and terraform_version wherever they are among the top-level keys', () => {
    const late = Buffer.from(JSON.stringify({ resources: [{ serial: 99, lineage: 'nested' }], outputs: { s: { value: '}{"' } }, serial: 7, lineage: 'top', version: 4, terraform_version: '1.11.4' }));
    expect(readStateHead(late)).toEqual({ kind: 'state', serial: 7, lineage: 'top', terraformVersion: '1.11.4' });
  });

  it('tells an encrypted envelope and invalid bodies apart', () => {
    expect(readStateHead(Buffer.from('{"meta":{},"encrypted_data":"eA==","encryption_version":"v0"}'))).toEqual({ kind: 'encrypted' });
    expect(readStateHead(Buffer.from(''))).toMatchObject({ kind: 'invalid' });
    expect(readStateHead(Buffer.from('{"serial": 1, "lineage": "x"'))).toMatchObject({ kind: 'invalid' });
    expect(readStateHead(Buffer.from('{"serial": -1, "lineage": "x"}'))).toMatchObject({ kind: 'invalid', message: expect.stringMatching(/serial/) });
  });
});

describe('inventoryOf', () => {
  const state = {
    version: 4,
    resources: [
      { module: 'module.db["eu"].module.inner', mode: 'managed', type: 'aws_db_instance', name: 'main', provider: 'provider["registry.terraform.io/hashicorp/aws"]',
        instances: [instance({ id: 'db-1', password: 'pw', tags: { team: 'a' }, nested: { list: [1] }, master: { user: 'u', key: 'k' } }, { index_key: 'a', sensitive_attributes: [[{ type: 'get_attr', value: 'master' }, { type: 'get_attr', value: 'key' }]] })] },
      { mode: 'data', type: 'aws_region', name: 'current', provider: 'p', instances: [instance({ id: 'us-east-1', name: 'us-east-1' })] },
    ],
  };

  it('addresses instances like terraform and maps the top-level module to the node', () => {
    const entries = inventoryOf(state);
    expect(entries.map((entry) => [entry.address, entry.node, entry.indexKey, entry.resourceId])).toEqual([
      ['module.db["eu"].module.inner.aws_db_instance.main["a"]', 'db', '"a"', 'db-1'],
      ['data.aws_region.current', null, null, 'us-east-1'],
    ]);
  });

  it('masks sensitive paths and secret-looking names, and keeps only scalar attributes and string maps', () => {
    const [database] = inventoryOf(state);
    expect(database!.attributes).toEqual({ id: 'db-1', password: '(sensitive value)', tags: { team: 'a' }, master: { user: 'u', key: '(sensitive value)' } });
    expect(JSON.stringify(database!.allAttributes)).not.toContain('"k"');
  });

  it('masks every other string that holds a masked one: terraform_data echoes its sensitive input as an unmarked output', () => {
    const secret = 'hunter2-secret';
    const [item] = inventoryOf({
      version: 4,
      resources: [{ mode: 'managed', type: 'terraform_data', name: 'secret', provider: 'p', instances: [instance(
        { id: 'x', input: { value: secret, type: 'string' }, output: { value: secret, type: 'string' }, url: `postgres://app:${secret}@db:5432/app`, note: 'plain' },
        { sensitive_attributes: [[{ type: 'get_attr', value: 'input' }]] },
      )] }],
    });
    expect(item!.allAttributes).toEqual({ id: 'x', input: '(sensitive value)', output: { value: '(sensitive value)', type: 'string' }, url: '(sensitive value)', note: 'plain' });
    expect(JSON.stringify(item!.attributes)).not.toContain(secret);
  });
});
