import { describe, expect, it } from 'vitest';
import { buildRunEnvironment } from './environment';

describe('run environment', () => {
  const base = {
    PATH: '/usr/bin',
    AWS_PROFILE: 'dev',
    TF_CLI_CONFIG_FILE: '/home/me/.terraformrc',
    HTTPS_PROXY: 'http://proxy:3128',
    TF_HTTP_ADDRESS: 'https://someone-else/state',
    TF_VAR_region: 'from-shell',
    TF_WORKSPACE: 'other',
  };

  it('passes the user environment through, adds automation flags, backend and variables', () => {
    const env = buildRunEnvironment({
      base,
      httpBackend: { ADDRESS: 'http://127.0.0.1:4000/state/dev', PASSWORD: 'token' },
      variables: { db_password: 'hunter2' },
      pluginCacheDir: '/data/plugin-cache',
    });
    expect(env).toMatchObject({
      PATH: '/usr/bin',
      AWS_PROFILE: 'dev',
      TF_CLI_CONFIG_FILE: '/home/me/.terraformrc',
      HTTPS_PROXY: 'http://proxy:3128',
      TF_IN_AUTOMATION: '1',
      TF_INPUT: '0',
      CHECKPOINT_DISABLE: '1',
      TF_PLUGIN_CACHE_DIR: '/data/plugin-cache',
      TF_HTTP_ADDRESS: 'http://127.0.0.1:4000/state/dev',
      TF_HTTP_PASSWORD: 'token',
      TF_VAR_db_password: 'hunter2',
    });
  });

  it('drops inherited backend, variable and workspace overrides that would steer the generated module', () => {
    const env = buildRunEnvironment({ base });
    expect(env.TF_HTTP_ADDRESS).toBeUndefined();
    expect(env.TF_VAR_region).toBeUndefined();
    expect(env.TF_WORKSPACE).toBeUndefined();
  });

  it('refuses names that cannot be environment keys', () => {
    expect(() => buildRunEnvironment({ base, variables: { 'bad name': 'x' } })).toThrow(/Invalid terraform variable name/);
    expect(() => buildRunEnvironment({ base, httpBackend: { address: 'x' } })).toThrow(/upper-case key/);
  });
});
