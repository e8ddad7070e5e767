import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHost } from '../createHost';

const CANARY = 'canary-api-5b1d-never-echoed';

function host(logged: string[] = []) {
  return createHost({ version: 'test', dataDir: mkdtempSync(join(tmpdir(), 'driftless-api-')), shell: 'cli', heartbeatMs: 0, log: (line) => logged.push(line) });
}

describe('project API', () => {
  it('creates, lists, edits, gets and deletes a project through validated calls', async () => {
    const api = host();
    expect(api.database.isOpen).toBe(false);
    const created = await api.call('project.create', { name: 'shop', environments: ['dev', 'prod'] });
    if (!created.ok) throw new Error(created.error.message);
    expect(api.database.isOpen).toBe(true);
    const id = created.value.project.id;
    const node = { id: 'a', name: 'web', bundle: 'service@1.0.0', position: { x: 0, y: 0 }, params: { size: 'small' } };
    const applied = await api.call('diagram.apply', { projectId: id, edit: { kind: 'addNode', node } });
    expect(applied).toMatchObject({ ok: true, value: { applied: true, revision: 1, inverse: { kind: 'deleteNodes', ids: ['a'] } } });
    const got = await api.call('project.get', { id });
    expect(got).toMatchObject({ ok: true, value: { revision: 1, project: { name: 'shop', diagram: { nodes: [node] } } } });
    expect(await api.call('project.list', {})).toMatchObject({ ok: true, value: { projects: [{ id, name: 'shop', revision: 1 }] } });
    const stale = await api.call('diagram.apply', { projectId: id, edit: { kind: 'unsetParam', id: 'a', param: 'size' }, baseRevision: 0 });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await api.call('project.delete', { id })).toEqual({ ok: true, value: { deleted: true } });
    expect(await api.call('project.get', { id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await api.close();
    expect(api.database.isOpen).toBe(false);
  });

  it('answers a bad edit with diagnostics or a clear invalid_request, never an internal error', async () => {
    const logged: string[] = [];
    const api = host(logged);
    const created = await api.call('project.create', { name: 'p' });
    if (!created.ok) throw new Error(created.error.message);
    const projectId = created.value.project.id;
    const call = api.dispatcher.call.bind(api.dispatcher);
    expect(await call('diagram.apply', { projectId, edit: { nope: 1 } })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await call('diagram.apply', { projectId, edit: { kind: 'teleport' } })).toMatchObject({ ok: true, value: { applied: false } });
    expect(await call('diagram.apply', { projectId, edit: { kind: 'addNode', node: null } })).toMatchObject({ ok: true, value: { applied: false } });
    expect(await call('diagram.apply', { projectId, edit: { kind: 'batch', edits: 'x' } })).toMatchObject({ ok: true, value: { applied: false } });
    const shapeless = await call('diagram.apply', { projectId, edit: { kind: 'addNode', node: { id: 'x' } } });
    expect(shapeless).toMatchObject({ ok: true, value: { applied: false, diagnostics: [{ code: 'edit.malformed' }] } });
    expect(await api.call('project.get', { id: projectId })).toMatchObject({ ok: true, value: { revision: 0, project: { diagram: { nodes: [] } } } });
    expect(await call('project.create', { name: 'p', extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await call('project.create', { name: 'p' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(logged).toEqual([]);
    await api.close();
  });

  it('sets and clears a secret without ever returning or logging its value', async () => {
    const logged: string[] = [];
    const api = host(logged);
    const created = await api.call('project.create', { name: 'p' });
    if (!created.ok) throw new Error(created.error.message);
    const projectId = created.value.project.id;
    const node = { id: 'db', name: 'db', bundle: 'pg@1.0.0', position: { x: 0, y: 0 }, params: {} };
    await api.call('diagram.apply', { projectId, edit: { kind: 'addNode', node } });
    const set = await api.call('secret.set', { projectId, nodeId: 'db', param: 'password', value: CANARY });
    expect(set.ok).toBe(true);
    const got = await api.call('project.get', { id: projectId });
    expect(JSON.stringify([set, got, logged])).not.toContain(CANARY);
    expect(got).toMatchObject({ ok: true, value: { project: { diagram: { nodes: [{ params: { password: { $secret: 'set' } } }] } } } });
    const missing = await api.call('secret.set', { projectId, nodeId: 'ghost', param: 'password', value: CANARY });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(JSON.stringify(missing)).not.toContain(CANARY);
    await api.call('secret.clear', { projectId, nodeId: 'db', param: 'password' });
    const cleared = await api.call('project.get', { id: projectId });
    expect(cleared).toMatchObject({ ok: true, value: { project: { diagram: { nodes: [{ params: {} }] } } } });
    const path = api.database.path;
    await api.close();
    expect(readFileSync(path).includes(Buffer.from(CANARY))).toBe(false);
  });
});

describe('project API with the built-in catalog', () => {
  it('answers with validation of the whole diagram and refuses a sensitive value in plain text', async () => {
    const api = host();
    const created = await api.call('project.create', { name: 'catalogued' });
    if (!created.ok) throw new Error(created.error.message);
    const projectId = created.value.project.id;
    const ghost = { id: 'g', name: 'ghost', bundle: 'no-such-bundle@9.9.9', position: { x: 0, y: 0 }, params: {} };
    const added = await api.call('diagram.apply', { projectId, edit: { kind: 'addNode', node: ghost } });
    expect(added).toMatchObject({ ok: true, value: { applied: true, diagnostics: [expect.objectContaining({ code: 'diagram.missing-bundle' })] } });

    const database = { id: 'db', name: 'db', bundle: 'aws-rds-postgres@1.0.0', position: { x: 0, y: 0 }, params: { name: 'app' } };
    await api.call('diagram.apply', { projectId, edit: { kind: 'addNode', node: database } });
    const plain = await api.call('diagram.apply', { projectId, edit: { kind: 'setParam', id: 'db', param: 'password', value: 'hunter22' } });
    expect(plain).toMatchObject({ ok: true, value: { applied: false, diagnostics: [{ code: 'secret.plaintext', location: { nodeId: 'db', field: 'password' } }] } });
    const secret = await api.call('secret.set', { projectId, nodeId: 'db', param: 'password', value: 'hunter22' });
    expect(secret.ok).toBe(true);
    const exported = await api.call('project.export', { id: projectId });
    if (!exported.ok) throw new Error(exported.error.message);
    expect(exported.value.text).not.toContain('hunter22');
    await api.close();
  });

  it('refuses a credential in backend or provider settings, by edit or by import, storing nothing', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'driftless-api-'));
    const api = createHost({ version: 'test', dataDir, shell: 'cli', heartbeatMs: 0 });
    const created = await api.call('project.create', { name: 'credentials' });
    if (!created.ok) throw new Error(created.error.message);
    const { id: projectId, environments } = created.value.project;
    const environmentId = environments[0]!.id;
    const backend = { type: 's3', config: { bucket: 'states', key: 'dev.tfstate', secret_key: CANARY } };
    const edited = await api.call('diagram.apply', { projectId, edit: { kind: 'setEnvironmentBackend', environmentId, backend } as never });
    expect(edited).toMatchObject({ ok: true, value: { applied: false, diagnostics: [{ code: 'environment.credential-in-settings', location: { field: 'backend.s3.secret_key' } }] } });
    const providers = await api.call('diagram.apply', { projectId, edit: { kind: 'setEnvironmentProviders', environmentId, providers: { aws: { region: 'eu-west-1', access_key: CANARY } } } as never });
    expect(providers).toMatchObject({ ok: true, value: { applied: false, diagnostics: [{ code: 'environment.credential-in-settings', location: { field: 'providers.aws.access_key' } }] } });
    const allowed = await api.call('diagram.apply', { projectId, edit: { kind: 'setEnvironmentProviders', environmentId, providers: { aws: { region: 'eu-west-1', skip_credentials_validation: true } } } as never });
    expect(allowed).toMatchObject({ ok: true, value: { applied: true } });

    const file = JSON.parse(readFileSync(new URL('../../../examples/local-stack.driftless.json', import.meta.url), 'utf8'));
    file.environments[0].backend = { type: 'pg', config: { conn_str: `postgres://app:${CANARY}@db/state` } };
    const imported = await api.call('project.import', { text: JSON.stringify(file), name: 'with-credential' });
    expect(imported).toMatchObject({ ok: true, value: { imported: false, diagnostics: [{ code: 'environment.credential-in-settings' }] } });
    await api.close();
    expect(readFileSync(join(dataDir, 'driftless.db')).includes(CANARY)).toBe(false);
  });
});

describe('project API over a damaged database', () => {
  it('answers unavailable with the store\'s message and leaves the file untouched', async () => {
    const logged: string[] = [];
    const api = host(logged);
    writeFileSync(api.database.path, 'not a database '.repeat(1000));
    const before = readFileSync(api.database.path);
    const result = await api.call('project.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringContaining('not a Driftless database, or it is damaged') } });
    expect(readFileSync(api.database.path).equals(before)).toBe(true);
    expect(logged).toEqual([]);
    await api.close();
  });
});
