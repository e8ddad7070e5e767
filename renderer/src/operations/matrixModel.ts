import type { CatalogSnapshot } from '../../../src/core/bundles/manifest';
import type { DiagramEdit } from '../../../src/core/diagram/edits';
import { effectiveValue, type ParamSource } from '../../../src/core/environments/effectiveParams';
import type { Project } from '../../../src/core/model/diagram';

/** `name@version` → `name`. */
export const bundleName = (ref: string) => ref.replace(/@[^@]*$/, '');

export interface MatrixCell {
  environmentId: string;
  value: unknown;
  source: ParamSource;
}

export interface MatrixRow {
  nodeId: string;
  node: string;
  bundle: string;
  cells: MatrixCell[];
}

/** Cell key: `environmentId nodeId` (ids hold no spaces in practice; the pair stays readable). */
export const cellKey = (nodeId: string, environmentId: string) => `${environmentId}\u0000${nodeId}`;

export function splitCellKey(key: string): { environmentId: string; nodeId: string } {
  const at = key.indexOf('\u0000');
  return { environmentId: key.slice(0, at), nodeId: key.slice(at + 1) };
}

/** The bundle names used by the diagram, sorted. */
export function bundlesInUse(project: Project): string[] {
  return [...new Set(project.diagram.nodes.map((node) => bundleName(node.bundle)))].sort();
}

/** Param names of a bundle: its manifests' params plus any set on its nodes or overridden, sorted. */
export function paramsOfBundle(project: Project, catalog: CatalogSnapshot, bundle: string): string[] {
  const names = new Set<string>();
  for (const entry of catalog.bundles) {
    if (bundleName(entry.ref) !== bundle) continue;
    for (const name of Object.keys((entry.manifest.params as { properties?: Record<string, unknown> }).properties ?? {})) names.add(name);
  }
  for (const node of project.diagram.nodes) {
    if (bundleName(node.bundle) !== bundle) continue;
    for (const name of Object.keys(node.params)) names.add(name);
    for (const environment of project.environments) for (const name of Object.keys(environment.overrides[node.id] ?? {})) names.add(name);
  }
  return [...names].sort();
}

/** One param of every node of a bundle: a row per node, a cell per environment with its effective value. */
export function buildMatrix(project: Project, bundle: string, param: string): MatrixRow[] {
  return project.diagram.nodes
    .filter((node) => bundleName(node.bundle) === bundle)
    .map((node) => ({
      nodeId: node.id,
      node: node.name,
      bundle: node.bundle,
      cells: project.environments.map((environment) => ({ environmentId: environment.id, ...effectiveValue(project, environment, node.id, param) })),
    }));
}

/** The JSON schema type of a param in the catalog's manifest of that bundle, when it declares one. */
export function paramType(catalog: CatalogSnapshot, bundleRef: string, param: string): string | undefined {
  const entry = catalog.bundles.find((candidate) => candidate.ref === bundleRef) ?? catalog.bundles.find((candidate) => bundleName(candidate.ref) === bundleName(bundleRef));
  const schema = (entry?.manifest.params as { properties?: Record<string, { type?: unknown }> } | undefined)?.properties?.[param];
  return typeof schema?.type === 'string' ? schema.type : undefined;
}

export type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

/** Reads what was typed as a value of the param's type (text stays text when the type is unknown). */
export function parseValue(text: string, type: string | undefined): Parsed {
  if (type === 'number' || type === 'integer') {
    const value = Number(text.trim());
    if (text.trim() === '' || !Number.isFinite(value)) return { ok: false, message: `"${text}" is not a number. Type a number, for example 20.` };
    if (type === 'integer' && !Number.isInteger(value)) return { ok: false, message: `"${text}" is not a whole number. Type a whole number, for example 3.` };
    return { ok: true, value };
  }
  if (type === 'boolean') {
    if (text.trim() === 'true') return { ok: true, value: true };
    if (text.trim() === 'false') return { ok: true, value: false };
    return { ok: false, message: `"${text}" is not true or false. Type true or false.` };
  }
  if (type === 'object' || type === 'array') {
    try {
      return { ok: true, value: JSON.parse(text) as unknown };
    } catch {
      return { ok: false, message: `"${text}" is not valid JSON. Type a JSON ${type}.` };
    }
  }
  return { ok: true, value: text };
}

/** The edits that set (or, with `reset`, remove) the override of each selected cell, one batch. */
export function matrixEdits(keys: Iterable<string>, param: string, change: { value: unknown } | 'reset'): DiagramEdit {
  const edits: DiagramEdit[] = [...keys].map((key) => {
    const { environmentId, nodeId } = splitCellKey(key);
    return change === 'reset' ? { kind: 'resetOverride', environmentId, nodeId, param } : { kind: 'setOverride', environmentId, nodeId, param, value: change.value };
  });
  return { kind: 'batch', edits };
}
