import { writeFileSync } from 'node:fs';
import type { StateDiff } from '../../core/api/areas/state';
import type { MethodName, RequestOf, ResponseOf } from '../../core/api/contract';
import { createHost, type Host } from '../../host/createHost';
import { resolveDataDir } from '../../host/dataDir';
import type { Command, CommandContext } from '../command';
import { packageVersion } from '../packageRoot';

const usage = [
  'driftless state versions ENV [--json]',
  'driftless state diff ENV FROM TO [--json]',
  'driftless state show ENV VERSION [--output FILE]',
  'driftless state restore ENV VERSION --yes',
  'driftless state locks [--json]',
  'driftless state unlock ENV (--arm | --yes)',
];

class UsageError extends Error {}

async function call<M extends MethodName>(host: Host, method: M, request: RequestOf<M>): Promise<ResponseOf<M>> {
  const result = await host.call(method, request);
  if (!result.ok) throw new UsageError(result.error.message);
  return result.value;
}

function versionNumber(text: string | undefined, what: string): number {
  const value = Number(text);
  if (!text || !Number.isInteger(value) || value < 1) throw new UsageError(`${what} must be a version number (1, 2, …), not "${text ?? ''}". List them with "driftless state versions ENV".`);
  return value;
}

function diffLines(diff: StateDiff): string[] {
  const lines = [
    ...diff.added.map((resource) => `+ ${resource.address}${resource.resourceId ? ` (${resource.resourceId})` : ''}`),
    ...diff.removed.map((resource) => `- ${resource.address}${resource.resourceId ? ` (${resource.resourceId})` : ''}`),
    ...diff.changed.flatMap((resource) => [
      `~ ${resource.address}`,
      ...resource.changes.map((change) => `    ${change.attribute}: ${JSON.stringify(change.before)} -> ${JSON.stringify(change.after)}`),
    ]),
  ];
  const outputs = [...diff.outputs.added.map((name) => `+ output.${name}`), ...diff.outputs.removed.map((name) => `- output.${name}`), ...diff.outputs.changed.map((name) => `~ output.${name}`)];
  return [...lines, ...outputs, `${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed, ${diff.unchanged} unchanged.`];
}

async function runSubcommand(host: Host, { values, positionals, stdout }: CommandContext): Promise<number> {
  const [action, environmentId, ...rest] = positionals;
  const json = Boolean(values.json);
  const needEnvironment = () => {
    if (!environmentId) throw new UsageError(`"driftless state ${action}" needs an environment id.`);
    return environmentId;
  };
  switch (action) {
    case 'versions': {
      const versions = await call(host, 'state.versions', { environmentId: needEnvironment() });
      if (json) stdout(JSON.stringify(versions, null, 2));
      else if (versions.length === 0) {
        const stored = await call(host, 'state.environments', {});
        stdout(`No state stored for "${environmentId}". ${stored.length > 0 ? `Environments with stored state (by id): ${stored.join(', ')}.` : 'No environment has stored state yet.'}`);
      }
      else for (const version of versions) {
        const origin = version.source === 'restore' ? `restored from v${version.restoredFrom}` : version.runId ? `run ${version.runId}` : 'terraform';
        stdout(`v${version.version}  serial ${version.serial ?? '(encrypted)'}  ${version.createdAt}  ${version.size} bytes  ${version.terraformVersion ?? ''}  ${origin}`);
      }
      return 0;
    }
    case 'diff': {
      const diff = await call(host, 'state.diff', { environmentId: needEnvironment(), from: versionNumber(rest[0], 'FROM'), to: versionNumber(rest[1], 'TO') });
      stdout(json ? JSON.stringify(diff, null, 2) : diffLines(diff).join('\n'));
      return 0;
    }
    case 'show': {
      const { text } = await call(host, 'state.download', { environmentId: needEnvironment(), version: versionNumber(rest[0], 'VERSION') });
      if (values.output) writeFileSync(values.output as string, text, { mode: 0o600 });
      else stdout(text);
      return 0;
    }
    case 'restore': {
      const version = versionNumber(rest[0], 'VERSION');
      if (!values.yes) throw new UsageError(`Restoring writes v${version} of "${needEnvironment()}" as its newest state. Add --yes to confirm.`);
      const restored = await call(host, 'state.restore', { environmentId: needEnvironment(), version, confirm: true });
      stdout(json ? JSON.stringify(restored, null, 2) : `Restored v${version} as v${restored.version} (serial ${restored.serial}).`);
      return 0;
    }
    case 'locks': {
      const locks = await call(host, 'state.locks', {});
      if (json) stdout(JSON.stringify(locks, null, 2));
      else if (locks.length === 0) stdout('No state is locked.');
      else for (const lock of locks) stdout(`${lock.environmentId}  ${lock.lockId}  ${lock.operation}  ${lock.who}  since ${lock.since}`);
      return 0;
    }
    case 'unlock': {
      const id = needEnvironment();
      if (values.arm) {
        const armed = await call(host, 'state.armForceUnlock', { environmentId: id });
        stdout(`Armed: "terraform force-unlock ${armed.lockId}" may release the lock of "${id}" until ${armed.expiresAt}.`);
        return 0;
      }
      if (!values.yes) throw new UsageError(`Releasing the lock of "${id}" while terraform still runs can corrupt its state. Add --yes to release it now, or --arm to let terraform force-unlock it.`);
      const lock = (await call(host, 'state.locks', {})).find((candidate) => candidate.environmentId === id);
      if (!lock) throw new UsageError(`The state of "${id}" is not locked.`);
      const { released } = await call(host, 'state.forceUnlock', { environmentId: id, lockId: lock.lockId, confirm: true });
      stdout(released ? `Released lock ${lock.lockId} (${lock.operation} by ${lock.who}).` : `Lock ${lock.lockId} was already released.`);
      return 0;
    }
    default:
      throw new UsageError(`Unknown state action "${action ?? ''}". Use one of: versions, diff, show, restore, locks, unlock.`);
  }
}

export const stateCommand: Command = {
  name: 'state',
  summary: 'Terraform state history and locks: list, diff, show, restore versions; see and release locks',
  usage: usage.join('\n       '),
  options: {
    json: { type: 'boolean', description: 'Print JSON' },
    yes: { type: 'boolean', description: 'Confirm a restore or a lock release' },
    arm: { type: 'boolean', description: 'unlock: let the next "terraform force-unlock" release the lock (5 minutes)' },
    output: { type: 'string', description: 'show: write the state to FILE (mode 0600) instead of stdout', valueName: 'FILE' },
  },
  details: 'Exit codes: 0 success, 1 failure (unknown version, locked state, missing --yes).',
  async run(context) {
    const host = createHost({ version: packageVersion(), dataDir: resolveDataDir(context.values['data-dir'] as string | undefined), shell: 'cli', heartbeatMs: 0 });
    try {
      return await runSubcommand(host, context);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      context.stderr(error.message);
      return 1;
    } finally {
      await host.close();
    }
  },
};
