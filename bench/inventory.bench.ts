import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { catchUpFullText } from '../src/host/inventory/fullTextIndex';
import { createInventorySearch } from '../src/host/inventory/inventorySearch';
import { createQueryService } from '../src/host/query/queryService';
import { createHostDatabase } from '../src/host/store/hostDatabase';
import { medianMs, type Benchmark } from './harness';

const ENVIRONMENTS = 20;
const NODES = 50;
const RESOURCES = 100_000;
const TYPES = ['aws_db_instance', 'aws_security_group', 'aws_iam_role', 'aws_s3_bucket', 'aws_instance', 'aws_lb', 'aws_route53_record', 'aws_sqs_queue', 'aws_lambda_function', 'aws_subnet'];
const CLASSES = ['db.t3.micro', 'db.t3.medium', 'db.r6g.large', 'db.r6g.xlarge'];

/** One project, 20 environments, 50 nodes, and 100,000 inventory rows written in one transaction. */
export function seed(db: ReturnType<ReturnType<typeof createHostDatabase>['get']>): void {
  const now = new Date().toISOString();
  db.transaction(() => {
    db.prepare('INSERT INTO projects (id, name, revision, created_at, updated_at) VALUES (?, ?, 0, ?, ?)').run('p', 'fleet', now, now);
    const environment = db.prepare("INSERT INTO environments (project_id, id, name, position, backend_type) VALUES ('p', ?, ?, ?, 'embedded')");
    const version = db.prepare("INSERT INTO state_versions (environment_id, version, serial, lineage, sha256, md5, size, created_at) VALUES (?, 1, 1, 'l', 'x', 'x', 0, ?)");
    const versionIds: number[] = [];
    for (let e = 0; e < ENVIRONMENTS; e++) {
      environment.run(`env-${e}`, `env${e}`, e);
      versionIds.push(Number(version.run(`env-${e}`, now).lastInsertRowid));
    }
    const node = db.prepare("INSERT INTO nodes (project_id, id, name, position, bundle_name, bundle_version, x, y) VALUES ('p', ?, ?, ?, ?, '1.0.0', 0, 0)");
    for (let n = 0; n < NODES; n++) node.run(`n${n}`, `node_${n}`, n, n % 5 === 0 ? 'aws-rds-postgres' : 'aws-ecs-fargate-service');
    const resource = db.prepare(`INSERT INTO resources (environment_id, version_id, address, module, node, mode, type, name, provider, resource_id, attributes)
      VALUES (?, ?, ?, ?, ?, 'managed', ?, ?, 'provider["registry.terraform.io/hashicorp/aws"]', ?, ?)`);
    for (let r = 0; r < RESOURCES; r++) {
      const e = r % ENVIRONMENTS;
      const n = Math.floor(r / ENVIRONMENTS) % NODES;
      const type = TYPES[Math.floor(r / ENVIRONMENTS) % TYPES.length]!;
      const attributes = { id: `res-${r}`, arn: `arn:aws:service:us-east-1:123456789012:${type}/res-${r}`, instance_class: CLASSES[r % CLASSES.length], tags: { env: `env${e}`, team: `team-${n % 7}` } };
      resource.run(`env-${e}`, versionIds[e], `module.node_${n}.${type}.r${r}`, `module.node_${n}`, `node_${n}`, type, `r${r}`, `res-${r}`, JSON.stringify(attributes));
    }
  })();
}

const benchmark: Benchmark = {
  name: 'Inventory (100,000 resources in 20 environments)',
  async run() {
    const database = createHostDatabase(mkdtempSync(`${tmpdir()}/driftless-bench-inventory-`));
    const db = database.get();
    const seedStart = performance.now();
    seed(db);
    const seedMs = performance.now() - seedStart;
    const catchUpStart = performance.now();
    const caughtUp = catchUpFullText(db);
    const catchUpMs = performance.now() - catchUpStart;
    if (caughtUp !== RESOURCES) throw new Error(`the full-text index caught up ${caughtUp} rows`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.exec('ANALYZE');
    const inventory = createInventorySearch(database);
    const query = createQueryService({ database });

    let counter = 0;
    const byKey = db.prepare('SELECT * FROM resources WHERE id = ?');
    const primaryKey = await medianMs(() => byKey.get((++counter % RESOURCES) + 1), 2000, 100);
    const count = await medianMs(() => db.prepare('SELECT count(*) FROM resources').pluck().get(), 30);
    const scan = await medianMs(() => db.prepare('SELECT sum(length(attributes)) FROM resources').pluck().get(), 30);
    const expect = (found: { resources: unknown[] }, what: string) => {
      if (found.resources.length === 0) throw new Error(`${what} found nothing`);
    };
    const byId = await medianMs(() => expect(inventory.search({ resourceId: `res-${(++counter * 7919) % RESOURCES}` }), 'id'), 500);
    const byType = await medianMs(() => expect(inventory.search({ type: TYPES[++counter % TYPES.length]! }), 'type'), 30);
    const byTypeInEnvironment = await medianMs(() => expect(inventory.search({ type: 'aws_db_instance', environmentId: `env-${++counter % ENVIRONMENTS}` }), 'type+env'), 50);
    const byAttribute = await medianMs(() => expect(inventory.search({ attribute: { name: 'instance_class', value: CLASSES[++counter % CLASSES.length]! } }), 'attribute'), 20);
    const byText = await medianMs(() => expect(inventory.search({ text: `team-${++counter % 7}` }), 'text'), 20);
    const byArn = await medianMs(() => {
      const r = (++counter * 7919) % RESOURCES;
      expect(inventory.search({ text: `arn:aws:service:us-east-1:123456789012:${TYPES[Math.floor(r / ENVIRONMENTS) % TYPES.length]}/res-${r}` }), 'arn');
    }, 200);
    const byTwoWords = await medianMs(() => expect(inventory.search({ text: `team-${++counter % 7} db.r6g` }), 'two words'), 20);
    const forNode = await medianMs(() => inventory.forNode('p', `n${++counter % NODES}`), 30);
    const console = await medianMs(async () => {
      const result = await query.run('SELECT environment, type, count(*) AS resources FROM resources GROUP BY environment, type', { limit: 1000 });
      if (result.rows.length !== ENVIRONMENTS * TYPES.length) throw new Error(`console answered ${result.rows.length} rows`);
    }, 10, 2);
    query.close();
    database.close();
    return [
      { case: 'seed 100,000 rows (one transaction; triggers list them for the full-text index)', value: seedMs, unit: 'ms' },
      { case: 'full-text index catches up with those 100,000 rows', value: catchUpMs, unit: 'ms', baseline: 'seed 100,000 rows (one transaction; triggers list them for the full-text index)' },
      { case: 'primary-key lookup', value: primaryKey * 1000, unit: 'µs' },
      { case: 'search by cloud id (traced)', value: byId * 1000, unit: 'µs', baseline: 'primary-key lookup' },
      { case: 'COUNT(*) of all resources', value: count, unit: 'ms' },
      { case: 'full scan reading every attributes column', value: scan, unit: 'ms' },
      { case: 'search by type, 10,000 matches, first 200 traced', value: byType, unit: 'ms', baseline: 'full scan reading every attributes column' },
      { case: 'search by type in one environment', value: byTypeInEnvironment, unit: 'ms', baseline: 'full scan reading every attributes column' },
      { case: 'search by attribute value, 25,000 matches (FTS narrows, json_extract confirms)', value: byAttribute, unit: 'ms', baseline: 'full scan reading every attributes column' },
      { case: 'search by text, one word, ~14,000 matches (FTS)', value: byText, unit: 'ms', baseline: 'full scan reading every attributes column' },
      { case: 'search by text, two words (FTS)', value: byTwoWords, unit: 'ms', baseline: 'full scan reading every attributes column' },
      { case: 'search by text, an ARN, few matches (FTS)', value: byArn * 1000, unit: 'µs', baseline: 'primary-key lookup' },
      { case: "a node's resources in 20 environments", value: forNode, unit: 'ms', baseline: 'full scan reading every attributes column' },
      { case: 'query console: GROUP BY environment, type', value: console, unit: 'ms', baseline: 'full scan reading every attributes column' },
    ];
  },
};

export default benchmark;
