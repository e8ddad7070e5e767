import type { CatalogBundle, CatalogSnapshot } from '../bundles/manifest';
import type { Diagnostic } from '../diagnostics';
import { buildGraph } from '../graph/dependencyGraph';
import { findCycle } from '../graph/order';
import type { DiagramEdge, DiagramNode, Project } from '../model/diagram';
import { checkConnections, checkEdge } from './validateEdges';
import { checkNames, checkNode, checkOverrides, overriddenEverywhere, overrideOfUnknownNode, PARAM_CHECK, type ValidateParams } from './validateNodes';

export type { ParamContext, ValidateParams } from './validateNodes';

/** Validates a project, reusing what it computed for unchanged objects of the previous call. */
export type ProjectValidator = (project: Project) => Diagnostic[];

/**
 * All diagnostics of a project against a catalog: names, bundles, params (through the injected
 * `validateParams`), edges (canConnect), connection counts, required connections, overrides, cycles.
 */
export function validateProject(project: Project, catalog: CatalogSnapshot, validateParams?: ValidateParams): Diagnostic[] {
  return createProjectValidator(catalog, validateParams)(project);
}

/**
 * A validator for edit-by-edit use: edits replace only the objects they change (see applyEdit), so
 * results are cached per node, edge and override object and only the changed ones are checked again.
 */
export function createProjectValidator(catalog: CatalogSnapshot, validateParams?: ValidateParams): ProjectValidator {
  const bundles = new Map<string, CatalogBundle>(catalog.bundles.map((bundle) => [bundle.ref, bundle]));
  const nodeCache = new WeakMap<DiagramNode, Diagnostic[]>();
  const overrideCache = new WeakMap<DiagramNode, WeakMap<object, Diagnostic[]>>();
  const edgeCache = new WeakMap<DiagramEdge, { from?: DiagramNode; to?: DiagramNode; diagnostics: Diagnostic[] }>();
  let cycleCache: { edges: readonly DiagramEdge[]; names: string; cycle: string[] | undefined } | undefined;

  return (project) => {
    const { nodes, edges } = project.diagram;
    const diagnostics = checkNames(nodes, project.environments);
    const byId = new Map<string, DiagramNode>();
    for (const node of nodes) if (!byId.has(node.id)) byId.set(node.id, node);

    const incoming = new Map<string, DiagramEdge[]>();
    for (const edge of edges) {
      const list = incoming.get(edge.to.node);
      if (list) list.push(edge);
      else incoming.set(edge.to.node, [edge]);
    }

    for (const node of nodes) {
      let own = nodeCache.get(node);
      if (own === undefined) {
        own = checkNode(node, bundles.get(node.bundle), validateParams);
        nodeCache.set(node, own);
      }
      for (const diagnostic of own) {
        if (!overriddenEverywhere(diagnostic, node.id, project.environments)) diagnostics.push(withoutMark(diagnostic));
      }
      const bundle = bundles.get(node.bundle);
      if (bundle !== undefined) diagnostics.push(...checkConnections(node, bundle, incoming.get(node.id) ?? []));
    }

    const edgeIds = new Set<string>();
    for (const edge of edges) {
      if (edgeIds.has(edge.id)) {
        diagnostics.push({
          severity: 'error',
          code: 'diagram.duplicate-edge-id',
          message: `Two edges have the id "${edge.id}". Ids must be unique: give one of them a fresh id.`,
          location: { nodeId: edge.to.node, port: edge.to.connection },
        });
      }
      edgeIds.add(edge.id);
      const from = byId.get(edge.from.node);
      const to = byId.get(edge.to.node);
      let cached = edgeCache.get(edge);
      if (cached === undefined || cached.from !== from || cached.to !== to) {
        const fromBundle = from && bundles.get(from.bundle);
        const toBundle = to && bundles.get(to.bundle);
        cached = { from, to, diagnostics: checkEdge(edge, from, to, fromBundle, toBundle, catalog.types) };
        edgeCache.set(edge, cached);
      }
      diagnostics.push(...cached.diagnostics);
    }

    diagnostics.push(...checkEnvironmentOverrides(project, byId, bundles, overrideCache, validateParams));

    // Which cycle is reported depends on names (search order): a rename recomputes it.
    const names = nodes.map((node) => `${node.id}\u0000${node.name}`).join('\u0000');
    if (cycleCache === undefined || cycleCache.edges !== edges || cycleCache.names !== names) {
      cycleCache = { edges, names, cycle: cycleOf(nodes, edges) };
    }
    if (cycleCache.cycle !== undefined) diagnostics.push(cycleDiagnostic(cycleCache.cycle, byId));
    return diagnostics;
  };
}

/** The diagnostic as callers see it: plain JSON, without the internal mark. */
function withoutMark(diagnostic: Diagnostic): Diagnostic {
  if (!(PARAM_CHECK in diagnostic)) return diagnostic;
  const { [PARAM_CHECK]: _mark, ...plain } = diagnostic as Diagnostic & { [PARAM_CHECK]?: boolean };
  return plain;
}

function checkEnvironmentOverrides(
  project: Project,
  byId: ReadonlyMap<string, DiagramNode>,
  bundles: ReadonlyMap<string, CatalogBundle>,
  cache: WeakMap<DiagramNode, WeakMap<object, Diagnostic[]>>,
  validateParams: ValidateParams | undefined,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const environment of project.environments) {
    for (const [nodeId, overrides] of Object.entries(environment.overrides)) {
      const node = byId.get(nodeId);
      if (node === undefined) {
        diagnostics.push(overrideOfUnknownNode(environment, nodeId));
        continue;
      }
      let perNode = cache.get(node);
      if (perNode === undefined) cache.set(node, (perNode = new WeakMap()));
      // Keyed on the overrides object and the environment (names appear in the messages).
      const key = overrides;
      let found = perNode.get(key);
      if (found === undefined || (found[0]?.location?.environment ?? environment.name) !== environment.name) {
        found = checkOverrides(node, bundles.get(node.bundle), environment, overrides, validateParams);
        perNode.set(key, found);
      }
      diagnostics.push(...found);
    }
  }
  return diagnostics;
}

/** The ids of one dependency cycle (first id repeated at the end), or undefined. */
function cycleOf(nodes: readonly DiagramNode[], edges: readonly DiagramEdge[]): string[] | undefined {
  // Only nodes on some edge can be on a cycle: a small graph keeps this cheap.
  const ids = new Set<string>();
  for (const edge of edges) {
    ids.add(edge.from.node);
    ids.add(edge.to.node);
  }
  const vertices = nodes.filter((node) => ids.has(node.id)).map((node) => ({ id: node.id, name: node.name }));
  return findCycle(buildGraph(vertices, edges.map((edge) => ({ from: edge.from.node, to: edge.to.node }))));
}

function cycleDiagnostic(cycle: string[], byId: ReadonlyMap<string, DiagramNode>): Diagnostic {
  const path = cycle.map((id) => byId.get(id)?.name ?? id).join(' → ');
  return {
    severity: 'error',
    code: 'diagram.cycle',
    message: `These nodes depend on each other in a circle: ${path}. Terraform cannot order them; delete one of the edges on this path.`,
    location: { nodeId: cycle[0] },
  };
}
