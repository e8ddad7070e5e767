import type { ApplyResponse, ProjectSummary, ProjectView, SecretSlotRequest } from '../../core/api/areas/project';
import { ApiFailure } from '../../core/api/errors';
import type { CatalogSnapshot } from '../../core/bundles/manifest';
import { createProjectValidator, type ProjectValidator, type ValidateParams } from '../../core/diagram/validate';
import type { DiagramEdit } from '../../core/diagram/edits';
import type { Diagnostic } from '../../core/diagnostics';
import type { Project } from '../../core/model/diagram';
import type { KeyProvider } from '../secrets/keyProvider';
import { createSecretStore, type SecretStore } from '../secrets/secretStore';
import type { HostDatabase } from '../store/hostDatabase';
import { StoreError } from '../store/openDatabase';
import { createProjectRepository, type ProjectRepository } from './projectRepository';

export interface ProjectServiceOptions {
  database: HostDatabase;
  keys: KeyProvider;
  /** The current catalog (the catalog service's cached load); diagnostics are empty while there is none. */
  catalog?: () => Promise<CatalogSnapshot | undefined> | CatalogSnapshot | undefined;
  /** The host's param validator (ajv on bundle param schemas). */
  validateParams?: ValidateParams;
  env?: NodeJS.ProcessEnv;
}

export interface ProjectService {
  repository(): ProjectRepository;
  secrets(): SecretStore;
  list(): { projects: ProjectSummary[] };
  create(name: string, environments?: string[]): Promise<ProjectView>;
  get(id: string): Promise<ProjectView>;
  delete(id: string): { deleted: true };
  apply(projectId: string, edit: DiagramEdit, baseRevision?: number): Promise<ApplyResponse>;
  setSecret(slot: SecretSlotRequest, value: string | null): Promise<{ diagnostics: Diagnostic[] }>;
  /** Takes the catalog's latest snapshot (call before diagnose, catalog or sensitiveParams). */
  refresh(): Promise<void>;
  diagnose(project: Project): Diagnostic[];
  /** The catalog now, if there is one. */
  catalog(): CatalogSnapshot | undefined;
  /** The sensitive params of a bundle ref, by the current catalog. */
  sensitiveParams(bundleRef: string): ReadonlySet<string> | undefined;
}

/** The params a bundle marks `writeOnly` (sensitive). */
export function sensitiveParamsOf(catalog: CatalogSnapshot, bundleRef: string): ReadonlySet<string> | undefined {
  const bundle = catalog.bundles.find((candidate) => candidate.ref === bundleRef);
  if (!bundle) return undefined;
  const properties = (bundle.manifest.params.properties ?? {}) as Record<string, { writeOnly?: unknown }>;
  return new Set(Object.keys(properties).filter((param) => properties[param]?.writeOnly === true));
}

/** Projects, edits and secrets over the host's one database, opened on first use. */
export function createProjectService(options: ProjectServiceOptions): ProjectService {
  let repository: ProjectRepository | undefined;
  let secrets: SecretStore | undefined;
  let validator: { catalog: CatalogSnapshot; validate: ProjectValidator } | undefined;
  let current: CatalogSnapshot | undefined;
  const sensitive = new WeakMap<CatalogSnapshot, Map<string, ReadonlySet<string> | undefined>>();

  const diagnose = (project: Project): Diagnostic[] => {
    const catalog = current;
    if (!catalog) return [];
    if (validator?.catalog !== catalog) validator = { catalog, validate: createProjectValidator(catalog, options.validateParams) };
    return validator.validate(project);
  };

  const sensitiveParams = (bundleRef: string) => {
    const catalog = current;
    if (!catalog) return undefined;
    let byRef = sensitive.get(catalog);
    if (!byRef) sensitive.set(catalog, (byRef = new Map()));
    if (!byRef.has(bundleRef)) byRef.set(bundleRef, sensitiveParamsOf(catalog, bundleRef));
    return byRef.get(bundleRef);
  };

  const repo = (): ProjectRepository => {
    if (!repository) {
      try {
        repository = createProjectRepository({ db: options.database.get(), diagnose, sensitiveParams });
      } catch (error) {
        if (error instanceof StoreError) throw new ApiFailure('unavailable', error.message);
        throw error;
      }
    }
    return repository;
  };

  const view = (id: string): ProjectView => {
    const project = repo().load(id);
    if (!project) throw new ApiFailure('not_found', `There is no project with id "${id}".`);
    return { project, revision: repo().revision(id), diagnostics: diagnose(project) };
  };

  const service: ProjectService = {
    repository: repo,
    secrets() {
      const projects = repo(); // opens the database, turning a damaged file into a clear failure
      secrets ??= createSecretStore({ db: options.database.get(), projects, keys: options.keys, env: options.env });
      return secrets;
    },
    list: () => ({ projects: repo().list() }),
    async create(name, environments) {
      await service.refresh();
      return view(repo().create(name, environments).id);
    },
    async get(id) {
      await service.refresh();
      return view(id);
    },
    delete(id) {
      if (!repo().delete(id)) throw new ApiFailure('not_found', `There is no project with id "${id}".`);
      return { deleted: true };
    },
    async apply(projectId, edit, baseRevision) {
      await service.refresh();
      const outcome = repo().applyEdit(projectId, edit, baseRevision);
      if (!outcome.applied) return { applied: false, revision: outcome.revision, diagnostics: outcome.diagnostics };
      return { applied: true, revision: outcome.revision, inverse: outcome.inverse, diagnostics: outcome.diagnostics };
    },
    async setSecret(slot, value) {
      await service.refresh();
      const target = { projectId: slot.projectId, nodeId: slot.nodeId, param: slot.param, environmentId: slot.environmentId };
      if (value === null) service.secrets().clear(target);
      else service.secrets().set(target, value);
      return { diagnostics: view(slot.projectId).diagnostics };
    },
    diagnose,
    catalog: () => current,
    async refresh() {
      try {
        current = await options.catalog?.();
      } catch {
        // A catalog that cannot load leaves projects usable, only undiagnosed; the catalog API reports why.
        current = undefined;
      }
    },
    sensitiveParams,
  };
  return service;
}
