import type { ApplyResponse, ProjectView } from '../../../src/core/api/areas/project';
import type { ApiClient } from '../../../src/core/api/client';
import type { MethodName, RequestOf, ResponseOf } from '../../../src/core/api/contract';
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
  /** Opens another project and remembers it for the next start. */
  open(projectId: string): Promise<ProjectView>;
  /** Sends one edit; the host answers with the diagnostics of the whole diagram, or why it refused the edit. */
  apply(projectId: string, edit: DiagramEdit): Promise<ApplyResponse>;
  /** Stores (or, with null, clears) a sensitive param's value; it is never sent back. */
  setSecret(projectId: string, nodeId: string, param: string, value: string | null): Promise<Diagnostic[]>;
}

/** An API call that failed operationally; its message says what happened. */
export class HostError extends Error {}

const PROJECT_KEY = 'driftless.projectId';

/** The canvas's view of the API client. */
export function createDiagramHost(api: ApiClient): DiagramHost {
  const call = async <M extends MethodName>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>> => {
    const result = await api.call(method, request);
    if (!result.ok) throw new HostError(`${method}: ${result.error.message}`);
    return result.value;
  };
  return {
    catalog: () => call('catalog.list', {}),
    onCatalogChanged: (listener) => api.subscribe('catalog.changed', listener),
    async openProject() {
      const { projects } = await call('project.list', {});
      const remembered = localStorage.getItem(PROJECT_KEY);
      const chosen = projects.find((project) => project.id === remembered) ?? projects[0];
      const view = chosen ? await call('project.get', { id: chosen.id }) : await call('project.create', { name: 'My infrastructure' });
      localStorage.setItem(PROJECT_KEY, view.project.id);
      return view;
    },
    reload: (projectId) => call('project.get', { id: projectId }),
    async open(projectId) {
      const view = await call('project.get', { id: projectId });
      localStorage.setItem(PROJECT_KEY, view.project.id);
      return view;
    },
    apply: (projectId, edit) => call('diagram.apply', { projectId, edit }),
    async setSecret(projectId, nodeId, param, value) {
      const response = await call('secret.set', { projectId, nodeId, param, value });
      return response.diagnostics;
    },
  };
}
