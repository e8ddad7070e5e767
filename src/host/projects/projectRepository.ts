import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { ApiFailure } from '../../core/api/errors';
import { applyEdit as applyPureEdit, type DiagramEdit } from '../../core/diagram/edits';
import type { Diagnostic } from '../../core/diagnostics';
import type { Environment, Project } from '../../core/model/diagram';
import { plaintextSecrets, type SensitiveParams } from './plaintextSecrets';
import { ProjectTables, type Positions, type ProjectSummary } from './projectTables';
import { writeChanges } from './writeChanges';

export type { ProjectSummary } from './projectTables';

export interface ProjectRepositoryOptions {
  db: Database;
  /** Diagnostics of the whole project (validation with the catalog and the param validator). */
  diagnose?: (project: Project) => Diagnostic[];
  /** Which params of a bundle are sensitive; edits may not store those in plain text. */
  sensitiveParams?: SensitiveParams;
  now?: () => string;
}

export type ApplyOutcome =
  /** The edit was saved as revision `revision`; `inverse` undoes it exactly. */
  | { applied: true; revision: number; inverse: DiagramEdit; diagnostics: Diagnostic[]; rowsWritten: number }
  /** The edit did not fit (nothing was written); `diagnostics` say why. */
  | { applied: false; revision: number; diagnostics: Diagnostic[] };

interface Loaded {
  project: Project;
  positions: Positions;
  revision: number;
}

export interface ProjectRepository {
  readonly tables: ProjectTables;
  list(): ProjectSummary[];
  /** A new project with one embedded-state environment per name (default: `default`). */
  create(name: string, environmentNames?: string[]): ProjectSummary;
  /** Stores a whole project (an import) in one transaction; its id must be free. */
  insert(project: Project): ProjectSummary;
  load(projectId: string): Project | undefined;
  /** The project by id, or by name when no id matches. */
  find(idOrName: string): ProjectSummary | undefined;
  revision(projectId: string): number;
  diagnose(project: Project): Diagnostic[];
  delete(projectId: string): boolean;
  /** Applies one edit in one transaction, writing only the rows it changed, and logs it. */
  applyEdit(projectId: string, edit: DiagramEdit, baseRevision?: number): ApplyOutcome;
}

/** The projects of one database; the one writer of the diagram tables. */
export function createProjectRepository(options: ProjectRepositoryOptions): ProjectRepository {
  const { db } = options;
  const tables = new ProjectTables(db);
  const now = options.now ?? (() => new Date().toISOString());
  // The host is the only writer, so a loaded project stays current; edits start from it.
  const cache = new Map<string, Loaded>();

  const loaded = (projectId: string): Loaded => {
    let entry = cache.get(projectId);
    if (!entry) {
      const read = tables.readProject(projectId);
      if (!read) throw new ApiFailure('not_found', `There is no project with id "${projectId}". Run "driftless import" or create one first.`);
      entry = { ...read, revision: tables.summary(projectId)!.revision };
      cache.set(projectId, entry);
    }
    return entry;
  };

  const nameTaken = (name: string) => tables.listProjects().some((summary) => summary.name === name);

  const repository: ProjectRepository = {
    tables,
    list: () => tables.listProjects(),
    create(name, environmentNames = ['default']) {
      const project: Project = {
        id: randomUUID(),
        name,
        diagram: { nodes: [], edges: [] },
        environments: environmentNames.map(
          (environmentName): Environment => ({ id: randomUUID(), name: environmentName, providers: {}, overrides: {}, backend: { type: 'embedded' } }),
        ),
      };
      return repository.insert(project);
    },
    insert(project) {
      if (nameTaken(project.name)) throw new ApiFailure('conflict', `A project named "${project.name}" already exists. Choose another name.`);
      if (tables.summary(project.id)) throw new ApiFailure('conflict', `A project with id "${project.id}" already exists.`);
      const at = now();
      const empty: Project = { id: project.id, name: project.name, diagram: { nodes: [], edges: [] }, environments: [] };
      const positions: Positions = { nodes: new Map(), edges: new Map(), environments: new Map() };
      db.transaction(() => {
        tables.insertProject(project.id, project.name, at);
        writeChanges(tables, empty, project, positions);
      })();
      cache.set(project.id, { project, positions, revision: 0 });
      return tables.summary(project.id)!;
    },
    load: (projectId) => (tables.summary(projectId) ? loaded(projectId).project : undefined),
    find: (idOrName) => tables.summary(idOrName) ?? tables.listProjects().find((summary) => summary.name === idOrName),
    revision: (projectId) => loaded(projectId).revision,
    diagnose: (project) => options.diagnose?.(project) ?? [],
    delete(projectId) {
      cache.delete(projectId);
      return tables.deleteProject(projectId);
    },
    applyEdit(projectId, edit, baseRevision) {
      const entry = loaded(projectId);
      if (baseRevision !== undefined && baseRevision !== entry.revision) {
        throw new ApiFailure(
          'conflict',
          `The project is at revision ${entry.revision}, not ${baseRevision}: it was changed elsewhere. Reload it and edit again.`,
        );
      }
      const result = safely(() => applyPureEdit(entry.project, edit));
      if (!result.ok) return { applied: false, revision: entry.revision, diagnostics: result.diagnostics };
      const refused = options.sensitiveParams ? plaintextSecrets(entry.project, result.project, options.sensitiveParams) : [];
      if (refused.length > 0) return { applied: false, revision: entry.revision, diagnostics: refused };

      const revision = entry.revision + 1;
      // writeChanges updates positions in place; a failed save drops the cached entry instead.
      const positions = entry.positions;
      let rowsWritten = 0;
      try {
        db.transaction(() => {
          rowsWritten = writeChanges(tables, entry.project, result.project, positions).rows;
          tables.touchProject(projectId, result.project.name, revision, now());
          tables.appendEdit(projectId, revision, edit, result.inverse, now());
        })();
      } catch (error) {
        // The transaction rolled back; reload from the database next time, and say why the edit did not fit.
        cache.delete(projectId);
        const message = (error as Error).message;
        if (/UNIQUE constraint failed: (nodes|environments)\.project_id, (nodes|environments)\.name/.test(message)) {
          return { applied: false, revision: entry.revision, diagnostics: [duplicateName(message)] };
        }
        const code = (error as { code?: unknown }).code;
        if (error instanceof TypeError || (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT'))) {
          return { applied: false, revision: entry.revision, diagnostics: malformedEdit(message) };
        }
        throw error;
      }
      cache.set(projectId, { project: result.project, positions, revision });
      return { applied: true, revision, inverse: result.inverse, rowsWritten, diagnostics: repository.diagnose(result.project) };
    },
  };
  return repository;
}

/** An edit that the pure code cannot even read (malformed JSON from a caller) becomes a diagnostic. */
function safely(apply: () => ReturnType<typeof applyPureEdit>): ReturnType<typeof applyPureEdit> {
  try {
    const result = apply() as ReturnType<typeof applyPureEdit> | undefined;
    return result && typeof result === 'object' && 'ok' in result ? result : { ok: false, diagnostics: malformedEdit('unknown kind') };
  } catch (error) {
    return { ok: false, diagnostics: malformedEdit((error as Error).message) };
  }
}

function malformedEdit(why: string): Diagnostic[] {
  return [
    {
      severity: 'error',
      code: 'edit.malformed',
      message: `The edit is malformed (${why}); it was not applied. Send an edit of a known kind with all its fields.`,
    },
  ];
}

function duplicateName(message: string): Diagnostic {
  const what = message.includes('environments') ? 'environment' : 'node';
  return {
    severity: 'error',
    code: `edit.duplicate-${what}-name`,
    message: `Another ${what} already has that name; names are unique in a project. Choose another name.`,
  };
}
