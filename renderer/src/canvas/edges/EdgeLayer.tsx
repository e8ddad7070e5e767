import { EdgeLabelRenderer, useStore, type ReactFlowState } from '@xyflow/react';
import { memo, useEffect, useMemo } from 'react';
import { pointInView } from '../labelInView';
import { curvePath } from './edgeCurve';
import { LABEL_HEIGHT, UNKNOWN_MARK, type DrawnEdge } from './drawnEdges';
import { useEdgePointer } from './edgePointerStore';
import { strokeGroups } from './strokeGroups';
import { useDrawnEdges } from './useDrawnEdges';

const DASH = '6 4';

/**
 * The diagram's edges, drawn by us beneath the nodes, in flow coordinates. React Flow draws nodes
 * and handles and runs connecting; given the edges too, it kept three store subscriptions per edge
 * in view, each re-run on every drag step, which made a big diagram's drag cost grow with its
 * edges. Clicks and hovers reach edges by hit-testing (useEdgePointer).
 */
export function EdgeLayer() {
  const { still, moving } = useDrawnEdges();
  const hovered = useEdgePointer((state) => state.hovered);
  // Clicks and hovers are tested against these, not a redraw per pointer move (several milliseconds
  // at 1,000 nodes). Only the still edges: moving ones exist while a button is pressed, when nothing
  // is hit-tested, and publishing them would add work to every drag step.
  useEffect(() => useEdgePointer.setState({ drawn: still }), [still]);
  // The still ones once per drag, not a copy and scan of every edge on each drag step.
  const stillEmphasised = useMemo(() => emphasisedAmong(still, hovered), [still, hovered]);
  const emphasised = [...stillEmphasised, ...emphasisedAmong(moving, hovered)];
  // React Flow's label portal: inside the viewport's transform, and beneath the nodes.
  return (
    <EdgeLabelRenderer>
      <svg className="edge-layer edge-layer-still" data-testid="edge-layer" data-edges={still.length + moving.length} aria-hidden="true">
        <EdgeStrokes edges={still} />
        <EdgeLabels edges={still} />
      </svg>
      <svg className="edge-layer" aria-hidden="true">
        <EdgeStrokes edges={moving} />
        {emphasised.map((edge) => (
          <path key={edge.id} className={edge.selected ? 'edge-selected' : 'edge-hovered'} data-edge={edge.id} d={curvePath(edge.curve)} stroke={edge.colour} strokeDasharray={edge.dashed ? DASH : undefined} />
        ))}
        <EdgeLabels edges={moving} />
      </svg>
    </EdgeLabelRenderer>
  );
}

const emphasisedAmong = (edges: readonly DrawnEdge[], hovered: string | null) => edges.filter((edge) => edge.selected || edge.id === hovered);

const EdgeStrokes = memo(function EdgeStrokes({ edges }: { edges: readonly DrawnEdge[] }) {
  const groups = useMemo(() => strokeGroups(edges), [edges]);
  return groups.map((group) => <path key={group.key} className="edge-stroke" d={group.d} stroke={group.colour} strokeDasharray={group.dashed ? DASH : undefined} />);
});

/** The visible part of the flow: unchanged through a node drag, so a drag step re-renders no labels. */
const viewOf = (state: ReactFlowState) => ({ transform: state.transform, width: state.width, height: state.height });
const sameView = (a: ReturnType<typeof viewOf>, b: ReturnType<typeof viewOf>) =>
  a.width === b.width && a.height === b.height && a.transform.every((value, index) => value === b.transform[index]);

/**
 * Labels whose place is in view. Their ids are joined into one string, so a pan re-renders the
 * labels only when one enters or leaves the view.
 */
const EdgeLabels = memo(function EdgeLabels({ edges }: { edges: readonly DrawnEdge[] }) {
  const view = useStore(viewOf, sameView);
  const shownKey = useMemo(
    () =>
      edges
        .filter((edge) => pointInView(edge.label, view, edge.label.width / 2))
        .map((edge) => edge.id)
        .join(' '),
    [edges, view],
  );
  const shown = useMemo(() => {
    const ids = new Set(shownKey.split(' '));
    return edges.filter((edge) => ids.has(edge.id));
  }, [edges, shownKey]);
  return shown.map((edge) => <EdgeLabel key={edge.id} edge={edge} />);
});

const EdgeLabel = memo(function EdgeLabel({ edge }: { edge: DrawnEdge }) {
  const { label } = edge;
  return (
    <g className="edge-label">
      <rect x={label.x - label.width / 2} y={label.y - LABEL_HEIGHT / 2} width={label.width} height={LABEL_HEIGHT} rx={4} stroke={edge.colour} />
      <text x={label.x} y={label.y} data-testid="edge-label">
        {edge.artifactType}
        {edge.dashed && <tspan className="unknown-mark">{UNKNOWN_MARK}</tspan>}
      </text>
    </g>
  );
});
