import type { DiagramEdge, DiagramNode, Project } from '../model/diagram';

/** Bundle refs the generated projects use; `sampleCatalog` in tests declares the same ones. */
export const GENERATED_BUNDLES = { network: 'network@1.0.0', service: 'service@1.0.0' } as const;

/**
 * A synthetic project of `nodeCount` nodes and about `edgeCount` edges, deterministic, acyclic and
 * valid against the matching sample catalog: for benchmarks and tests of large diagrams.
 */
export function generateProject(nodeCount: number, edgeCount: number): Project {
  const nodes: DiagramNode[] = [];
  const edges: DiagramEdge[] = [];
  const networks = Math.max(1, Math.floor(nodeCount / 10));
  for (let index = 0; index < nodeCount; index++) {
    const network = index < networks;
    nodes.push({
      id: `n${index}`,
      name: `${network ? 'network' : 'service'}_${index}`,
      bundle: network ? GENERATED_BUNDLES.network : GENERATED_BUNDLES.service,
      position: { x: (index % 40) * 200, y: Math.floor(index / 40) * 120 },
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
