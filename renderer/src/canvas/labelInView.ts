import { useStore, type ReactFlowState } from '@xyflow/react';

/**
 * Whether a point of the flow (an edge's label) is within `margin` flow units of the visible pane.
 * Before React Flow has measured the pane everything counts as visible.
 */
export function pointInView(point: { x: number; y: number }, state: Pick<ReactFlowState, 'transform' | 'width' | 'height'>, margin: number): boolean {
  const { transform, width, height } = state;
  if (width === 0 || height === 0) return true;
  const [x, y, zoom] = transform;
  const left = -x / zoom - margin;
  const top = -y / zoom - margin;
  return point.x >= left && point.x <= left + width / zoom + 2 * margin && point.y >= top && point.y <= top + height / zoom + 2 * margin;
}

/**
 * React Flow keeps an edge in the DOM while the box between its ends meets the view, so a long edge
 * crossing the screen is drawn though its label, at the middle, is far off: each such label added
 * elements that every frame's style and paint work walked (346 edges of a 1,000-node diagram at
 * zoom 1, their labels mostly off-screen). The component re-renders only when this flips.
 */
export function useLabelInView(x: number, y: number, margin: number): boolean {
  return useStore((state) => pointInView({ x, y }, state, margin));
}
