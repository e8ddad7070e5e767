import type { PlanRequest } from '../../core/api/areas/run';
import { ApiFailure } from '../../core/api/errors';
import type { CatalogSnapshot } from '../../core/bundles/manifest';
import { targetsFor } from '../../core/compiler/targets';
import type { CompileResult } from '../../core/compiler/types';
import { hasErrors, type Diagnostic } from '../../core/diagnostics';
import type { Environment, Project } from '../../core/model/diagram';
import { compileProject } from '../compiler/compileProject';
import type { ProjectService } from '../projects/projectService';
import { secretKey, secretVariableName } from '../secrets/secretStore';

export interface PreparedRun {
  project: Project;
  environment: Environment;
  catalog: CatalogSnapshot;
  compiled: CompileResult;
  /** `module.<name>` addresses for -target (empty: everything). */
  targets: string[];
  /** Root module variables from the secret store (TF_VAR_*; never on a command line). */
  variables: Record<string, string>;
}

/**
 * Everything a plan needs before it is queued: the project and environment, the compiled module
 * (refused with its diagnostics on errors), the -target addresses and every secret value.
 */
export async function prepareRun(projects: ProjectService, catalogOf: () => Promise<CatalogSnapshot>, request: PlanRequest): Promise<PreparedRun | { diagnostics: Diagnostic[] }> {
  await projects.refresh();
  const project = projects.repository().load(request.projectId);
  if (!project) throw new ApiFailure('not_found', `There is no project with id "${request.projectId}".`);
  const environment = project.environments.find((candidate) => candidate.id === request.environmentId || candidate.name === request.environmentId);
  if (!environment) {
    throw new ApiFailure('not_found', `Project "${project.name}" has no environment "${request.environmentId}". Its environments: ${project.environments.map((candidate) => candidate.name).join(', ')}.`);
  }
  const catalog = projects.catalog() ?? (await catalogOf());
  const compiled = compileProject(project, environment.id, catalog);
  if (hasErrors(compiled.diagnostics)) return { diagnostics: compiled.diagnostics };
  let targets: string[] = [];
  if (request.target) {
    targets = targetsFor(project, request.target.nodeId, request.target.mode);
    if (targets.length === 0) {
      return { diagnostics: [{ severity: 'error', code: 'run.target-unknown', message: `There is no node "${request.target.nodeId}" to target. Pick a node of the diagram.` }] };
    }
  }
  const secrets = projects.secrets().resolveSecrets(project.id, environment.id);
  const variables: Record<string, string> = {};
  const missing: Diagnostic[] = [];
  for (const input of compiled.secretInputs) {
    const value = secrets.get(secretKey(input.nodeId, input.param));
    if (value === undefined) {
      missing.push({
        severity: 'error',
        code: 'run.secret-missing',
        message: `Param "${input.param}" of node "${input.node}" is a secret with no value in environment "${environment.name}". Set it in the inspector (or ${secretVariableName(input.node, input.param)} in CI), then plan again.`,
        location: { nodeId: input.nodeId, environment: environment.name },
      });
    } else variables[input.variable] = value;
  }
  if (missing.length > 0) return { diagnostics: missing };
  return { project, environment, catalog, compiled, targets, variables };
}
