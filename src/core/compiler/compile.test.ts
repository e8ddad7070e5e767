import { describe, expect, it } from 'vitest';
import { compilerCatalog } from '../../../test/support/compilerCatalog';
import { awsStack, edge, environment, escaping, localStack, node, project, renamed } from '../../../test/support/compilerProjects';
import { SECRET_SET } from '../model/diagram';
import { compile } from './compile';

const catalog = compilerCatalog();
const main = (files: Record<string, string>) => JSON.parse(files['main.tf.json']!);
const codes = (result: { diagnostics: { code: string }[] }) => result.diagnostics.map((diagnostic) => diagnostic.code);

describe('compile', () => {
  it('emits one module per node with params, overrides and references', () => {
    const result = compile(localStack(), 'prod', catalog);
    expect(result.diagnostics).toEqual([]);
    const document = main(result.files);
    expect(Object.keys(document.module)).toEqual(['network', 'db', 'api', 'web']);
    expect(document.module.db).toMatchObject({ engine: 'postgres', size: 100, password: '${var.db__password}', network: '${module.network.network}' });
    expect(document.module.api).toMatchObject({ replicas: 3, env: { MODE: 'prod' }, databases: ['${module.db.database}'] });
    expect(document.module.db.source).toMatch(/^\.\/modules\/local-database@1\.0\.0-[0-9a-f]{12}$/);
    expect(document.terraform.backend).toEqual({ http: {} });
  });

  it('makes sensitive params root variables with no value anywhere, and lists them for the runner', () => {
    const result = compile(localStack(), 'dev', catalog);
    expect(main(result.files).variable).toEqual({ db__password: { type: 'string', sensitive: true } });
    expect(result.secretInputs).toEqual([{ variable: 'db__password', nodeId: 'n2', node: 'db', param: 'password' }]);
    expect(result.files['README.md']).toContain('TF_VAR_db__password');
  });

  it('refuses a plain value in a sensitive param, writing no files', () => {
    const stack = localStack();
    stack.diagram.nodes[1]!.params.password = 'hunter2';
    const result = compile(stack, 'dev', catalog);
    expect(codes(result)).toEqual(['compile.secret-in-diagram']);
    expect(result.files).toEqual({});
    expect(JSON.stringify(result)).not.toContain('hunter2');
  });

  it('refuses a credential in the backend or provider settings, writing no files', () => {
    const stack = localStack();
    const dev = stack.environments.find((candidate) => candidate.name === 'dev')!;
    dev.backend = { type: 'pg', config: { conn_str: 'postgres://app:hunter2@db/state' } };
    const result = compile(stack, 'dev', catalog);
    expect(codes(result)).toEqual(['environment.credential-in-settings']);
    expect(result.diagnostics[0]!.location).toMatchObject({ environment: 'dev', field: 'backend.pg.conn_str' });
    expect(result.files).toEqual({});
    expect(JSON.stringify(result)).not.toContain('hunter2');
  });

  it('writes one output per artifact, sensitive where the type or the module output is', () => {
    const outputs = JSON.parse(compile(localStack(), 'dev', catalog).files['outputs.tf.json']!).output;
    expect(outputs.db__credentials).toEqual({ value: '${module.db.credentials}', sensitive: true });
    expect(outputs.db__database).toEqual({ value: '${module.db.database}' });
    const typeOnly = compilerCatalog();
    typeOnly.bundles.find((bundle) => bundle.ref === 'local-database@1.0.0')!.sensitiveOutputs = [];
    typeOnly.types.find((type) => type.name === 'local-database')!.sensitive = true;
    const again = JSON.parse(compile(localStack(), 'dev', typeOnly).files['outputs.tf.json']!).output;
    expect(again.db__database.sensitive).toBe(true);
    expect(again.db__credentials.sensitive).toBe(true);
  });

  it('escapes template syntax in every literal string and key', () => {
    const document = main(compile(escaping(), 'dev', catalog).files);
    expect(document.module.echo.text).toBe('$${file("/etc/passwd")}');
    expect(document.module.echo.data).toEqual({ '$${key}': '%%{ if true }yes%%{ endif }', plain: '$$ and %% and $$${ok}' });
  });

  it('chains moved blocks from every former name to the current one', () => {
    expect(main(compile(renamed(), 'dev', catalog).files).moved).toEqual([
      { from: 'module.net', to: 'module.core_net' },
      { from: 'module.core_net', to: 'module.network' },
    ]);
  });

  it('skips a former name that another node now holds, with a warning', () => {
    const stack = project('reuse', [node('a', 'net', 'local-network@1.0.0', { name: 'a' }, ['old']), node('b', 'old', 'local-network@1.0.0', { name: 'b' })], []);
    const result = compile(stack, 'dev', catalog);
    expect(codes(result)).toEqual(['compile.former-name-reused']);
    expect(main(result.files).moved).toBeUndefined();
  });

  it('merges required providers, writes aliases as an array, and the chosen backend literally', () => {
    const document = main(compile(awsStack(), 'prod', catalog).files);
    expect(document.terraform.required_providers).toEqual({ aws: { source: 'hashicorp/aws', version: '>= 5.0, ~> 5.0' } });
    expect(document.terraform.backend).toEqual({ s3: { bucket: 'tf-state', key: 'aws-stack/prod.tfstate', region: 'eu-west-1' } });
    expect(document.provider.aws).toHaveLength(2);
    expect(document.provider.aws[1]).toMatchObject({ alias: 'replica', region: 'eu-central-1' });
    expect(document.module.events.subscribers).toEqual(['${module.assets.bucket}', '${module.logs.bucket}']);
  });

  it('names both bundles when provider constraints conflict', () => {
    const stack = project('conflict', [node('a', 'new', 'aws-bucket@1.0.0', { bucket_prefix: 'a' }), node('b', 'old', 'aws-old-bucket@1.0.0', { bucket_prefix: 'b' })], []);
    const result = compile(stack, 'dev', catalog);
    expect(codes(result)).toEqual(['compile.provider-version-conflict']);
    expect(result.diagnostics[0]!.message).toContain('aws-bucket@1.0.0');
    expect(result.diagnostics[0]!.message).toContain('aws-old-bucket@1.0.0');
  });

  it('reports diagram mistakes as diagnostics that point at the node', () => {
    const broken = project(
      'broken',
      [node('a', 'net', 'local-network@1.0.0', {}), node('b', 'svc', 'local-service@1.0.0', { image: 'x', color: 'red' }), node('c', 'ghost', 'nope@9.9.9')],
      [edge('a', 'network', 'b', 'databases')],
    );
    const result = compile(broken, 'dev', catalog);
    expect(codes(result).sort()).toEqual(['compile.bundle-missing', 'compile.connection-incompatible', 'compile.connection-required', 'compile.param-required', 'compile.param-unknown']);
    expect(result.diagnostics.find((diagnostic) => diagnostic.code === 'compile.param-unknown')!.location).toMatchObject({ nodeId: 'b', field: 'color' });
    expect(result.files).toEqual({});
  });

  it('reports a cycle with its path', () => {
    const looped = project(
      'loop',
      [node('a', 'first', 'local-echo@1.0.0', { text: 'a' }), node('b', 'second', 'local-echo@1.0.0', { text: 'b' })],
      [edge('a', 'text', 'b', 'text', true), edge('b', 'text', 'a', 'text', true)],
    );
    // local-echo has no connections: the unknown connection is reported, and so is the loop.
    const result = compile(looped, 'dev', catalog);
    expect(result.diagnostics.find((diagnostic) => diagnostic.code === 'compile.cycle')!.message).toContain('first → second → first');
  });

  it('answers an unknown environment with the ones that exist', () => {
    const result = compile(localStack(), 'staging', catalog);
    expect(codes(result)).toEqual(['compile.environment-unknown']);
    expect(result.diagnostics[0]!.message).toContain('dev, prod');
  });

  it('is byte-identical for the same input and never writes this machine’s paths', () => {
    const first = compile(localStack(), 'dev', catalog);
    const shuffled = localStack();
    shuffled.diagram.nodes.reverse();
    shuffled.diagram.edges.reverse();
    const second = compile(shuffled, 'dev', catalog);
    expect(second.files['main.tf.json']).toBe(first.files['main.tf.json']);
    expect(second.files['outputs.tf.json']).toBe(first.files['outputs.tf.json']);
    for (const text of Object.values(first.files)) expect(text).not.toContain(catalog.bundles[0]!.dir.split('/test/')[0]);
    expect(first.moduleSources.map((source) => source.bundleRef)).toEqual(['local-database@1.0.0', 'local-network@1.0.0', 'local-service@1.0.0']);
  });

  it('warns about provider settings no bundle uses and leaves them out', () => {
    const stack = localStack();
    stack.environments[0] = environment('dev', { providers: { google: { project: 'x' } } });
    const result = compile(stack, 'dev', catalog);
    expect(codes(result)).toEqual(['compile.provider-unused']);
    expect(main(result.files).provider).toBeUndefined();
  });

  it('keeps secret markers out of overrides too: an override may set the marker', () => {
    const stack = localStack();
    stack.diagram.nodes[1]!.params = { size: 1 };
    stack.environments[1]!.overrides.n2 = { password: SECRET_SET };
    expect(main(compile(stack, 'prod', catalog).files).variable).toEqual({ db__password: { type: 'string', sensitive: true } });
    expect(main(compile(stack, 'dev', catalog).files).variable).toBeUndefined();
  });
});
