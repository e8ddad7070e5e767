import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { useDiagramStore } from '../state/diagramStore';
import type { TypedFlowEdge } from '../state/deriveFlow';
import { useUnknownUntilApply } from '../runs/NodeRunMark';

/** An edge coloured and labelled with the artifact type it carries. */
export const TypedEdge = memo(function TypedEdge({ id, data, selected, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition }: EdgeProps<TypedFlowEdge>) {
  const artifactType = data?.artifactType ?? 'unknown';
  const colour = useDiagramStore((state) => state.catalog.types.find((type) => type.name === artifactType)?.colour ?? '#6b7280');
  const unknown = useUnknownUntilApply(data?.edge.from.node);
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  return (
    <>
      <BaseEdge id={id} path={path} style={{ stroke: colour, strokeWidth: selected ? 3 : 2, strokeDasharray: unknown ? '6 4' : undefined }} />
      <EdgeLabelRenderer>
        <div className="edge-label" style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`, borderColor: colour }} data-testid="edge-label">
          {artifactType}
          {unknown && <span className="unknown-mark"> (known after apply)</span>}
        </div>
      </EdgeLabelRenderer>
    </>
  );
});
