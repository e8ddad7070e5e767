import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyProvider } from '../secrets/keyProvider';
import { openBytes, sealBytes } from '../secrets/secretCipher';

// A sealed plan file: this line, then the nonce, the tag and the ciphertext of the plan's bytes.
const MAGIC = Buffer.from('driftless-sealed-plan 2\n', 'utf8');
const NONCE = 12;
const TAG = 16;

const contextOf = (planRunId: string) => `saved-plan\u0000${planRunId}`;

export class PlanFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanFileError';
  }
}

/**
 * Saved plans hold every variable value, secrets included. At rest they are sealed with the secret
 * store's key (`<dataDir>/plans/<plan run id>.tfplan.sealed`); terraform sees them in clear only in
 * the environment's workdir, for `show -json` right after the plan and for the apply.
 */
export class PlanFiles {
  readonly dir: string;

  constructor(
    private readonly dataDir: string,
    private readonly keys: KeyProvider,
  ) {
    this.dir = join(dataDir, 'plans');
  }

  /** Where terraform writes (`plan -out`) and reads (apply) the clear plan: `.terraform/` survives recompiles. */
  clearPath(workdir: string, planRunId: string): string {
    return join(workdir, '.terraform', `driftless-${planRunId}.tfplan`);
  }

  sealedPath(planRunId: string): string {
    return join(this.dir, `${planRunId}.tfplan.sealed`);
  }

  /** Makes the folder of a clear plan before terraform writes there. */
  prepare(clearPath: string): void {
    mkdirSync(join(clearPath, '..'), { recursive: true, mode: 0o700 });
  }

  /** Seals the clear plan terraform wrote and deletes it; returns the sealed file's path. */
  seal(planRunId: string, clearPath: string): string {
    try {
      const sealed = sealBytes(this.keys.key(), readFileSync(clearPath), contextOf(planRunId));
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      const path = this.sealedPath(planRunId);
      const staging = `${path}.${process.pid}.tmp`;
      writeFileSync(staging, Buffer.concat([MAGIC, sealed.nonce, sealed.tag, sealed.ciphertext]), { mode: 0o600 });
      renameSync(staging, path);
      return path;
    } finally {
      rmSync(clearPath, { force: true });
    }
  }

  /** Writes the clear plan (0600) for an apply; throws PlanFileError when it is gone or cannot be decrypted. */
  unseal(planRunId: string, sealedPath: string, clearPath: string): void {
    if (!existsSync(sealedPath)) throw new PlanFileError(`The saved plan of run ${planRunId} is gone; plan again.`);
    const bytes = readFileSync(sealedPath);
    if (!bytes.subarray(0, MAGIC.length).equals(MAGIC) || bytes.length < MAGIC.length + NONCE + TAG) {
      throw new PlanFileError(`The saved plan ${sealedPath} is damaged; plan again.`);
    }
    const nonce = bytes.subarray(MAGIC.length, MAGIC.length + NONCE);
    const tag = bytes.subarray(MAGIC.length + NONCE, MAGIC.length + NONCE + TAG);
    const ciphertext = bytes.subarray(MAGIC.length + NONCE + TAG);
    let plan: Buffer;
    try {
      plan = openBytes(this.keys.key(), { nonce, tag, ciphertext }, contextOf(planRunId));
    } catch (error) {
      throw new PlanFileError(`The saved plan of run ${planRunId} cannot be decrypted (${(error as Error).message}): the secret key changed or the file was altered. Plan again.`);
    }
    this.prepare(clearPath);
    rmSync(clearPath, { force: true });
    writeFileSync(clearPath, plan, { mode: 0o600, flag: 'wx' });
  }

  /** Deletes a plan's sealed file. */
  remove(planRunId: string): void {
    rmSync(this.sealedPath(planRunId), { force: true });
  }

  /**
   * Deletes what no run will use: sealed plans of runs not in `keep`, clear plans left in
   * `plans/` (older versions kept them there) or in a workdir by a host that stopped mid-run.
   */
  prune(keep: (planRunId: string) => boolean): string[] {
    const removed: string[] = [];
    const drop = (path: string) => {
      rmSync(path, { force: true });
      removed.push(path);
    };
    if (existsSync(this.dir)) {
      for (const name of readdirSync(this.dir)) {
        const sealed = /^(.+)\.tfplan\.sealed$/.exec(name);
        if (!sealed || !keep(sealed[1]!)) drop(join(this.dir, name));
      }
    }
    const workspaces = join(this.dataDir, 'workspaces');
    if (existsSync(workspaces)) {
      for (const environment of readdirSync(workspaces)) {
        const cache = join(workspaces, environment, '.terraform');
        if (!existsSync(cache)) continue;
        for (const name of readdirSync(cache)) {
          const clear = /^driftless-(.+)\.tfplan$/.exec(name);
          if (clear && !keep(clear[1]!)) drop(join(cache, name));
        }
      }
    }
    return removed;
  }
}
