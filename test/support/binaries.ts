import { execFileSync } from 'node:child_process';

export interface Binary {
  available: boolean;
  path: string;
  /** Shown as the skip reason where the binary is absent. */
  reason: string;
}

function which(name: string): string {
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

/**
 * Finds a binary a test needs. Where it is absent the test skips with a message — unless CI set
 * DRIFTLESS_REQUIRE_TERRAFORM=1, which turns the skip into a failure.
 */
export function requireBinary(name: 'terraform' | 'chromium'): Binary {
  const path = which(name);
  if (!path && process.env.DRIFTLESS_REQUIRE_TERRAFORM === '1') {
    throw new Error(`${name} is required here (DRIFTLESS_REQUIRE_TERRAFORM=1) but is not on PATH. Install it: see .ci/run.`);
  }
  return { available: Boolean(path), path, reason: path ? '' : `skipped: ${name} is not on PATH` };
}
