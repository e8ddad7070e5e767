import { describe, expect, it } from 'vitest';
import { canvasSvg } from './canvasSvg';

describe('canvasSvg', () => {
  const nodes = [
    { id: 'a', x: -100, y: 0, width: 200, height: 80, name: 'net<1>', title: 'Network', bundle: 'local-network@1.0.0', mark: '+2' },
    { id: 'b', x: 300, y: 100, width: 200, height: 80, name: 'db', title: 'Database', bundle: 'local-database@1.0.0' },
  ];

  it('sizes the image to the nodes plus padding and shifts negative positions into view', () => {
    const { width, height, svg } = canvasSvg(nodes, []);
    expect(width).toBe(600 + 80);
    expect(height).toBe(180 + 80);
    expect(svg).toContain('<rect x="40" y="40" width="200" height="80"');
  });

  it('draws each edge between known nodes, dashed when asked, and escapes text', () => {
    const { svg } = canvasSvg(nodes, [
      { source: 'a', target: 'b', label: 'network', colour: '#123456', dashed: true },
      { source: 'a', target: 'gone', label: 'x', colour: '#000' },
    ]);
    expect(svg.match(/<path /g)).toHaveLength(1);
    expect(svg).toContain('stroke-dasharray="6 4"');
    expect(svg).toContain('net&lt;1&gt;');
    expect(svg).not.toContain('net<1>');
    expect(svg).toContain('>+2</text>');
  });
});
