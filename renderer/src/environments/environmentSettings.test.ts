import { describe, expect, it } from 'vitest';
import type { CatalogSnapshot } from '../../../src/core/bundles/manifest';
import type { Environment, Project } from '../../../src/core/model/diagram';
import { backendRows, environmentProviders, freshEnvironment, providerRows, rowsToSettings, secretProblem, settingsToRows } from './environmentSettings';

const environment = (name: string, providers: Environment['providers'] = {}): Environment => ({ id: `id-${name}`, name, providers, overrides: {}, backend: { type: 'embedded' } });

describe('backend and provider settings rows', () => {
  it('turns rows into settings, skipping empty rows and values, parsing true/false and JSON blocks', () => {
    const { settings, problems } = rowsToSettings([
      { key: 'bucket', value: 'states' },
      { key: 'region', value: '' },
      { key: '', value: '' },
      { key: 'use_lockfile', value: 'true' },
      { key: 'workspaces', value: '{"name": "prod"}' },
      { key: 'max_retries', value: '5' },
    ]);
    expect(problems).toEqual([]);
    expect(settings).toEqual({ bucket: 'states', use_lockfile: true, workspaces: { name: 'prod' }, max_retries: '5' });
  });

  it('refuses credentials by key, passwords inside URLs, duplicates, bad and missing keys', () => {
    for (const key of ['access_key', 'secret_key', 'password', 'token', 'client_secret', 'sas_token']) {
      expect(secretProblem(key, 'x'), key).toMatch(/credential/);
    }
    expect(secretProblem('conn_str', 'postgres://app:hunter2@db/state')).toMatch(/password inside a URL/);
    expect(secretProblem('conn_str', 'postgres://db/state')).toBeUndefined();
    expect(secretProblem('bucket', 'states')).toBeUndefined();
    const { settings, problems } = rowsToSettings([
      { key: 'bucket', value: 'a' },
      { key: 'bucket', value: 'b' },
      { key: 'secret_key', value: 'AKIA' },
      { key: 'bad key', value: '1' },
      { key: '', value: 'orphan' },
    ]);
    expect(settings).toEqual({ bucket: 'a' });
    expect(problems).toHaveLength(4);
    expect(problems.join(' ')).toMatch(/"bucket" is set twice.*"secret_key" is a credential.*"bad key" is not a setting name.*"orphan" has no key/);
  });

  it('offers the usual keys of a backend and of aws, keeping what is set', () => {
    expect(backendRows('s3', { bucket: 'b', encrypt: true })).toEqual([
      { key: 'bucket', value: 'b' },
      { key: 'encrypt', value: 'true' },
      { key: 'key', value: '' },
      { key: 'region', value: '' },
      { key: 'use_lockfile', value: '' },
    ]);
    expect(providerRows('aws', { region: 'eu-west-1' })).toEqual([
      { key: 'region', value: 'eu-west-1' },
      { key: 'profile', value: '' },
    ]);
    expect(providerRows('google', {})).toEqual([]);
    expect(rowsToSettings(settingsToRows({ a: 'x', b: false, c: { d: 1 } })).settings).toEqual({ a: 'x', b: false, c: { d: 1 } });
  });
});

describe('environment providers and new environments', () => {
  const catalog = {
    bundles: [
      { ref: 'bucket@1.0.0', manifest: { providers: { aws: { source: 'hashicorp/aws' } } } },
      { ref: 'file@1.0.0', manifest: { providers: { local: { source: 'hashicorp/local' } } } },
      { ref: 'unused@1.0.0', manifest: { providers: { google: { source: 'hashicorp/google' } } } },
    ],
    types: [],
    diagnostics: [],
  } as unknown as CatalogSnapshot;
  const project = (environments: Environment[]): Project => ({
    id: 'p',
    name: 'p',
    diagram: { nodes: [{ id: 'n1', name: 'b', bundle: 'bucket@1.0.0', position: { x: 0, y: 0 }, params: {} }, { id: 'n2', name: 'f', bundle: 'file@1.0.0', position: { x: 0, y: 0 }, params: {} }] as Project['diagram']['nodes'], edges: [] },
    environments,
  });

  it('lists the providers the diagram’s bundles require, then configured ones no bundle uses', () => {
    const dev = environment('dev', { azurerm: { features: {} } });
    expect(environmentProviders(project([dev]), catalog, dev)).toEqual([
      { name: 'aws', used: true },
      { name: 'local', used: true },
      { name: 'azurerm', used: false },
    ]);
  });

  it('names a new environment so that no other has its name', () => {
    expect(freshEnvironment(project([environment('dev')]), 'x')).toEqual({ id: 'x', name: 'staging', providers: {}, overrides: {}, backend: { type: 'embedded' } });
    expect(freshEnvironment(project([environment('staging'), environment('staging_2')]), 'y').name).toBe('staging_3');
  });
});
