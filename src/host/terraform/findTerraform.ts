import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import type { TerraformInfo } from '../../core/api/areas/app';

/** Finds an executable on PATH (or checks an absolute path); `undefined` when absent. */
export function whichBinary(binary: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = isAbsolute(binary) ? [binary] : (env.PATH ?? '').split(delimiter).map((dir) => join(dir, binary));
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

function run(path: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    execFile(path, args, { env, timeout: 15000, maxBuffer: 1 << 20 }, (error, stdout) => {
      if (error) reject(error);
      else resolvePromise(stdout);
    });
  });
}

/** Looks for terraform (or tofu) and asks it for its version. Never throws. */
export async function findTerraform(binary = 'terraform', env: NodeJS.ProcessEnv = process.env): Promise<TerraformInfo> {
  const path = whichBinary(binary, env);
  if (!path) {
    return {
      found: false,
      binary,
      message: `${binary} was not found on PATH. Install Terraform (1.5 or newer) or OpenTofu, or set DRIFTLESS_TERRAFORM to its path.`,
    };
  }
  try {
    const out = JSON.parse(await run(path, ['version', '-json'], { ...env, CHECKPOINT_DISABLE: '1' })) as {
      terraform_version?: string;
      platform?: string;
    };
    return { found: true, binary, path, version: out.terraform_version ?? 'unknown', platform: out.platform ?? 'unknown' };
  } catch (error) {
    return { found: false, binary, message: `${path} did not answer "version -json": ${(error as Error).message}` };
  }
}
