import { readFileSync } from 'node:fs';
import { canonicalJson } from '../../core/compiler/canonicalJson';
import type { RunStarted, RunTarget, RunView } from '../../core/api/areas/run';
import type { Diagnostic } from '../../core/diagnostics';
import type { Project } from '../../core/model/diagram';
import { createHost, type Host } from '../../host/createHost';
import { resolveDataDir } from '../../host/dataDir';
import type { CommandContext, OptionSpec } from '../command';
import { packageVersion } from '../packageRoot';
import { terminalColor } from '../terminalColor';
import { bundleFolders, bundlesOption } from './bundleFolders';
import { formatDiagnostic, readDiagramFile } from './diagramFileInput';

/** Options the plan, apply, destroy and drift commands share. */
export const runOptions: Record<string, OptionSpec> = {
  env: { type: 'string', description: 'Environment (name or id)', valueName: 'ENV' },
  bundles: bundlesOption,
  replace: { type: 'boolean', description: 'Replace the project stored under the file\'s id when the file differs (stored secrets of it are lost)' },
  json: { type: 'boolean', description: 'Print the run as JSON (terraform\'s output goes to stderr)' },
};

export interface RunContext {
  host: Host;
  projectId: string;
  environmentId: string;
  project: Project;
}

const comparable = (project: Project) => canonicalJson({ name: project.name, diagram: project.diagram, environments: project.environments });

/**
 * Opens a host over the data dir, with the project of FILE: imported on first use, reused by id
 * after (refused when the stored one differs, unless --replace). Terraform's output streams to stderr.
 */
export async function withRunContext(context: CommandContext, commandName: string, use: (run: RunContext) => Promise<number>): Promise<number> {
  const { values, positionals, stderr } = context;
  const environment = values.env as string | undefined;
  if (positionals.length !== 1 || !environment) {
    stderr(`driftless ${commandName} takes one FILE and --env ENV. Run "driftless ${commandName} --help" for usage.`);
    return 1;
  }
  const file = positionals[0]!;
  const parsed = readDiagramFile(file);
  if ('diagnostics' in parsed) {
    for (const diagnostic of parsed.diagnostics) stderr(formatDiagnostic(diagnostic));
    return 1;
  }
  const host = createHost({ version: packageVersion(), dataDir: resolveDataDir(values['data-dir'] as string | undefined), shell: 'cli', heartbeatMs: 0, bundleDirs: bundleFolders(values), terraformColor: terminalColor(process.env, process.stderr.isTTY === true) });
  // Printed as it comes, acknowledged at once: stderr is the terminal here (flow control is for windows).
  const unsubscribe = host.events.subscribe('run.output', ({ runId, data }) => {
    process.stderr.write(data);
    host.runs.ack(runId, data.length);
  });
  // Ctrl-C reaches only this process (terraform has its own terminal): pass it on — first a safe stop, then a kill.
  const running = new Set<string>();
  const unsubscribeStatus = host.events.subscribe('run.status', ({ runId, status }) => (status === 'running' || status === 'queued' ? running.add(runId) : running.delete(runId)));
  let interrupts = 0;
  const onInterrupt = () => {
    interrupts++;
    if (interrupts > 1) stderr('Stopping terraform now (killed).');
    else stderr('Asking terraform to stop safely; press Ctrl-C again to kill it.');
    for (const runId of running) host.runs.cancel(runId, interrupts > 1);
  };
  process.on('SIGINT', onInterrupt);
  try {
    const stored = await host.call('project.get', { id: parsed.project.id });
    let projectId = parsed.project.id;
    if (stored.ok && comparable(stored.value.project) !== comparable(parsed.project)) {
      if (!values.replace) {
        stderr(`The data dir holds project "${stored.value.project.name}" (id ${projectId}) with a different diagram than ${file}. Run again with --replace to plan the file as it is now.`);
        return 1;
      }
      await host.call('project.delete', { id: projectId });
    }
    if (!stored.ok || values.replace) {
      const imported = await host.call('project.import', { text: readFileSync(file, 'utf8') });
      if (!imported.ok) {
        stderr(imported.error.message);
        return 1;
      }
      if (!imported.value.imported) {
        for (const diagnostic of imported.value.diagnostics) stderr(formatDiagnostic(diagnostic));
        return 1;
      }
      projectId = imported.value.projectId;
    }
    const current = await host.call('project.get', { id: projectId });
    if (!current.ok) {
      stderr(current.error.message);
      return 1;
    }
    const match = current.value.project.environments.find((candidate) => candidate.name === environment || candidate.id === environment);
    if (!match) {
      stderr(`${file} has no environment "${environment}". Its environments: ${current.value.project.environments.map((candidate) => candidate.name).join(', ')}.`);
      return 1;
    }
    return await use({ host, projectId, environmentId: match.id, project: current.value.project });
  } finally {
    unsubscribe();
    await host.runs.idle();
    unsubscribeStatus();
    process.off('SIGINT', onInterrupt);
    await host.close();
  }
}

/** The -target of --target NODE (a node name or id): the node with everything it depends on. */
export function targetOf(project: Project, value: unknown): RunTarget | undefined | Diagnostic {
  if (typeof value !== 'string') return undefined;
  const node = project.diagram.nodes.find((candidate) => candidate.name === value || candidate.id === value);
  if (!node) return { severity: 'error', code: 'run.target-unknown', message: `There is no node "${value}" to target. Nodes: ${project.diagram.nodes.map((candidate) => candidate.name).join(', ')}.` };
  return { nodeId: node.id, mode: 'with-dependencies' };
}

/** Waits for a started run; prints refusal diagnostics. Undefined when the run was refused. */
export async function settle(host: Host, started: RunStarted, stderr: (text: string) => void): Promise<RunView | undefined> {
  for (const diagnostic of started.diagnostics) if (diagnostic.severity !== 'info') stderr(formatDiagnostic(diagnostic));
  if (!started.run) return undefined;
  await host.runs.idle();
  return host.runs.get(started.run.id);
}
