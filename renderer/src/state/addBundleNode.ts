import type { CatalogBundle } from '../../../src/core/bundles/manifest';
import { useDiagramStore } from './diagramStore';
import { freshId, identifierFrom, uniqueName } from './nodeNames';

/** Adds a node of `bundle` at `position` (flow coordinates), selected; returns its id, or undefined when refused. */
export function addBundleNode(bundle: CatalogBundle, position: { x: number; y: number }): string | undefined {
  const store = useDiagramStore.getState();
  const taken = new Set(store.project?.diagram.nodes.map((node) => node.name) ?? []);
  const id = freshId();
  const name = uniqueName(identifierFrom(bundle.manifest.name), taken);
  const snapped = { x: Math.round(position.x / 16) * 16, y: Math.round(position.y / 16) * 16 };
  if (!store.perform({ kind: 'addNode', node: { id, name, bundle: bundle.ref, position: snapped, params: {} } })) return undefined;
  useDiagramStore.getState().select([id]);
  return id;
}
