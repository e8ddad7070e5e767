import type { RunView } from '../../core/api/areas/run';

const columns = ['create', 'update', 'replace', 'delete', 'read'] as const;

/** Nodes with something to do (or drift), by name. */
function changedNodes(run: RunView) {
  return Object.values(run.nodes ?? {})
    .filter((node) => columns.some((kind) => node.counts[kind] > 0) || node.drift.length > 0)
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** Drifted resources in a refresh-only plan. */
export function driftCount(run: RunView): number {
  return Object.values(run.nodes ?? {}).reduce((total, node) => total + node.drift.length, 0);
}

/** The per-node summary as plain text lines; `nameOf` names a node id (live statuses are keyed by id). */
export function summaryText(run: RunView, nameOf: (nodeId: string) => string = (nodeId) => run.nodes?.[nodeId]?.name ?? nodeId): string {
  const lines = [`Run ${run.id}: ${run.kind} ${run.status}${run.message ? ` — ${run.message}` : ''}`];
  const nodes = changedNodes(run);
  if (run.status === 'planned' && nodes.length === 0) lines.push(run.kind === 'drift' ? 'No drift: the real infrastructure matches the state.' : 'No changes.');
  for (const node of nodes) {
    const counts = columns.filter((kind) => node.counts[kind] > 0).map((kind) => `${node.counts[kind]} to ${kind}`);
    if (node.drift.length > 0) counts.push(`${node.drift.length} drifted`);
    lines.push(`  ${node.name}: ${counts.join(', ')}`);
    for (const resource of node.resources.filter((candidate) => candidate.kind !== 'no-op')) lines.push(`    ${resource.kind.padEnd(8)}${resource.address}`);
    for (const resource of node.drift) lines.push(`    drifted ${resource.address}`);
  }
  for (const [nodeId, status] of Object.entries(run.live ?? {})) lines.push(`  ${nameOf(nodeId)}: ${status}`);
  for (const diagnostic of run.diagnostics ?? []) lines.push(`  ${diagnostic.severity}: ${diagnostic.message}`);
  return lines.join('\n');
}

/** The per-node summary as Markdown, for a CI comment. */
export function summaryMarkdown(run: RunView, title: string): string {
  const nodes = changedNodes(run);
  const lines = [`### ${title}`, ''];
  if (run.status !== 'planned') {
    lines.push(`**${run.status}**${run.message ? `: ${run.message}` : ''}`);
    return lines.join('\n');
  }
  if (nodes.length === 0) {
    lines.push('No changes.');
    return lines.join('\n');
  }
  lines.push('| Node | Create | Update | Replace | Delete | Read | Drifted |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const node of nodes) lines.push(`| \`${node.name}\` | ${columns.map((kind) => node.counts[kind]).join(' | ')} | ${node.drift.length} |`);
  lines.push('', '<details><summary>Resources</summary>', '');
  for (const node of nodes) {
    for (const resource of node.resources.filter((candidate) => candidate.kind !== 'no-op')) lines.push(`- ${resource.kind} \`${resource.address}\``);
    for (const resource of node.drift) lines.push(`- drifted \`${resource.address}\``);
  }
  lines.push('', '</details>', '', `Plan run \`${run.id}\` · module \`${(run.moduleHash ?? '').slice(0, 12)}\``);
  return lines.join('\n');
}
