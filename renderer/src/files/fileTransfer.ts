import type { ChangeCounts } from '../../../src/core/terraform/actions';
import { sourcesOfKey, unknownSourceKey } from '../canvas/edges/unknownSources';
import { useRunStore } from '../runs/runStore';
import { BADGES } from '../runs/Totals';
import { FALLBACK_COLOUR } from '../state/deriveFlow';
import { useDiagramStore } from '../state/diagramStore';
import { canvasSvg } from './canvasSvg';

/** Saves a blob through the browser's download (Electron shows its save dialog). */
export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** Lets the user pick one file; resolves with its text (undefined when cancelled). */
export function pickFile(accept: string): Promise<{ name: string; text: string } | undefined> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return resolve(undefined);
      void file.text().then((text) => resolve({ name: file.name, text }));
    });
    input.addEventListener('cancel', () => resolve(undefined));
    input.click();
  });
}

/** The open project as its *.driftless.json file. */
export async function exportDiagram(): Promise<void> {
  const { project, setNotice } = useDiagramStore.getState();
  const api = useRunStore.getState().api;
  if (!project || !api) return;
  const result = await api.call('project.export', { id: project.id });
  if (!result.ok) return setNotice(`Not exported: ${result.error.message}`);
  download(result.value.fileName, new Blob([result.value.text], { type: 'application/json' }));
}

/** Imports a diagram file as a new project and opens it; all or nothing, problems shown as the notice. */
export async function importDiagram(text: string): Promise<boolean> {
  const { open, setNotice } = useDiagramStore.getState();
  const api = useRunStore.getState().api;
  if (!api) return false;
  const name = await freeName(text);
  const result = await api.call('project.import', name ? { text, name } : { text });
  if (!result.ok) return (setNotice(`Not imported: ${result.error.message}`), false);
  if (!result.value.imported) {
    setNotice(`Not imported: ${result.value.diagnostics.map((diagnostic) => diagnostic.message).join(' ')}`);
    return false;
  }
  await open(result.value.projectId);
  return true;
}

/** The file's project name, numbered when a project of that name exists (importing twice keeps both). */
async function freeName(text: string): Promise<string | undefined> {
  let wanted: unknown;
  try {
    wanted = (JSON.parse(text) as { project?: { name?: unknown } }).project?.name;
  } catch {
    return undefined; // the host explains what is wrong with the file
  }
  const listed = await useRunStore.getState().api?.call('project.list', {});
  if (typeof wanted !== 'string' || !listed?.ok) return undefined;
  const taken = new Set(listed.value.projects.map((project) => project.name));
  let name = wanted;
  for (let index = 2; taken.has(name); index++) name = `${wanted} (${index})`;
  return name;
}

const markOf = (counts?: ChangeCounts) => (counts ? BADGES.filter((badge) => counts[badge.kind] > 0).map((badge) => `${badge.symbol}${counts[badge.kind]}`).join(' ') : undefined);

/** The canvas as SVG text, drawn from node positions and measured sizes. */
export function currentSvg(): { svg: string; width: number; height: number } {
  const { nodes, edges } = useDiagramStore.getState();
  const { run, live } = useRunStore.getState();
  const unknownSources = sourcesOfKey(unknownSourceKey({ run }));
  return canvasSvg(
    nodes.map((node) => ({
      id: node.id,
      x: node.position.x,
      y: node.position.y,
      width: node.measured?.width ?? 220,
      height: node.measured?.height ?? 90,
      name: node.data.node.name,
      title: node.data.bundle?.manifest.title ?? 'Unknown bundle',
      bundle: node.data.node.bundle,
      mark: live[node.id] ?? markOf(run?.nodes?.[node.id]?.counts) ?? undefined,
    })),
    edges.map((edge) => ({
      source: edge.source,
      target: edge.target,
      label: edge.data?.artifactType ?? '',
      colour: edge.data?.colour ?? FALLBACK_COLOUR,
      dashed: unknownSources.has(edge.source),
    })),
  );
}

const baseName = () => (useDiagramStore.getState().project?.name ?? 'diagram').replace(/[^\w.-]+/g, '-');

export function exportSvg(): void {
  download(`${baseName()}.svg`, new Blob([currentSvg().svg], { type: 'image/svg+xml' }));
}

/** PNG: the same SVG drawn onto an offscreen canvas at twice the size. */
export async function exportPng(): Promise<void> {
  const { svg, width, height } = currentSvg();
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width * 2;
    canvas.height = height * 2;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser cannot draw on a canvas');
    context.scale(2, 2);
    context.drawImage(image, 0, 0);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the image could not be encoded');
    download(`${baseName()}.png`, blob);
  } catch (error) {
    useDiagramStore.getState().setNotice(`PNG not exported: ${(error as Error).message}`);
  } finally {
    URL.revokeObjectURL(url);
  }
}
