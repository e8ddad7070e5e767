import type { NodeProps } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { useDiagramStore } from '../state/diagramStore';
import { artifactHandle, connectionHandle, type BundleFlowNode } from '../state/deriveFlow';
import { useConnectionDrag } from './connectionDragStore';
import { checkConnection } from './connectionRule';
import { PortColumn } from './PortColumn';
import { NodeRunMark } from '../runs/NodeRunMark';
import { NodeCompareMarks } from '../environments/NodeCompareMarks';
import { usePlanCompareStore } from '../environments/planCompareStore';

/** The one node component: every bundle is drawn from its manifest. */
export const BundleNode = memo(function BundleNode({ id, data, selected }: NodeProps<BundleFlowNode>) {
  const types = useDiagramStore((state) => state.catalog.types);
  const hasProblem = useDiagramStore((state) => state.problemNodeIds.has(id));
  const comparing = usePlanCompareStore((state) => state.environmentIds !== undefined);
  const from = useConnectionDrag((state) => state.from);
  const { node, bundle } = data;
  const manifest = bundle?.manifest;

  // Computed only while a connection is dragged, and only when its origin changes.
  const compatible = useMemo(() => {
    if (!from || !manifest) return undefined;
    const [fromNode, fromHandle, fromType] = from.split('|') as [string, string, string];
    const { project, catalog } = useDiagramStore.getState();
    const verdicts = new Map<string, boolean>();
    const ports = fromType === 'source' ? Object.keys(manifest.connections).map(connectionHandle) : Object.keys(manifest.artifacts).map(artifactHandle);
    for (const handle of ports) {
      const connection =
        fromType === 'source'
          ? { source: fromNode, sourceHandle: fromHandle, target: id, targetHandle: handle }
          : { source: id, sourceHandle: handle, target: fromNode, targetHandle: fromHandle };
      verdicts.set(handle, checkConnection(connection, project, catalog).ok);
    }
    return verdicts;
  }, [from, manifest, id]);

  return (
    <div className={`bundle-node${selected ? ' selected' : ''}${hasProblem ? ' has-problem' : ''}`} role="group" aria-label={`Node ${node.name}`}>
      <header className="bundle-node-header">
        <span className="bundle-node-icon" aria-hidden="true">
          {manifest?.icon && /^(https?:|data:)/.test(manifest.icon) ? <img src={manifest.icon} alt="" /> : (manifest?.title ?? node.bundle).slice(0, 1)}
        </span>
        <span className="bundle-node-titles">
          <strong className="bundle-node-name">{node.name}</strong>
          <span className="bundle-node-title">{manifest?.title ?? 'Unknown bundle'}</span>
        </span>
      </header>
      <div className="bundle-node-ref">{node.bundle}</div>
      {comparing ? <NodeCompareMarks nodeId={id} /> : <NodeRunMark nodeId={id} />}
      {!manifest && <div className="bundle-node-missing">Not in the catalog: add the bundle or change the version.</div>}
      <div className="bundle-node-ports">
        <PortColumn side="connection" ports={manifest?.connections} types={types} compatible={compatible} />
        <PortColumn side="artifact" ports={manifest?.artifacts} types={types} compatible={compatible} />
      </div>
    </div>
  );
});
