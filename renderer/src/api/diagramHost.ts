import type { ApiClient } from '../../../src/core/api/client';
import type { CatalogSnapshot } from '../../../src/core/bundles/manifest';
import type { Diagnostic } from '../../../src/core/diagnostics';
import type { DiagramEdit } from '../../../src/core/diagram/edits';
import type { Project } from '../../../src/core/model/diagram';

/** What the canvas needs from the host: the catalog, one project, and a place to send edits. */
export interface DiagramHost {
  catalog(): Promise<CatalogSnapshot>;
  onCatalogChanged(listener: (catalog: CatalogSnapshot) => void): () => void;
  openProject(): Promise<Project>;
  /** Sends one edit; resolves with the host's diagnostics for the project after it. */
  apply(projectId: string, edit: DiagramEdit): Promise<Diagnostic[]>;
  setSecret(projectId: string, nodeId: string, param: string, value: string | null): Promise<Diagnostic[]>;
}

export class HostError extends Error {}

const EMPTY_CATALOG: CatalogSnapshot = { bundles: [], types: [], diagnostics: [] };
const PROJECT_KEY = 'driftless.projectId';

/**
 * The canvas's view of the API. Methods are called by name without the contract's static types
 * while the catalog and project areas land; an absent method is reported, never thrown past here.
 */
export function createDiagramHost(api: ApiClient): DiagramHost {
  const call = async <T>(method: string, request: unknown): Promise<T> => {
    const result = await (api.call as (m: string, r: unknown) => ReturnType<ApiClient['call']>)(method, request);
    if (!result.ok) throw new HostError(`${method}: ${result.error.message}`);
    return result.value as T;
  };
  const subscribe = api.subscribe as (event: string, listener: (payload: unknown) => void) => () => void;
  return {
    async catalog() {
      try {
        return await call<CatalogSnapshot>('catalog.list', {});
      } catch (error) {
        if (error instanceof HostError && /unknown/i.test(error.message)) return EMPTY_CATALOG;
        throw error;
      }
    },
    onCatalogChanged(listener) {
      try {
        return subscribe('catalog.changed', (payload) => listener(payload as CatalogSnapshot));
      } catch {
        return () => {};
      }
    },
    async openProject() {
      const list = await call<unknown>('project.list', {});
      const projects = (Array.isArray(list) ? list : ((list as { projects?: unknown[] }).projects ?? [])) as { id: string }[];
      const remembered = localStorage.getItem(PROJECT_KEY);
      const chosen = projects.find((project) => project.id === remembered) ?? projects[0];
      const opened = chosen
        ? await call<unknown>('project.get', { id: chosen.id })
        : await call<unknown>('project.create', { name: 'My infrastructure' });
      const project = unwrapProject(opened);
      localStorage.setItem(PROJECT_KEY, project.id);
      return project;
    },
    async apply(projectId, edit) {
      const response = await call<{ diagnostics?: Diagnostic[] }>('diagram.apply', { projectId, edit });
      return response?.diagnostics ?? [];
    },
    async setSecret(projectId, nodeId, param, value) {
      const response = await call<{ diagnostics?: Diagnostic[] }>('secret.set', { projectId, nodeId, param, value });
      return response?.diagnostics ?? [];
    },
  };
}

function unwrapProject(value: unknown): Project {
  const candidate = (value as { project?: Project }).project ?? (value as Project);
  if (!candidate?.diagram) throw new HostError('The host answered without a project diagram.');
  return candidate;
}
