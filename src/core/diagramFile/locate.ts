import type { CatalogSnapshot } from '../bundles/manifest';
import type { Diagnostic, DiagnosticLocation } from '../diagnostics';
import type { Project } from '../model/diagram';
import { pointerOf } from './jsonText';

/**
 * The JSON pointer in the project's diagram file of what a validation diagnostic names: the
 * override, the param, the node's name or bundle, the edge into a port, or the node.
 */
export function pointerOfLocation(project: Project, location: DiagnosticLocation | undefined): string {
  if (location === undefined) return '';
  const environmentIndex = location.environment === undefined ? -1 : project.environments.findIndex((environment) => environment.name === location.environment);
  const nodeIndex = location.nodeId === undefined ? -1 : project.diagram.nodes.findIndex((node) => node.id === location.nodeId);
  if (environmentIndex >= 0) {
    if (location.nodeId !== undefined) {
      return pointerOf('environments', environmentIndex, 'overrides', location.nodeId, ...(location.field === undefined ? [] : [location.field]));
    }
    return pointerOf('environments', environmentIndex, ...(location.field === undefined ? [] : [location.field]));
  }
  if (nodeIndex < 0) return '';
  if (location.port !== undefined) {
    const edgeIndex = project.diagram.edges.findIndex(
      (edge) => (edge.to.node === location.nodeId && edge.to.connection === location.port) || (edge.from.node === location.nodeId && edge.from.artifact === location.port),
    );
    if (edgeIndex >= 0) return pointerOf('edges', edgeIndex);
  }
  if (location.field === 'name' || location.field === 'bundle') return pointerOf('nodes', nodeIndex, location.field);
  if (location.field !== undefined) return pointerOf('nodes', nodeIndex, 'params', location.field);
  return pointerOf('nodes', nodeIndex);
}

/** Adds file pointers to validation diagnostics of a project read from a diagram file. */
export function locateInFile(project: Project, diagnostics: readonly Diagnostic[], file?: string): Diagnostic[] {
  return diagnostics.map((diagnostic) => ({
    ...diagnostic,
    location: { ...diagnostic.location, file, pointer: diagnostic.location?.pointer?.startsWith('/params') ? pointerOfLocation(project, diagnostic.location) : (diagnostic.location?.pointer ?? pointerOfLocation(project, diagnostic.location)) },
  }));
}

/** Warnings for bundles whose content changed under the same version since the file was written. */
export function checkBundleHashes(project: Project, catalog: CatalogSnapshot): Diagnostic[] {
  const hashes = project.bundleHashes ?? {};
  return catalog.bundles.flatMap((bundle): Diagnostic[] => {
    const recorded = hashes[bundle.ref];
    if (recorded === undefined || recorded === bundle.hash) return [];
    return [{
      severity: 'warning',
      code: 'diagram.bundle-changed',
      message: `Bundle ${bundle.ref} on this machine differs from the one the file was written with (content hash ${bundle.hash.slice(0, 19)}…, the file recorded ${recorded.slice(0, 19)}…). Plans may differ from your teammate's: compare the bundle folders or publish a new version.`,
      location: { bundle: bundle.ref, pointer: pointerOf('bundles', bundle.ref, 'hash') },
    }];
  });
}
