import type { DiagramEdit } from '../diagram/edits';
import { jsonEqual } from '../diagramFile/jsonEqual';
import type { Diagnostic } from '../diagnostics';
import { isSecretMarker, type Environment, type Project } from '../model/diagram';
import { effectiveValue, paramNames } from './effectiveParams';

export interface Promotion {
  /** The edits that make `to` plan the node's params as `from` does; empty when they already agree. */
  edits: DiagramEdit[];
  diagnostics: Diagnostic[];
}

/**
 * The edits (setOverride / resetOverride of the target environment) that take a node's params
 * from one environment to another, for the user to review before applying. A value `from` takes
 * from the node itself becomes a reset in `to`, so both follow the node again. Secrets are not
 * promoted (their values live encrypted per environment): a warning says which to set.
 */
export function promoteNodeParams(project: Project, nodeId: string, from: Environment, to: Environment): Promotion {
  const node = project.diagram.nodes.find((candidate) => candidate.id === nodeId);
  if (!node) {
    return {
      edits: [],
      diagnostics: [{ severity: 'error', code: 'promote.unknown-node', message: `There is no node with id "${nodeId}". Reload the project: it may have changed.`, location: { nodeId } }],
    };
  }
  const edits: DiagramEdit[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const param of paramNames(project, [from, to], nodeId)) {
    const source = effectiveValue(project, from, nodeId, param);
    const target = effectiveValue(project, to, nodeId, param);
    const secret = isSecretMarker(source.value) || isSecretMarker(target.value);
    // Two markers are equal while the values behind them may differ: only a shared node secret is the same.
    if (secret ? source.source === 'node' && target.source === 'node' : source.source !== 'unset' && target.source !== 'unset' && jsonEqual(source.value, target.value)) continue;
    if (secret) {
      diagnostics.push({
        severity: 'warning',
        code: 'promote.secret-skipped',
        message: `"${param}" of "${node.name}" is a secret and is not promoted: set its value in "${to.name}" yourself if it should change.`,
        location: { nodeId, field: param, environment: to.name },
      });
      continue;
    }
    if (source.source === 'override') {
      edits.push({ kind: 'setOverride', environmentId: to.id, nodeId, param, value: source.value });
    } else if (target.source === 'override') {
      // `from` follows the node (or the bundle default): so should `to`.
      edits.push({ kind: 'resetOverride', environmentId: to.id, nodeId, param });
    }
  }
  return { edits, diagnostics };
}
