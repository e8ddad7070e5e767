import type { DriftedResource, DriftReport, ParamSuggestion } from '../api/areas/drift';
import type { RunView } from '../api/areas/run';
import type { DiagramEdit } from '../diagram/edits';
import { effectiveValue, paramNames } from '../environments/effectiveParams';
import type { Project } from '../model/diagram';
import { SENSITIVE } from '../terraform/mask';
import type { ResourceChangeView } from '../terraform/plan';

type Change = Pick<ResourceChangeView, 'address' | 'type' | 'before' | 'after'> & { unknownPaths?: ResourceChangeView['unknownPaths'] };

const same = (left: unknown, right: unknown): boolean => JSON.stringify(left) === JSON.stringify(right);
const recordOf = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
const masked = (value: unknown): boolean => JSON.stringify(value ?? null).includes(JSON.stringify(SENSITIVE));

/**
 * Top-level attributes whose values differ between `diagramSide` and `reality`, masked ones left
 * out, and those the plan knows only after apply (`unknown`: values that follow another node's
 * change — a knock-on of drift elsewhere, not drift of their own).
 */
function differing(diagramSide: unknown, reality: unknown, unknown: Change['unknownPaths'] = []): string[] {
  const left = recordOf(diagramSide);
  const right = recordOf(reality);
  return [...new Set([...Object.keys(left), ...Object.keys(right)])]
    .filter((key) => !same(left[key], right[key]) && !masked(left[key]) && !masked(right[key]))
    .filter((key) => !unknown.some((path) => path[0] === key))
    .sort();
}

/** Paths of the values that differ inside a drifted attribute: the attribute itself, or the differing leaves of an object (`input.cidr`), a few levels deep. */
function differingLeaves(path: string, from: unknown, to: unknown, depth = 3): { path: string; from: unknown; to: unknown }[] {
  const isRecord = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);
  if (depth === 0 || !isRecord(from) || !isRecord(to)) return [{ path, from, to }];
  const left = recordOf(from);
  const right = recordOf(to);
  return [...new Set([...Object.keys(left), ...Object.keys(right)])]
    .filter((key) => !same(left[key], right[key]) && !masked(left[key]) && !masked(right[key]))
    .sort()
    .flatMap((key) => differingLeaves(`${path}.${key}`, left[key], right[key], depth - 1));
}

/**
 * Param edits that would make the next plan keep reality, by a simple heuristic: a drifted value —
 * a top-level attribute, or a leaf inside an object attribute such as `input.cidr` — is traced to
 * a param of the same node when its value on the diagram side equals the param's effective value
 * in this environment (exact JSON equality, so `instance_class = var.instance_class` and
 * `input = { cidr = var.cidr }` are found but computed or transformed values are not). A value
 * matching several params is ambiguous and skipped; a param traced to two different values is
 * skipped too. The edit is setOverride where the value comes from an override or other
 * environments exist, setParam when this is the project's only environment.
 */
export function suggestParamEdits(project: Project, environmentId: string, nodeId: string, change: Change, diagramSide: unknown, reality: unknown): ParamSuggestion[] {
  const environment = project.environments.find((candidate) => candidate.id === environmentId);
  if (!environment) return [];
  const params = paramNames(project, [environment], nodeId).map((param) => ({ param, ...effectiveValue(project, environment, nodeId, param) }));
  const suggestions: ParamSuggestion[] = [];
  const leaves = differing(diagramSide, reality).flatMap((attribute) => differingLeaves(attribute, recordOf(diagramSide)[attribute], recordOf(reality)[attribute]));
  for (const { path: attribute, from, to } of leaves) {
    if (from === undefined || to === undefined || to === null) continue;
    const matches = params.filter((candidate) => candidate.source !== 'unset' && same(candidate.value, from));
    if (matches.length !== 1) continue;
    const { param, source } = matches[0]!;
    const edit: DiagramEdit =
      source === 'override' || project.environments.length > 1
        ? { kind: 'setOverride', environmentId, nodeId, param, value: to }
        : { kind: 'setParam', id: nodeId, param, value: to };
    suggestions.push({ nodeId, param, from, to, attribute, address: change.address, edit });
  }
  return suggestions;
}

function dedupe(suggestions: ParamSuggestion[]): ParamSuggestion[] {
  const byParam = new Map<string, ParamSuggestion[]>();
  for (const suggestion of suggestions) {
    const key = `${suggestion.nodeId}\u0000${suggestion.param}`;
    byParam.set(key, [...(byParam.get(key) ?? []), suggestion]);
  }
  // The same param traced through several attributes to one value is one edit; to two values, none.
  return [...byParam.values()].filter((group) => group.every((entry) => same(entry.to, group[0]!.to))).map((group) => group[0]!);
}

export interface DriftInputs {
  project: Project;
  environmentId: string;
  /** The settled refresh-only plan. */
  driftRun: RunView;
  /** The settled normal plan of the same diagram. */
  planRun: RunView;
  /** moduleHash of the environment's last successful apply: when equal, the normal plan's changes are drift too. */
  lastAppliedHash?: string;
}

/**
 * Drifted resources per node and param suggestions from a drift check's two plans: the refresh-only
 * plan's drift (reality changed outside Terraform), and — only when the diagram is unchanged since
 * the last apply — the normal plan's changes (the recorded state was changed outside Driftless).
 */
export function driftReport(inputs: DriftInputs, checkedAt: string): DriftReport {
  const { project, environmentId, driftRun, planRun } = inputs;
  const base = { projectId: project.id, environmentId, driftRunId: driftRun.id, planRunId: planRun.id, checkedAt };
  const failed = [driftRun, planRun].find((run) => run.status !== 'planned');
  if (failed) {
    const message = `The ${failed.kind} run ${failed.id} ended ${failed.status}${failed.message ? `: ${failed.message.replace(/\.+$/, '')}` : ''}. Read its output, fix the cause, then check again.`;
    return { ...base, ok: false, message, drifted: false, nodes: {}, suggestions: [] };
  }
  const nodes: Record<string, DriftedResource[]> = {};
  const suggestions: ParamSuggestion[] = [];
  const add = (nodeId: string, change: Change, source: DriftedResource['source'], diagramSide: unknown, reality: unknown) => {
    const attributes = differing(diagramSide, reality, source === 'state' ? change.unknownPaths : []);
    // A planned change whose every differing value is unknown until apply only follows drift elsewhere.
    if (source === 'state' && attributes.length === 0) return;
    const list = (nodes[nodeId] ??= []);
    if (list.some((entry) => entry.address === change.address)) return;
    list.push({ address: change.address, type: change.type, source, attributes });
    suggestions.push(...suggestParamEdits(project, environmentId, nodeId, change, diagramSide, reality));
  };
  // Refresh drift: `before` is what the last apply recorded (from the diagram), `after` is reality.
  for (const [nodeId, node] of Object.entries(driftRun.nodes ?? {})) for (const change of node.drift) add(nodeId, change, 'outside', change.before, change.after);
  const diagramUnchanged = inputs.lastAppliedHash !== undefined && inputs.lastAppliedHash === planRun.moduleHash;
  if (diagramUnchanged) {
    // A plan to change anything while the diagram is as applied: `after` is the diagram, `before` the recorded state.
    for (const [nodeId, node] of Object.entries(planRun.nodes ?? {})) {
      for (const change of node.resources) if (change.kind !== 'no-op' && change.kind !== 'read') add(nodeId, change, 'state', change.after, change.before);
    }
  }
  return { ...base, ok: true, drifted: Object.keys(nodes).length > 0, nodes, suggestions: dedupe(suggestions) };
}
