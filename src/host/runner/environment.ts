export interface RunEnvironmentOptions {
  /** The user's environment (cloud credentials, TF_CLI_CONFIG_FILE, proxies pass through). */
  base?: NodeJS.ProcessEnv;
  /** http backend settings by key (`ADDRESS`, `LOCK_ADDRESS`, `USERNAME`, `PASSWORD`, …) → TF_HTTP_<KEY>. */
  httpBackend?: Record<string, string>;
  /** Root module variables (sensitive params included) → TF_VAR_<name>. Never on a command line. */
  variables?: Record<string, string>;
  /** Directory of the shared provider cache (must exist); one for all environments. */
  pluginCacheDir?: string;
  /** False: terraform writes no colour codes (`-no-color` on every command, through TF_CLI_ARGS). Default true. */
  color?: boolean;
  /** Anything else the caller must set last (for example TF_DATA_DIR). */
  extra?: Record<string, string>;
}

// Inherited values that would steer our generated root module or its backend: ours decide.
const owned = [/^TF_HTTP_/, /^TF_VAR_/, /^TF_WORKSPACE$/, /^TF_CLI_ARGS/];

/**
 * The environment terraform runs with: the user's own environment, minus variables that would
 * override the generated module and backend, plus automation flags, the http backend and variables.
 * Secrets travel here, never in argv or files.
 */
export function buildRunEnvironment(options: RunEnvironmentOptions = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(options.base ?? process.env)) {
    if (value !== undefined && !owned.some((pattern) => pattern.test(key))) env[key] = value;
  }
  env.TF_IN_AUTOMATION = '1';
  env.TF_INPUT = '0';
  env.CHECKPOINT_DISABLE = '1';
  env.TERM = 'xterm-256color';
  env.COLORTERM = env.COLORTERM ?? 'truecolor';
  if (options.pluginCacheDir) env.TF_PLUGIN_CACHE_DIR = options.pluginCacheDir;
  // every terraform subcommand takes -no-color; TF_CLI_ARGS is ours (the user's is dropped above)
  if (options.color === false) env.TF_CLI_ARGS = '-no-color';
  for (const [key, value] of Object.entries(options.httpBackend ?? {})) {
    if (!/^[A-Z_]+$/.test(key)) throw new Error(`Invalid http backend setting name ${JSON.stringify(key)}: use the upper-case key, for example ADDRESS.`);
    env[`TF_HTTP_${key}`] = value;
  }
  for (const [name, value] of Object.entries(options.variables ?? {})) {
    if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(name)) throw new Error(`Invalid terraform variable name ${JSON.stringify(name)}.`);
    env[`TF_VAR_${name}`] = value;
  }
  Object.assign(env, options.extra ?? {});
  return env;
}
