import type { ReactFlowState } from '@xyflow/react';

/**
 * Whether a point of the flow (an edge's label) is within `margin` flow units of the visible pane.
 * Before React Flow has measured the pane everything counts as visible. Labels out of view are not
 * drawn: a long edge crosses the screen while its label, at its middle, is far off.
 */
export function pointInView(point: { x: number; y: number }, state: Pick<ReactFlowState, 'transform' | 'width' | 'height'>, margin: number): boolean {
  const { transform, width, height } = state;
  if (width === 0 || height === 0) return true;
  const [x, y, zoom] = transform;
  const left = -x / zoom - margin;
  const top = -y / zoom - margin;
  return point.x >= left && point.x <= left + width / zoom + 2 * margin && point.y >= top && point.y <= top + height / zoom + 2 * margin;
}
