import { describe, expect, it } from 'vitest';
import { DiagramPage } from './pages/DiagramPage';
import { chromiumBinary } from './support/browser';
import { useAppSession } from './support/appSession';

/** React Flow's viewport transform: "translate(Xpx, Ypx) scale(Z)". */
async function viewport(app: DiagramPage): Promise<{ x: number; y: number; zoom: number }> {
  const transform = await app.canvas.locator('.react-flow__viewport').evaluate((element) => (element as HTMLElement).style.transform);
  const [x, y, zoom] = (transform.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
  return { x: x!, y: y!, zoom: zoom! };
}

const nodeRectangles = async (app: DiagramPage) => ((await app.canvas.locator('.diagram-minimap .react-flow__minimap-node').getAttribute('d')) ?? '').split('M').length - 1;

describe.skipIf(!chromiumBinary.available)(`canvas minimap in Chromium through the web shell ${chromiumBinary.reason}`, () => {
  const session = useAppSession((page) => new DiagramPage(page), { viewport: { width: 1440, height: 900 }, afterOpen: (app) => app.clearDiagram() });

  it('draws every node, pans the view when dragged, zooms with the wheel, and shows a moved node where it was dropped', async () => {
    const app = session.app;
    await app.dragBundle('Local network', { x: 80, y: 120 });
    await app.dragBundle('Local PostgreSQL database', { x: 600, y: 380 });
    await app.node('local_database').waitFor();
    const minimap = app.canvas.getByRole('img', { name: 'Minimap' });
    await minimap.waitFor();
    await expect.poll(() => nodeRectangles(app)).toBe(2);

    // Dragging the minimap right and down moves the view right and down over the diagram.
    const before = await viewport(app);
    const box = (await minimap.boundingBox())!;
    await app.dragFrom({ x: box.x + box.width / 2, y: box.y + box.height / 2 }, { x: 30, y: 20 }, 5);
    const panned = await viewport(app);
    expect(panned.x).toBeLessThan(before.x);
    expect(panned.y).toBeLessThan(before.y);
    expect(panned.zoom).toBe(before.zoom);

    // The wheel over the minimap zooms in (towards the view's centre).
    await app.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await app.page.mouse.wheel(0, -100);
    await expect.poll(async () => (await viewport(app)).zoom).toBeGreaterThan(panned.zoom);

    // A node dragged on the canvas shows in its new place once dropped.
    const path = await app.canvas.locator('.diagram-minimap .react-flow__minimap-node').getAttribute('d');
    await app.dragNode('local_database', { x: -200, y: -120 });
    await expect.poll(() => app.canvas.locator('.diagram-minimap .react-flow__minimap-node').getAttribute('d')).not.toBe(path);
    expect(await nodeRectangles(app)).toBe(2);
  });
});
