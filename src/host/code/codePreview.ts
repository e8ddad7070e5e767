import type { CodePreview } from '../../core/api/areas/code';
import type { CatalogSnapshot } from '../../core/bundles/manifest';
import { ApiFailure } from '../../core/api/errors';
import type { ProjectView } from '../../core/api/areas/project';
import { compileProject } from '../compiler/compileProject';

/** The compiled root module of a project's environment, for the read-only code view. */
export async function codePreview(
  deps: { getProject(id: string): Promise<ProjectView>; catalog(): CatalogSnapshot | Promise<CatalogSnapshot> },
  projectId: string,
  environmentId: string,
): Promise<CodePreview> {
  const { project } = await deps.getProject(projectId);
  if (!project.environments.some((environment) => environment.id === environmentId)) {
    throw new ApiFailure('not_found', `The project has no environment "${environmentId}". Choose one of its environments.`);
  }
  const result = compileProject(project, environmentId, await deps.catalog());
  return { files: result.files, diagnostics: result.diagnostics };
}
