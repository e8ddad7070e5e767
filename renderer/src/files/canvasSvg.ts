/** What the image shows of one node: its box and its texts. */
export interface ImageNode {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  name: string;
  title: string;
  bundle: string;
  /** For example "+2 ~1", or a live status. */
  mark?: string;
}

export interface ImageEdge {
  source: string;
  target: string;
  label: string;
  colour: string;
  dashed?: boolean;
}

const PADDING = 40;

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The diagram as a standalone SVG drawn from node positions and sizes (no DOM capture): boxes with
 * name, bundle title and ref, plus edges from a node's right side to the other's left side.
 */
export function canvasSvg(nodes: readonly ImageNode[], edges: readonly ImageEdge[]): { svg: string; width: number; height: number } {
  const minX = Math.min(0, ...nodes.map((node) => node.x));
  const minY = Math.min(0, ...nodes.map((node) => node.y));
  const maxX = Math.max(200, ...nodes.map((node) => node.x + node.width));
  const maxY = Math.max(100, ...nodes.map((node) => node.y + node.height));
  const width = Math.ceil(maxX - minX + PADDING * 2);
  const height = Math.ceil(maxY - minY + PADDING * 2);
  const at = (x: number, y: number) => [x - minX + PADDING, y - minY + PADDING] as const;
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const parts: string[] = [];
  for (const edge of edges) {
    const from = byId.get(edge.source);
    const to = byId.get(edge.target);
    if (!from || !to) continue;
    const [x1, y1] = at(from.x + from.width, from.y + from.height / 2);
    const [x2, y2] = at(to.x, to.y + to.height / 2);
    const bend = Math.max(40, Math.abs(x2 - x1) / 2);
    const dash = edge.dashed ? ' stroke-dasharray="6 4"' : '';
    parts.push(`<path d="M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}" fill="none" stroke="${escape(edge.colour)}" stroke-width="2"${dash}/>`);
    parts.push(`<text x="${(x1 + x2) / 2}" y="${(y1 + y2) / 2 - 6}" font-size="11" text-anchor="middle" fill="#374151">${escape(edge.label)}</text>`);
  }
  for (const node of nodes) {
    const [x, y] = at(node.x, node.y);
    parts.push(`<g><rect x="${x}" y="${y}" width="${node.width}" height="${node.height}" rx="6" fill="#ffffff" stroke="#9ca3af"/>`);
    parts.push(`<text x="${x + 10}" y="${y + 20}" font-size="13" font-weight="bold" fill="#111827">${escape(node.name)}</text>`);
    parts.push(`<text x="${x + 10}" y="${y + 36}" font-size="11" fill="#4b5563">${escape(node.title)}</text>`);
    parts.push(`<text x="${x + 10}" y="${y + 52}" font-size="10" fill="#6b7280">${escape(node.bundle)}</text>`);
    if (node.mark) parts.push(`<text x="${x + node.width - 10}" y="${y + 20}" font-size="12" text-anchor="end" fill="#1d4ed8">${escape(node.mark)}</text>`);
    parts.push('</g>');
  }
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif">` +
    `<rect width="100%" height="100%" fill="#f9fafb"/>${parts.join('')}</svg>`;
  return { svg, width, height };
}
