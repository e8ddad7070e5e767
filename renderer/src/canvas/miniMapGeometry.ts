/** A rectangle in flow coordinates. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Margin around the content, in minimap pixels (as React Flow's own minimap leaves). */
const MARGIN = 5;

/** The smallest box holding every given box, or undefined when there is none. */
export function boundsOf(boxes: Iterable<Box>): Box | undefined {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const box of boxes) {
    left = Math.min(left, box.x);
    top = Math.min(top, box.y);
    right = Math.max(right, box.x + box.width);
    bottom = Math.max(bottom, box.y + box.height);
  }
  return left === Infinity ? undefined : { x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * What the minimap shows: the nodes' bounds joined with the visible area, centred in a minimap of
 * `size` pixels without distortion. `scale` is flow units per minimap pixel.
 */
export function miniMapFrame(content: Box | undefined, view: Box, size: { width: number; height: number }): { viewBox: Box; scale: number } {
  const shown = boundsOf(content ? [content, view] : [view])!;
  const scale = Math.max(shown.width / (size.width - 2 * MARGIN), shown.height / (size.height - 2 * MARGIN)) || 1;
  const width = scale * size.width;
  const height = scale * size.height;
  return { viewBox: { x: shown.x - (width - shown.width) / 2, y: shown.y - (height - shown.height) / 2, width, height }, scale };
}

/** One SVG path drawing every box: one element for the whole diagram, however large, instead of one per node. */
export function boxesPath(boxes: Iterable<Box>): string {
  const parts: string[] = [];
  for (const box of boxes) parts.push(`M${round(box.x)} ${round(box.y)}h${round(box.width)}v${round(box.height)}h${round(-box.width)}z`);
  return parts.join('');
}

/** The shade outside the visible area: the whole frame minus the view, drawn with the even-odd rule. */
export function maskPath(frame: Box, view: Box): string {
  return boxesPath([frame, view]);
}

const round = (value: number) => Math.round(value * 10) / 10;
