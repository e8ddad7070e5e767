import type { CatalogSnapshot } from '../bundles/manifest';
import { declaredParams } from '../diagram/validateNodes';
import { isSecretMarker, type Project } from '../model/diagram';
import { CURRENT_FORMAT, type DiagramFileV1, type FileEnvironment, type FileNode } from './format';

/** A copy of a JSON value with every object's keys sorted, so files diff well in git. */
export function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (typeof value !== 'object' || value === null) return value;
  const keys = Object.keys(value).sort();
  return Object.fromEntries(keys.map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])]));
}

/** Names of the params a bundle marks writeOnly (secrets), when the catalog knows the bundle. */
function secretParamsOf(catalog: CatalogSnapshot | undefined, ref: string): Set<string> {
  const bundle = catalog?.bundles.find((candidate) => candidate.ref === ref);
  const declared = bundle && declaredParams(bundle);
  if (!declared) return new Set();
  return new Set(Object.keys(declared).filter((name) => (declared[name] as { writeOnly?: unknown } | null)?.writeOnly === true));
}

/** Params as a file holds them: secrets become "set"/"unset" markers, never values. */
function fileParams(params: Record<string, unknown>, secrets: Set<string>, markUnset: boolean): Record<string, unknown> {
  const entries = Object.keys(params).map((name) => [name, secrets.has(name) || isSecretMarker(params[name]) ? { $secret: 'set' } : params[name]] as const);
  if (markUnset) for (const name of secrets) if (!Object.hasOwn(params, name)) entries.push([name, { $secret: 'unset' }]);
  return sortedKeys(Object.fromEntries(entries)) as Record<string, unknown>;
}

/** The file document of a project (format CURRENT_FORMAT), in the key order the file is written in. */
export function toDiagramFile(project: Project, catalog?: CatalogSnapshot): DiagramFileV1 {
  const secretsByRef = new Map<string, Set<string>>();
  const secretsOf = (ref: string) => {
    let found = secretsByRef.get(ref);
    if (!found) secretsByRef.set(ref, (found = secretParamsOf(catalog, ref)));
    return found;
  };
  const nodeBundle = new Map(project.diagram.nodes.map((node) => [node.id, node.bundle]));
  const refs = new Set([...project.diagram.nodes.map((node) => node.bundle), ...Object.keys(project.bundleHashes ?? {})]);
  const bundles = Object.fromEntries(
    [...refs].sort().map((ref) => {
      const hash = catalog?.bundles.find((bundle) => bundle.ref === ref)?.hash ?? project.bundleHashes?.[ref];
      return [ref, hash === undefined ? {} : { hash }];
    }),
  );
  const nodes = project.diagram.nodes.map((node): FileNode => ({
    id: node.id,
    name: node.name,
    bundle: node.bundle,
    position: { x: node.position.x, y: node.position.y },
    params: fileParams(node.params, secretsOf(node.bundle), catalog !== undefined),
    ...(node.formerNames === undefined ? {} : { formerNames: [...node.formerNames] }),
  }));
  const edges = project.diagram.edges.map((edge) => ({
    id: edge.id,
    from: { node: edge.from.node, artifact: edge.from.artifact },
    to: { node: edge.to.node, connection: edge.to.connection },
    ...(edge.confirmedUntyped === undefined ? {} : { confirmedUntyped: edge.confirmedUntyped }),
  }));
  const environments = project.environments.map((environment): FileEnvironment => ({
    id: environment.id,
    name: environment.name,
    providers: sortedKeys(environment.providers) as FileEnvironment['providers'],
    backend: environment.backend.type === 'embedded' ? { type: 'embedded' } : { type: environment.backend.type, config: sortedKeys(environment.backend.config) as Record<string, unknown> },
    overrides: Object.fromEntries(
      Object.keys(environment.overrides)
        .sort()
        .map((nodeId) => {
          const ref = nodeBundle.get(nodeId);
          return [nodeId, fileParams(environment.overrides[nodeId]!, ref === undefined ? new Set() : secretsOf(ref), false)];
        }),
    ),
  }));
  return { format: CURRENT_FORMAT, project: { id: project.id, name: project.name }, bundles, nodes, edges, environments };
}

/**
 * The text of a `*.driftless.json` file: stable key order, 2-space indent, trailing newline. With a
 * catalog, bundle hashes are recorded and secret params show only as "set"/"unset".
 */
export function serializeDiagramFile(project: Project, catalog?: CatalogSnapshot): string {
  return `${JSON.stringify(toDiagramFile(project, catalog), null, 2)}\n`;
}
