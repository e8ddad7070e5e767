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

  it('turns colour off for every terraform command with -no-color in TF_CLI_ARGS, and never passes the user\'s TF_CLI_ARGS', () => {
    const inherited = { ...base, TF_CLI_ARGS: '-target=module.other', TF_CLI_ARGS_plan: '-refresh=false' };
    expect(buildRunEnvironment({ base: inherited, color: false })).toMatchObject({ TF_CLI_ARGS: '-no-color' });
    expect(buildRunEnvironment({ base: inherited, color: false }).TF_CLI_ARGS_plan).toBeUndefined();
    expect(buildRunEnvironment({ base: inherited }).TF_CLI_ARGS).toBeUndefined();
    expect(buildRunEnvironment({ base: inherited, color: true }).TF_CLI_ARGS).toBeUndefined();
  });

  it('refuses names that cannot be environment keys', () => {
    expect(() => buildRunEnvironment({ base, variables: { 'bad name': 'x' } })).toThrow(/Invalid terraform variable name/);
    expect(() => buildRunEnvironment({ base, httpBackend: { address: 'x' } })).toThrow(/upper-case key/);
  });
});
