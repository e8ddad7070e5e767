// The catalog the compiler tests use: small real Terraform modules under
// test/fixtures/compiler-bundles/, with their manifests declared here (independent of the loader).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArtifactTypeDef, BundleManifest, CatalogBundle, CatalogSnapshot } from '../../src/core/bundles/manifest';

export const compilerBundlesDir = fileURLToPath(new URL('../fixtures/compiler-bundles/', import.meta.url));

type Spec = Partial<BundleManifest> & Pick<BundleManifest, 'name' | 'version' | 'params'>;

const aws = (version: string) => ({ aws: { source: 'hashicorp/aws', version } });

const specs: (Spec & { folder: string; sensitiveOutputs?: string[] })[] = [
  {
    folder: 'local-network',
    name: 'local-network',
    version: '1.0.0',
    params: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, cidr: { type: 'string', default: '10.0.0.0/16' } } },
    artifacts: { network: { type: 'local-network', title: 'Network' } },
  },
  {
    folder: 'local-database',
    name: 'local-database',
    version: '1.0.0',
    params: {
      type: 'object',
      properties: { engine: { type: 'string', default: 'postgres', enum: ['postgres', 'mysql'] }, size: { type: 'integer', default: 10 }, password: { type: 'string', writeOnly: true } },
    },
    connections: { network: { type: 'local-network', title: 'Network', required: true } },
    artifacts: { database: { type: 'local-database', title: 'Database' }, credentials: { type: 'local-credentials', title: 'Credentials' } },
    sensitiveOutputs: ['credentials'],
  },
  {
    folder: 'local-service',
    name: 'local-service',
    version: '1.0.0',
    params: {
      type: 'object',
      required: ['image'],
      properties: { image: { type: 'string' }, replicas: { type: 'integer', default: 1 }, env: { type: 'object', additionalProperties: { type: 'string' } } },
    },
    connections: {
      network: { type: 'local-network', title: 'Network', required: true },
      databases: { type: 'local-database', title: 'Databases', required: false, list: true },
    },
    artifacts: { endpoint: { type: 'local-endpoint', title: 'Endpoint' } },
  },
  {
    folder: 'local-echo',
    name: 'local-echo',
    version: '1.0.0',
    params: { type: 'object', required: ['text'], properties: { text: { type: 'string' }, data: { type: 'object' } } },
    artifacts: { text: { type: 'untyped', title: 'Text' }, data: { type: 'untyped', title: 'Data' } },
  },
  {
    folder: 'aws-bucket',
    name: 'aws-bucket',
    version: '1.0.0',
    params: { type: 'object', required: ['bucket_prefix'], properties: { bucket_prefix: { type: 'string' }, tags: { type: 'object' } } },
    artifacts: { bucket: { type: 'aws-s3-bucket', title: 'Bucket' } },
    providers: aws('~> 5.0'),
  },
  {
    folder: 'aws-old-bucket',
    name: 'aws-old-bucket',
    version: '1.0.0',
    params: { type: 'object', required: ['bucket_prefix'], properties: { bucket_prefix: { type: 'string' }, tags: { type: 'object' } } },
    artifacts: { bucket: { type: 'aws-s3-bucket', title: 'Bucket' } },
    providers: aws('~> 4.0'),
  },
  {
    folder: 'aws-queue',
    name: 'aws-queue',
    version: '1.0.0',
    params: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
    connections: { subscribers: { type: 'aws-s3-bucket', title: 'Subscribers', required: false, list: true } },
    artifacts: { queue: { type: 'aws-sqs-queue', title: 'Queue' } },
    providers: aws('>= 5.0'),
  },
];

export const compilerTypes: ArtifactTypeDef[] = [
  { name: 'local-network', title: 'Local network', colour: '#3b82f6', sensitive: false, schema: { type: 'object' } },
  { name: 'local-database', title: 'Local database', colour: '#10b981', sensitive: false, schema: { type: 'object' } },
  { name: 'local-credentials', title: 'Credentials', colour: '#ef4444', sensitive: true, schema: { type: 'object' } },
  { name: 'local-endpoint', title: 'Endpoint', colour: '#f59e0b', sensitive: false, schema: { type: 'object' } },
  { name: 'aws-s3-bucket', title: 'S3 bucket', colour: '#84cc16', sensitive: false, schema: { type: 'object' } },
  { name: 'aws-sqs-queue', title: 'SQS queue', colour: '#a855f7', sensitive: false, schema: { type: 'object' } },
];

function files(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]))
    .sort();
}

/** sha256 over each file's relative path and bytes: a stand-in for the catalog's bundle hash. */
export function hashFolder(dir: string): string {
  const hash = createHash('sha256');
  for (const file of files(dir)) hash.update(`${relative(dir, file)}\0`).update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

/** The fixture catalog, with absolute `dir`s on this machine (they must never reach a compiled file). */
export function compilerCatalog(): CatalogSnapshot {
  const bundles: CatalogBundle[] = specs.map(({ folder, sensitiveOutputs, ...spec }) => {
    const dir = join(compilerBundlesDir, folder);
    const manifest: BundleManifest = {
      title: spec.name,
      description: `Fixture bundle ${spec.name}`,
      category: 'Test',
      tags: [],
      module: 'module',
      presets: {},
      connections: {},
      artifacts: {},
      ui: {},
      providers: {},
      ...spec,
    };
    return { ref: `${spec.name}@${spec.version}`, manifest, origin: 'manifest', hash: hashFolder(dir), dir, sensitiveOutputs: sensitiveOutputs ?? [], diagnostics: [] };
  });
  return { bundles, types: compilerTypes, diagnostics: [] };
}
