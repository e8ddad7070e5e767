import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { FALLBACK_COLOUR, type TypedFlowEdge } from '../state/deriveFlow';
import { useUnknownUntilApply } from '../runs/NodeRunMark';
import { useLabelInView } from './labelInView';

const UNKNOWN_MARK = ' (known after apply)';
// Labels are 10px monospace, 0.6em a character, so a label's box is sized without measuring its text.
const CHARACTER_WIDTH = 6;
const LABEL_HEIGHT = 14;
const LABEL_PADDING = 4;

/**
 * An edge coloured and labelled with the artifact type it carries. The label is SVG inside the
 * edge's own element, placed by coordinates: an HTML label per edge (EdgeLabelRenderer) added a
 * transformed layer per edge that the browser re-layerized on every drag step. It is drawn only
 * while its place is in view (see labelInView).
 */
export const TypedEdge = memo(function TypedEdge({ id, data, selected, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition }: EdgeProps<TypedFlowEdge>) {
  const artifactType = data?.artifactType ?? 'unknown';
  const colour = data?.colour ?? FALLBACK_COLOUR;
  const unknown = useUnknownUntilApply(data?.edge.from.node);
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const labelWidth = (artifactType.length + (unknown ? UNKNOWN_MARK.length : 0)) * CHARACTER_WIDTH + 2 * LABEL_PADDING;
  const labelShown = useLabelInView(labelX, labelY, labelWidth / 2);
  return (
    <>
      <BaseEdge id={id} path={path} style={{ stroke: colour, strokeWidth: selected ? 2 : 1, strokeDasharray: unknown ? '6 4' : undefined }} />
      {labelShown && (
        <g className="edge-label">
          <rect x={labelX - labelWidth / 2} y={labelY - LABEL_HEIGHT / 2} width={labelWidth} height={LABEL_HEIGHT} rx={4} stroke={colour} />
          <text x={labelX} y={labelY} data-testid="edge-label">
            {artifactType}
            {unknown && <tspan className="unknown-mark">{UNKNOWN_MARK}</tspan>}
          </text>
        </g>
      )}
    </>
  );
});
