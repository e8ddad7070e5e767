import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

let cachedMirror: string | null | undefined;

/**
 * The provider filesystem mirror: $DRIFTLESS_TF_MIRROR, else the parent of the first
 * `registry.terraform.io` folder found near the root (/opt/tf-plugins on this image). Temp
 * folders are skipped: tests' plugin caches have the same layout, and using one as the mirror
 * makes terraform "install a provider directory to itself".
 */
export function providerMirror(): string | undefined {
  const fromEnv = process.env.DRIFTLESS_TF_MIRROR;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  if (cachedMirror !== undefined) return cachedMirror ?? undefined;
  const skip = [...new Set(['/tmp', tmpdir()])].map((dir) => `-not -path '${dir}/*'`).join(' ');
  try {
    const found = execFileSync('sh', ['-c', `find / -xdev -maxdepth 3 -type d -name registry.terraform.io ${skip} 2>/dev/null | head -n 1`], {
      encoding: 'utf8',
    }).trim();
    cachedMirror = found ? dirname(found) : null;
  } catch {
    cachedMirror = null;
  }
  return cachedMirror ?? undefined;
}

/** Writes a CLI config of our own (never the global one) into `dir`, using the mirror when there is one. */
export function writeCliConfig(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const mirror = providerMirror();
  const path = join(dir, 'terraform.rc');
  writeFileSync(
    path,
    mirror
      ? `provider_installation {\n  filesystem_mirror {\n    path    = ${JSON.stringify(mirror)}\n    include = ["registry.terraform.io/hashicorp/*"]\n  }\n  direct {\n    exclude = ["registry.terraform.io/hashicorp/*"]\n  }\n}\n`
      : '',
  );
  return path;
}

/** The environment every terraform a test starts gets: own CLI config, no prompts, no checkpoint, offline AWS creds. */
export function terraformEnv(configDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    TF_CLI_CONFIG_FILE: writeCliConfig(configDir),
    CHECKPOINT_DISABLE: '1',
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKEFAKE',
    AWS_SECRET_ACCESS_KEY: 'fake',
    ...extra,
  };
}

export interface TerraformResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs terraform to completion (never throws on a non-zero exit: tests assert on `code`). */
export function runTerraform(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; binary?: string }): Promise<TerraformResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(options.binary ?? 'terraform', args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
