// Diagram files and a host for the run service tests: the built-in library plus test/fixtures/run-bundles.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunView } from '../../src/core/api/areas/run';
import { createHost, type Host } from '../../src/host/createHost';
import { terraformEnv } from './terraform';

export const runBundlesDir = fileURLToPath(new URL('../fixtures/run-bundles/', import.meta.url));

/** A diagram file of `local-task` nodes (name → params), one environment per name in `environments`. */
export function taskDiagram(name: string, tasks: Record<string, Record<string, unknown>>, environments: string[] = ['dev']): string {
  return JSON.stringify({
    format: 1,
    project: { id: name, name },
    bundles: { 'local-task@1.0.0': {} },
    nodes: Object.entries(tasks).map(([node, params], index) => ({ id: `${node}-id`, name: node, bundle: 'local-task@1.0.0', position: { x: index * 300, y: 0 }, params })),
    edges: [],
    environments: environments.map((environment) => ({ id: `${name}-${environment}`, name: environment, providers: {}, backend: { type: 'embedded' }, overrides: {} })),
  });
}

/** An example diagram file's text, optionally changed (for example offline AWS provider settings). */
export function exampleText(name: string, change: (document: Record<string, unknown>) => void = () => undefined): string {
  const document = JSON.parse(readFileSync(new URL(`../../examples/${name}.driftless.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
  change(document);
  return JSON.stringify(document);
}

/**
 * A host over a fresh data dir with the run bundles, its terraform given our own CLI config (the
 * provider mirror) and offline AWS credentials through the process environment of this test file.
 */
export function runHost(): Host {
  const dataDir = mkdtempSync(join(tmpdir(), 'driftless-runs-'));
  Object.assign(process.env, terraformEnv(join(dataDir, 'terraform-config')));
  return createHost({ version: '0.0.0-test', dataDir, shell: 'cli', heartbeatMs: 0, bundleDirs: [runBundlesDir] });
}

/** Imports a diagram file; returns the project id and its environments' ids by name. */
export async function importDiagram(host: Host, text: string, name?: string): Promise<{ projectId: string; environments: Record<string, string> }> {
  const imported = await host.call('project.import', name === undefined ? { text } : { text, name });
  if (!imported.ok || !imported.value.imported) throw new Error(`import failed: ${JSON.stringify(imported)}`);
  const projectId = imported.value.projectId;
  const project = await host.call('project.get', { id: projectId });
  if (!project.ok) throw new Error(project.error.message);
  return { projectId, environments: Object.fromEntries(project.value.project.environments.map((environment) => [environment.name, environment.id])) };
}

/** The run once the queue is idle again: tests start one run at a time, so idle means it has ended. */
export async function settledRun(host: Host, run: { id: string } | undefined): Promise<RunView> {
  if (run === undefined) throw new Error('no run was started (the request was refused)');
  await host.runs.idle();
  return host.runs.get(run.id);
}
