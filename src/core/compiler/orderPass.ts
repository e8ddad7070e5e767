import type { WithDiagnostics } from '../diagnostics';
import type { ResolvedNode, ResolvedProject } from './types';

/** Pass 3: nodes in dependency order (ties by name, sorted by validation), so the files read top-down like the diagram's flow. */
export function orderPass(resolved: ResolvedProject): WithDiagnostics<ResolvedNode[]> {
  const { order, graph } = resolved.input;
  if (order.length !== graph.vertices.length) {
    // Validation reports cycles (its cycle check sorts the graph); this only guards against a cycle it reported.
    return { value: [], diagnostics: [{ severity: 'error', code: 'compile.cycle', message: 'The connections form a cycle. Remove one of the connections in it.' }] };
  }
  const nodes = resolved.nodes;
  const ordered: ResolvedNode[] = new Array(order.length);
  for (let index = 0; index < order.length; index++) ordered[index] = nodes.get(order[index]!)!;
  return { value: ordered, diagnostics: [] };
}
