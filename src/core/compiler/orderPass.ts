import type { WithDiagnostics } from '../diagnostics';
import { topologicalOrder } from '../graph/order';
import type { ResolvedNode, ResolvedProject } from './types';

/** Pass 3: nodes in dependency order (ties by name), so the files read top-down like the diagram's flow. */
export function orderPass(resolved: ResolvedProject): WithDiagnostics<ResolvedNode[]> {
  const result = topologicalOrder(resolved.input.graph);
  if (!result.ok) {
    // Validation reports cycles; this only guards against being called without it.
    return { value: [], diagnostics: [{ severity: 'error', code: 'compile.cycle', message: 'The connections form a cycle. Remove one of the connections in it.' }] };
  }
  return { value: result.order.map((id) => resolved.nodes.get(id)!), diagnostics: [] };
}
