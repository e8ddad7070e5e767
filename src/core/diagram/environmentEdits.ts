import type { Diagnostic } from '../diagnostics';
import type { BackendChoice, Environment, Project } from '../model/diagram';
import { editFailure, type EditResult } from './editResult';
import type { DiagramEdit } from './edits';

/** Edits of a project's environments: overrides, provider settings, backend, and the list itself. */
export type EnvironmentEdit =
  | { kind: 'setOverride'; environmentId: string; nodeId: string; param: string; value: unknown }
  | { kind: 'resetOverride'; environmentId: string; nodeId: string; param: string }
  /** Adds an environment; `index` places it in the list (inverses use it to restore order). */
  | { kind: 'addEnvironment'; environment: Environment; index?: number }
  | { kind: 'removeEnvironment'; environmentId: string }
  | { kind: 'renameEnvironment'; environmentId: string; name: string }
  | { kind: 'setEnvironmentProviders'; environmentId: string; providers: Record<string, Record<string, unknown>> }
  | { kind: 'setEnvironmentBackend'; environmentId: string; backend: BackendChoice };

const NO_EDIT: DiagramEdit = { kind: 'batch', edits: [] };

function unknownEnvironment(id: string): Diagnostic {
  return {
    severity: 'error',
    code: 'edit.unknown-environment',
    message: `There is no environment with id "${id}". Reload the project: it may have been changed elsewhere.`,
    location: { environment: id },
  };
}

function updateEnvironment(
  project: Project,
  id: string,
  change: (environment: Environment) => { environment: Environment; inverse: DiagramEdit } | Diagnostic,
): EditResult {
  const index = project.environments.findIndex((environment) => environment.id === id);
  if (index < 0) return editFailure(unknownEnvironment(id));
  const old = project.environments[index]!;
  const outcome = change(old);
  if ('severity' in outcome) return editFailure(outcome);
  if (outcome.environment === old) return { ok: true, project, inverse: outcome.inverse };
  const environments = project.environments.slice();
  environments[index] = outcome.environment;
  return { ok: true, project: { ...project, environments }, inverse: outcome.inverse };
}

/** Applies an environment edit (see applyEdit). */
export function applyEnvironmentEdit(project: Project, edit: EnvironmentEdit): EditResult {
  switch (edit.kind) {
    case 'setOverride':
      return updateEnvironment(project, edit.environmentId, (environment) => {
        if (!project.diagram.nodes.some((node) => node.id === edit.nodeId)) {
          return {
            severity: 'error',
            code: 'edit.unknown-node',
            message: `There is no node with id "${edit.nodeId}" to override. Reload the diagram: it may have been changed elsewhere.`,
            location: { nodeId: edit.nodeId, environment: environment.name, field: edit.param },
          };
        }
        const current = environment.overrides[edit.nodeId];
        const had = current !== undefined && Object.hasOwn(current, edit.param);
        const inverse: DiagramEdit = had
          ? { kind: 'setOverride', environmentId: edit.environmentId, nodeId: edit.nodeId, param: edit.param, value: current[edit.param] }
          : { kind: 'resetOverride', environmentId: edit.environmentId, nodeId: edit.nodeId, param: edit.param };
        const overrides = { ...environment.overrides, [edit.nodeId]: { ...current, [edit.param]: edit.value } };
        return { environment: { ...environment, overrides }, inverse };
      });
    case 'resetOverride':
      return updateEnvironment(project, edit.environmentId, (environment) => {
        const current = environment.overrides[edit.nodeId];
        if (current === undefined || !Object.hasOwn(current, edit.param)) return { environment, inverse: NO_EDIT };
        const { [edit.param]: old, ...rest } = current;
        const overrides = { ...environment.overrides, [edit.nodeId]: rest };
        // No empty per-node maps: a node without overrides has no entry.
        if (Object.keys(rest).length === 0) delete overrides[edit.nodeId];
        return {
          environment: { ...environment, overrides },
          inverse: { kind: 'setOverride', environmentId: edit.environmentId, nodeId: edit.nodeId, param: edit.param, value: old },
        };
      });
    case 'addEnvironment': {
      if (project.environments.some((environment) => environment.id === edit.environment.id)) {
        return editFailure({
          severity: 'error',
          code: 'edit.duplicate-environment-id',
          message: `An environment with id "${edit.environment.id}" already exists. Give the new environment a fresh id.`,
          location: { environment: edit.environment.name },
        });
      }
      const environments = project.environments.slice();
      const at = edit.index === undefined ? environments.length : Math.max(0, Math.min(edit.index, environments.length));
      environments.splice(at, 0, edit.environment);
      return { ok: true, project: { ...project, environments }, inverse: { kind: 'removeEnvironment', environmentId: edit.environment.id } };
    }
    case 'removeEnvironment': {
      const index = project.environments.findIndex((environment) => environment.id === edit.environmentId);
      if (index < 0) return editFailure(unknownEnvironment(edit.environmentId));
      const environments = project.environments.slice();
      const [environment] = environments.splice(index, 1);
      return { ok: true, project: { ...project, environments }, inverse: { kind: 'addEnvironment', environment: environment!, index } };
    }
    case 'renameEnvironment':
      return updateEnvironment(project, edit.environmentId, (environment) => ({
        environment: environment.name === edit.name ? environment : { ...environment, name: edit.name },
        inverse: { kind: 'renameEnvironment', environmentId: edit.environmentId, name: environment.name },
      }));
    case 'setEnvironmentProviders':
      return updateEnvironment(project, edit.environmentId, (environment) => ({
        environment: { ...environment, providers: edit.providers },
        inverse: { kind: 'setEnvironmentProviders', environmentId: edit.environmentId, providers: environment.providers },
      }));
    case 'setEnvironmentBackend':
      return updateEnvironment(project, edit.environmentId, (environment) => ({
        environment: { ...environment, backend: edit.backend },
        inverse: { kind: 'setEnvironmentBackend', environmentId: edit.environmentId, backend: environment.backend },
      }));
  }
}
