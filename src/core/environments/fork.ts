import type { DiagramEdit } from '../diagram/edits';
import type { Diagnostic } from '../diagnostics';
import { isSecretMarker, type Environment, type Project } from '../model/diagram';

/** A deep copy of plain JSON data (settings and override values are JSON). */
const copyOf = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export interface Fork {
  /** The `addEnvironment` edit, placed right after the source; undefined when refused. */
  edit?: DiagramEdit;
  environment?: Environment;
  diagnostics: Diagnostic[];
}

/**
 * A new environment with a copy of `source`'s provider settings and param overrides. Never its
 * state (the new id starts empty) and never its secrets: secret overrides are left out (the host
 * copies their values only when asked, which marks them again). A remote backend is not copied
 * either, since its config would point at the source's state: the fork uses the embedded one.
 */
export function forkEnvironment(project: Project, source: Environment, target: { id: string; name: string }): Fork {
  if (project.environments.some((environment) => environment.name === target.name)) {
    return {
      diagnostics: [{ severity: 'error', code: 'fork.duplicate-name', message: `An environment named "${target.name}" already exists. Choose another name for the fork.`, location: { environment: target.name } }],
    };
  }
  const diagnostics: Diagnostic[] = [];
  const overrides: Environment['overrides'] = {};
  for (const [nodeId, params] of Object.entries(source.overrides)) {
    const copied = Object.fromEntries(Object.entries(params).filter(([, value]) => !isSecretMarker(value)));
    if (Object.keys(copied).length > 0) overrides[nodeId] = copyOf(copied);
  }
  if (source.backend.type !== 'embedded') {
    diagnostics.push({
      severity: 'warning',
      code: 'fork.backend-not-copied',
      message: `"${target.name}" uses the embedded state backend: "${source.name}"'s ${source.backend.type} backend settings would point at its state. Set a backend of its own if it needs one.`,
      location: { environment: target.name },
    });
  }
  const environment: Environment = { id: target.id, name: target.name, providers: copyOf(source.providers), overrides, backend: { type: 'embedded' } };
  const index = project.environments.findIndex((candidate) => candidate.id === source.id) + 1;
  return { edit: { kind: 'addEnvironment', environment, index }, environment, diagnostics };
}
