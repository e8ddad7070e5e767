import { randomUUID } from 'node:crypto';
import type { ImportResponse } from '../../core/api/areas/project';
import { ApiFailure } from '../../core/api/errors';
import type { Diagnostic } from '../../core/diagnostics';
import { parseDiagramFile } from '../../core/diagramFile/parse';
import { serializeDiagramFile } from '../../core/diagramFile/serialize';
import type { Project } from '../../core/model/diagram';
import { plaintextSecrets } from './plaintextSecrets';
import type { ProjectService } from './projectService';

/** The project as a `*.driftless.json` file text: secrets only as "set"/"unset", never values. */
export async function exportProject(service: ProjectService, id: string): Promise<{ fileName: string; text: string }> {
  await service.refresh();
  const project = service.repository().load(id);
  if (!project) throw new ApiFailure('not_found', `There is no project with id "${id}".`);
  const fileName = `${project.name.replace(/[^A-Za-z0-9._-]+/g, '-')}.driftless.json`;
  return { fileName, text: serializeDiagramFile(project, service.catalog()) };
}

/**
 * Imports a file as a new project, all or nothing: every problem of the file is listed (with its
 * JSON pointer) and nothing is stored unless there are none. The file's project id is kept when
 * it is free (so export → import → export gives the same file), else a new one is given.
 */
export async function importProject(service: ProjectService, text: string, name?: string, file?: string): Promise<ImportResponse> {
  const parsed = parseDiagramFile(text, file);
  if ('diagnostics' in parsed) return { imported: false, diagnostics: parsed.diagnostics };
  await service.refresh();
  const repository = service.repository();
  let project: Project = name === undefined ? parsed.project : { ...parsed.project, name };
  const notes: Diagnostic[] = [];
  if (repository.list().some((summary) => summary.name === project.name)) {
    return {
      imported: false,
      diagnostics: [
        {
          severity: 'error',
          code: 'import.name-taken',
          message: `A project named "${project.name}" already exists. Import under another name (--name NAME), or delete the existing project first.`,
          location: { file, pointer: '/project/name' },
        },
      ],
    };
  }
  const plaintext = plaintextSecrets(emptyLike(project), project, (ref) => service.sensitiveParams(ref));
  if (plaintext.length > 0) {
    return { imported: false, diagnostics: plaintext.map((diagnostic) => ({ ...diagnostic, location: { ...diagnostic.location, file } })) };
  }
  if (repository.find(project.id)?.id === project.id) {
    notes.push({
      severity: 'info',
      code: 'import.new-id',
      message: `A project with id "${project.id}" already exists, so the imported one was given a new id.`,
      location: { file, pointer: '/project/id' },
    });
    project = { ...project, id: randomUUID() };
  }
  project = withFreeEnvironmentIds(service, project, notes, file);
  repository.insert(project);
  return { imported: true, projectId: project.id, name: project.name, diagnostics: [...notes, ...service.diagnose(project)] };
}

/**
 * State versions and locks are keyed by environment id alone (migration 2), so an environment id
 * already used by another project (a second import of one file) gets a new id here.
 */
function withFreeEnvironmentIds(service: ProjectService, project: Project, notes: Diagnostic[], file?: string): Project {
  const used = service.repository().tables.db.prepare('SELECT 1 FROM environments WHERE id = ? LIMIT 1');
  let changed = false;
  const environments = project.environments.map((environment, index) => {
    if (!used.get(environment.id)) return environment;
    changed = true;
    notes.push({
      severity: 'info',
      code: 'import.new-environment-id',
      message: `Environment "${environment.name}" was given a new id: its id "${environment.id}" belongs to another project, whose state it must not share.`,
      location: { file, pointer: `/environments/${index}/id`, environment: environment.name },
    });
    return { ...environment, id: randomUUID() };
  });
  return changed ? { ...project, environments } : project;
}

function emptyLike(project: Project): Project {
  return { id: project.id, name: project.name, diagram: { nodes: [], edges: [] }, environments: [] };
}
