import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

export type BinaryKind = 'terraform' | 'tofu';

/** Which binary to run, from settings: a kind, and optionally the path the user chose. */
export interface BinarySetting {
  kind?: BinaryKind;
  path?: string;
}

export type BinaryInfo =
  | { found: true; kind: BinaryKind; path: string; version: string; platform: string }
  | { found: false; kind: BinaryKind; path?: string; reason: 'not_found' | 'too_old' | 'not_answering'; message: string; version?: string };

export const minimumVersion = '1.5.0';

/** Finds an executable on PATH (or checks an absolute path); `undefined` when absent. */
export function whichBinary(binary: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = isAbsolute(binary) ? [binary] : (env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, binary));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; keep looking
    }
  }
  return undefined;
}

/** Compares dotted versions numerically (pre-release suffixes ignored). */
export function versionAtLeast(version: string, minimum: string): boolean {
  const parts = (text: string) => text.replace(/^v/, '').split(/[-+]/)[0]!.split('.').map((part) => Number.parseInt(part, 10) || 0);
  const [a, b] = [parts(version), parts(minimum)];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

/** Reads `version -json` of terraform (`terraform_version`) or OpenTofu (`terraform_version`, or `tofu_version` in some builds). */
export function parseVersionJson(text: string): { version?: string; platform?: string } {
  const parsed = JSON.parse(text) as { terraform_version?: string; tofu_version?: string; version?: string; platform?: string };
  return { version: parsed.terraform_version ?? parsed.tofu_version ?? parsed.version, platform: parsed.platform };
}

function run(path: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    execFile(path, args, { env, timeout: 15000, maxBuffer: 1 << 20 }, (error, stdout) => {
      if (error) reject(error);
      else resolvePromise(stdout);
    });
  });
}

const install =
  'Install Terraform 1.5 or newer (https://developer.hashicorp.com/terraform/install) or OpenTofu (https://opentofu.org/docs/intro/install/), ' +
  'then put it on PATH or choose its path in File → Terraform binary… in the app (or set DRIFTLESS_TERRAFORM=/path/to/terraform).';

/**
 * Finds the binary the settings name (a path, else the kind on PATH — terraform by default) and
 * asks it `version -json`. Never throws: an absent, old or silent binary is a message saying what to do.
 */
export async function detectBinary(setting: BinarySetting = {}, env: NodeJS.ProcessEnv = process.env): Promise<BinaryInfo> {
  const kind: BinaryKind = setting.kind ?? (setting.path && /tofu[^/\\]*$/.test(setting.path) ? 'tofu' : 'terraform');
  const wanted = setting.path ?? kind;
  const path = whichBinary(wanted, env);
  if (!path) {
    const where = setting.path ? `at ${setting.path} (the path chosen in Settings)` : 'on PATH';
    return { found: false, kind, reason: 'not_found', message: `${kind} was not found ${where}. ${install}` };
  }
  let version: string | undefined;
  let platform: string | undefined;
  try {
    ({ version, platform } = parseVersionJson(await run(path, ['version', '-json'], { ...env, CHECKPOINT_DISABLE: '1' })));
  } catch (error) {
    return { found: false, kind, path, reason: 'not_answering', message: `${path} did not answer "version -json" (${(error as Error).message.split('\n')[0]}). Is it really ${kind}? ${install}` };
  }
  if (!version) return { found: false, kind, path, reason: 'not_answering', message: `${path} answered "version -json" without a version. ${install}` };
  if (!versionAtLeast(version, minimumVersion)) {
    return {
      found: false, kind, path, version, reason: 'too_old',
      message: `${path} is ${kind} ${version}; Driftless needs ${minimumVersion} or newer (for show -json of saved plans and the -json stream it reads). Upgrade it, or choose a newer binary in File → Terraform binary… in the app.`,
    };
  }
  return { found: true, kind, path, version, platform: platform ?? 'unknown' };
}
