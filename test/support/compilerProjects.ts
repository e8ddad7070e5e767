// Diagrams the compiler tests share: each a project over the fixture bundles of compilerCatalog.ts.
import { canConnect } from '../../src/core/bundles/compatibility';
import type { CatalogSnapshot } from '../../src/core/bundles/manifest';
import type { DiagramEdge, DiagramNode, Environment, Project } from '../../src/core/model/diagram';
import { SECRET_SET } from '../../src/core/model/diagram';

export function node(id: string, name: string, bundle: string, params: Record<string, unknown> = {}, formerNames?: string[]): DiagramNode {
  return { id, name, bundle, position: { x: 0, y: 0 }, params, ...(formerNames ? { formerNames } : {}) };
}

export function edge(from: string, artifact: string, to: string, connection: string, confirmedUntyped?: boolean): DiagramEdge {
  return { id: `${from}.${artifact}->${to}.${connection}`, from: { node: from, artifact }, to: { node: to, connection }, ...(confirmedUntyped ? { confirmedUntyped } : {}) };
}

export function environment(name: string, extra: Partial<Environment> = {}): Environment {
  return { id: `env-${name}`, name, providers: {}, overrides: {}, backend: { type: 'embedded' }, ...extra };
}

export function project(name: string, nodes: DiagramNode[], edges: DiagramEdge[], environments: Environment[] = [environment('dev')]): Project {
  return { id: `project-${name}`, name, diagram: { nodes, edges }, environments };
}

/** network → database → two services (one reads the database list); dev and prod environments. */
export function localStack(): Project {
  return project(
    'local-stack',
    [
      node('n1', 'network', 'local-network@1.0.0', { name: 'main' }),
      node('n2', 'db', 'local-database@1.0.0', { size: 20, password: SECRET_SET }),
      node('n3', 'api', 'local-service@1.0.0', { image: 'api', env: { MODE: 'dev', GREETING: 'hello' } }),
      node('n4', 'web', 'local-service@1.0.0', { image: 'web' }),
    ],
    [edge('n1', 'network', 'n2', 'network'), edge('n1', 'network', 'n3', 'network'), edge('n2', 'database', 'n3', 'databases'), edge('n1', 'network', 'n4', 'network')],
    [environment('dev'), environment('prod', { overrides: { n2: { size: 100 }, n3: { replicas: 3, env: { MODE: 'prod' } } } })],
  );
}

/** Param values that look like Terraform templates must reach the module as literal text. */
export function escaping(): Project {
  return project(
    'escaping',
    [node('e1', 'echo', 'local-echo@1.0.0', { text: '${file("/etc/passwd")}', data: { '${key}': '%{ if true }yes%{ endif }', plain: '$$ and %% and $${ok}' } })],
    [],
  );
}

/** A node renamed twice: app → backend → api. */
export function renamed(): Project {
  return project('renamed', [node('n1', 'network', 'local-network@1.0.0', { name: 'main' }, ['net', 'core_net'])], []);
}

/** Buckets feeding a queue on AWS, with a replica-region provider alias and an s3 backend in prod. */
export function awsStack(): Project {
  const awsSettings = {
    region: 'us-east-1',
    skip_credentials_validation: true,
    skip_requesting_account_id: true,
    skip_metadata_api_check: true,
    skip_region_validation: true,
  };
  return project(
    'aws-stack',
    [
      node('b1', 'logs', 'aws-bucket@1.0.0', { bucket_prefix: 'logs-', tags: { team: 'ops' } }),
      node('b2', 'assets', 'aws-bucket@1.0.0', { bucket_prefix: 'assets-' }),
      node('q1', 'events', 'aws-queue@1.0.0', { name: 'events' }),
    ],
    [edge('b1', 'bucket', 'q1', 'subscribers'), edge('b2', 'bucket', 'q1', 'subscribers')],
    [
      environment('dev', { providers: { aws: awsSettings } }),
      environment('prod', {
        providers: { aws: { ...awsSettings, region: 'eu-west-1' }, 'aws.replica': { ...awsSettings, region: 'eu-central-1' } },
        overrides: { q1: { name: 'events-prod' } },
        backend: { type: 's3', config: { bucket: 'tf-state', key: 'aws-stack/prod.tfstate', region: 'eu-west-1' } },
      }),
    ],
  );
}

/**
 * One node of every bundle in a catalog, each with its first preset (required params filled in,
 * secrets marked set), and every connection wired to a compatible earlier node where that keeps
 * the diagram acyclic. Fails loudly when a required connection has no producer.
 */
export function everyBundleProject(catalog: CatalogSnapshot): Project {
  const bundles = [...catalog.bundles].sort((a, b) => (a.ref < b.ref ? -1 : 1));
  const nodes = bundles.map((bundle) => {
    const properties = (bundle.manifest.params.properties ?? {}) as Record<string, { writeOnly?: boolean; type?: string; enum?: unknown[] }>;
    const preset = Object.values(bundle.manifest.presets)[0]?.values ?? {};
    const params: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(preset)) if (!properties[name]?.writeOnly) params[name] = value;
    const required = (bundle.manifest.params.required as string[] | undefined) ?? [];
    for (const name of Object.keys(properties)) {
      const spec = properties[name]!;
      if (spec.writeOnly && required.includes(name)) params[name] = SECRET_SET;
      else if (params[name] === undefined && required.includes(name)) params[name] = spec.enum?.[0] ?? (spec.type === 'number' || spec.type === 'integer' ? 1 : `${bundle.manifest.name}-${name}`.replace(/_/g, '-'));
    }
    return node(bundle.manifest.name, bundle.manifest.name.replace(/-/g, '_'), bundle.ref, params);
  });
  const edges: DiagramEdge[] = [];
  const downstreamOf = (id: string): Set<string> => {
    const seen = new Set([id]);
    const queue = [id];
    while (queue.length > 0) {
      const current = queue.pop()!;
      for (const next of edges.filter((candidate) => candidate.from.node === current).map((candidate) => candidate.to.node)) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    return seen;
  };
  for (const consumer of bundles) {
    for (const [connectionName, connection] of Object.entries(consumer.manifest.connections)) {
      const producer = bundles.find(
        (candidate) =>
          candidate !== consumer &&
          !downstreamOf(consumer.manifest.name).has(candidate.manifest.name) &&
          Object.values(candidate.manifest.artifacts).some((artifact) => canConnect(artifact.type, connection, catalog.types).ok && artifact.type !== 'untyped'),
      );
      if (!producer) {
        if (connection.required) throw new Error(`no producer for ${consumer.ref}.${connectionName} (${connection.type})`);
        continue;
      }
      const artifact = Object.entries(producer.manifest.artifacts).find(([, spec]) => canConnect(spec.type, connection, catalog.types).ok)![0];
      edges.push(edge(producer.manifest.name, artifact, consumer.manifest.name, connectionName));
    }
  }
  const aws = { region: 'us-east-1', skip_credentials_validation: true, skip_requesting_account_id: true, skip_metadata_api_check: true, skip_region_validation: true };
  return project('every-bundle', nodes, edges, [environment('dev', { providers: catalog.bundles.some((bundle) => bundle.manifest.providers.aws) ? { aws } : {} })]);
}
