import type { ApplyResponse, ProjectView } from '../../../src/core/api/areas/project';
import type { ApiClient } from '../../../src/core/api/client';
import type { CatalogSnapshot } from '../../../src/core/bundles/manifest';
import type { Diagnostic } from '../../../src/core/diagnostics';
import type { DiagramEdit } from '../../../src/core/diagram/edits';

/** What the canvas needs from the host: the catalog, one project, and a place to send edits. */
export interface DiagramHost {
  catalog(): Promise<CatalogSnapshot>;
  onCatalogChanged(listener: (catalog: CatalogSnapshot) => void): () => void;
  /** The project last open in this window (or the first, or a new one), with its diagnostics. */
  openProject(): Promise<ProjectView>;
  reload(projectId: string): Promise<ProjectView>;
  /** Sends one edit; the host answers with the diagnostics of the whole diagram, or why it refused the edit. */
  apply(projectId: string, edit: DiagramEdit): Promise<ApplyResponse>;
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
      const { projects } = await call<{ projects: { id: string }[] }>('project.list', {});
      const remembered = localStorage.getItem(PROJECT_KEY);
      const chosen = projects.find((project) => project.id === remembered) ?? projects[0];
      const view = chosen ? await call<ProjectView>('project.get', { id: chosen.id }) : await call<ProjectView>('project.create', { name: 'My infrastructure' });
      localStorage.setItem(PROJECT_KEY, view.project.id);
      return view;
    },
    reload: (projectId) => call<ProjectView>('project.get', { id: projectId }),
    apply: (projectId, edit) => call<ApplyResponse>('diagram.apply', { projectId, edit }),
    async setSecret(projectId, nodeId, param, value) {
      const response = await call<{ diagnostics?: Diagnostic[] }>('secret.set', { projectId, nodeId, param, value });
      return response?.diagnostics ?? [];
    },
  };
}
