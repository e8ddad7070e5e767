import type { BundleManifest, CatalogBundle, CatalogSnapshot } from '../bundles/manifest';
import type { DiagramEdge, DiagramNode, Project } from '../model/diagram';

/** Bundle refs the generated projects use; `sampleCatalog` in tests declares the same ones. */
export const GENERATED_BUNDLES = { network: 'network@1.0.0', service: 'service@1.0.0' } as const;

/**
 * A synthetic project of `nodeCount` nodes and about `edgeCount` edges, deterministic, acyclic and
 * valid against the matching sample catalog: for benchmarks and tests of large diagrams. Nodes sit
 * `columns` to a row, 200 px apart across and 120 px down.
 */
export function generateProject(nodeCount: number, edgeCount: number, columns = 40): Project {
  const nodes: DiagramNode[] = [];
  const edges: DiagramEdge[] = [];
  const networks = Math.max(1, Math.floor(nodeCount / 10));
  for (let index = 0; index < nodeCount; index++) {
    const network = index < networks;
    nodes.push({
      id: `n${index}`,
      name: `${network ? 'network' : 'service'}_${index}`,
      bundle: network ? GENERATED_BUNDLES.network : GENERATED_BUNDLES.service,
      position: { x: (index % columns) * 200, y: Math.floor(index / columns) * 120 },
      params: network ? { cidr: `10.${index % 256}.0.0/16` } : { size: 'small', replicas: (index % 5) + 1 },
    });
  }
  // Every service takes one network (required); the remaining edges feed its `peers` list
  // from services with a lower index, which keeps the graph acyclic.
  for (let index = networks; index < nodeCount && edges.length < edgeCount; index++) {
    edges.push({
      id: `e${edges.length}`,
      from: { node: `n${index % networks}`, artifact: 'network' },
      to: { node: `n${index}`, connection: 'network' },
    });
  }
  for (let index = networks + 1; edges.length < edgeCount && index < nodeCount * 4; index++) {
    const to = networks + 1 + (index % (nodeCount - networks - 1));
    const from = networks + ((index * 7) % (to - networks));
    if (from >= to) continue;
    edges.push({ id: `e${edges.length}`, from: { node: `n${from}`, artifact: 'endpoint' }, to: { node: `n${to}`, connection: 'peers' } });
  }
  return {
    id: 'generated',
    name: 'generated',
    diagram: { nodes, edges },
    environments: [
      {
        id: 'env-dev',
        name: 'dev',
        providers: { aws: { region: 'eu-west-1' } },
        overrides: { n0: { cidr: '10.200.0.0/16' } },
        backend: { type: 'embedded' },
      },
      {
        id: 'env-prod',
        name: 'prod',
        providers: { aws: { region: 'us-east-1', profile: 'prod' } },
        overrides: nodeCount > networks ? { [`n${networks}`]: { size: 'large' } } : {},
        backend: { type: 's3', config: { bucket: 'state', key: 'prod.tfstate', region: 'us-east-1' } },
      },
    ],
  };
}

function bundleOf(ref: string, manifest: Partial<BundleManifest>): CatalogBundle {
  const [name, version] = ref.split('@') as [string, string];
  return {
    ref,
    origin: 'manifest',
    hash: `sha256-${name}-${version}`,
    dir: `/bundles/${name}`,
    sensitiveOutputs: [],
    diagnostics: [],
    manifest: {
      name,
      version,
      title: name,
      description: '',
      category: 'test',
      tags: [],
      module: 'module',
      params: { type: 'object', properties: {} },
      presets: {},
      connections: {},
      artifacts: {},
      ui: {},
      providers: {},
      ...manifest,
    },
  };
}

/** The catalog `generateProject` diagrams are valid against. */
export function generatedCatalog(): CatalogSnapshot {
  return {
    bundles: [
      bundleOf(GENERATED_BUNDLES.network, {
        params: { type: 'object', properties: { cidr: { type: 'string' } }, required: ['cidr'] },
        artifacts: { network: { type: 'network', title: 'Network' } },
      }),
      bundleOf(GENERATED_BUNDLES.service, {
        params: {
          type: 'object',
          properties: { size: { type: 'string', enum: ['small', 'medium', 'large'] }, replicas: { type: 'integer', minimum: 1 }, password: { type: 'string', writeOnly: true } },
        },
        connections: {
          network: { type: 'network', title: 'Network', required: true },
          peers: { type: 'endpoint', title: 'Peers', required: false, list: true },
        },
        artifacts: { endpoint: { type: 'endpoint', title: 'Endpoint' } },
      }),
    ],
    types: [
      { name: 'network', title: 'Network', colour: '#36c', sensitive: false, schema: { type: 'object' } },
      { name: 'endpoint', title: 'Endpoint', colour: '#c63', sensitive: false, schema: { type: 'object' } },
    ],
    diagnostics: [],
  };
}
