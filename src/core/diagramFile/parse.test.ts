import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateProject, generatedCatalog } from '../diagram/generateProject';
import type { Project } from '../model/diagram';
import { MAX_FILE_CHARS } from './jsonText';
import { parseDiagramFile, type ParseResult } from './parse';
import { serializeDiagramFile } from './serialize';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

function projectOf(result: ParseResult): Project {
  if (!('project' in result)) throw new Error(JSON.stringify(result.diagnostics, null, 2));
  return result.project;
}

function problemsOf(text: string) {
  const result = parseDiagramFile(text);
  if ('project' in result) throw new Error('expected the file to be refused');
  return result.diagnostics;
}

const valid = JSON.parse(fixture('format1.driftless.json')) as Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests poke at any field of the document
type Loose = Record<string, any>;
const variant = (change: (document: Loose) => void) => {
  const document = structuredClone(valid) as Loose;
  change(document);
  return JSON.stringify(document, null, 2);
};

describe('serializeDiagramFile and parseDiagramFile', () => {
  it('round-trips a generated project: deep-equal project, byte-identical text', () => {
    const project = generateProject(60, 90);
    const text = serializeDiagramFile(project);
    expect(projectOf(parseDiagramFile(text))).toStrictEqual(project);
    expect(serializeDiagramFile(projectOf(parseDiagramFile(text)))).toBe(text);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "format": 1,\n');
  });

  it('writes format 1 exactly as the fixture, and reads the fixture back to the same text', () => {
    expect(serializeDiagramFile(projectOf(parseDiagramFile(fixture('format1.driftless.json'))))).toBe(fixture('format1.driftless.json'));
  });

  it('sorts keys of params, providers and overrides so files diff well', () => {
    const project = generateProject(3, 2);
    const shuffled: Project = { ...project, diagram: { ...project.diagram, nodes: project.diagram.nodes.map((node) => ({ ...node, params: { zeta: 1, alpha: { y: 1, b: 2 } } })) } };
    const text = serializeDiagramFile(shuffled);
    expect(text.indexOf('"alpha"')).toBeLessThan(text.indexOf('"zeta"'));
    expect(text.indexOf('"b": 2')).toBeLessThan(text.indexOf('"y": 1'));
  });

  it('writes secrets only as set/unset, and records bundle hashes, when given the catalog', () => {
    const catalog = generatedCatalog();
    const project = generateProject(12, 12);
    const leaked: Project = {
      ...project,
      diagram: { ...project.diagram, nodes: project.diagram.nodes.map((node, index) => (index === 5 ? { ...node, params: { ...node.params, password: 'CANARY-hunter2' } } : node)) },
      environments: project.environments.map((environment) => ({ ...environment, overrides: { ...environment.overrides, n6: { password: 'CANARY-env' } } })),
    };
    const text = serializeDiagramFile(leaked, catalog);
    expect(text).not.toContain('CANARY');
    expect(text).toContain('"password": {\n            "$secret": "set"');
    expect(text).toContain('"$secret": "unset"');
    expect(text).toContain('"hash": "sha256-service-1.0.0"');
    const back = projectOf(parseDiagramFile(text));
    expect(back.diagram.nodes[5]!.params.password).toEqual({ $secret: 'set' });
    expect(back.diagram.nodes[7]!.params).not.toHaveProperty('password');
    expect(back.bundleHashes).toEqual({ 'network@1.0.0': 'sha256-network-1.0.0', 'service@1.0.0': 'sha256-service-1.0.0' });
    expect(serializeDiagramFile(back, catalog)).toBe(text);
  });

  it('round-trips random projects', () => {
    const name = fc.stringMatching(/^[a-z_][a-z0-9_-]{0,8}$/).filter((candidate) => !['count', 'for', 'if', 'in', 'var', 'self', 'each', 'local', 'module', 'null', 'true', 'false'].includes(candidate));
    const json = fc.jsonValue({ maxDepth: 3 });
    const arbitraryProject = fc.uniqueArray(name, { minLength: 0, maxLength: 8 }).chain((names) =>
      fc.record({
        params: fc.array(fc.dictionary(fc.string({ maxLength: 5 }).filter((key) => key !== '__proto__'), json, { maxKeys: 3 }), { minLength: names.length, maxLength: names.length }),
        positions: fc.array(fc.tuple(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer()), { minLength: names.length, maxLength: names.length }),
        edgePairs: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 10 }),
        region: fc.string(),
      }).map(({ params, positions, edgePairs, region }): Project => {
        const nodes = names.map((nodeName, index) => ({ id: `id-${index}`, name: nodeName, bundle: 'b@1.0.0', position: { x: positions[index]![0], y: positions[index]![1] }, params: params[index]! }));
        const edges = nodes.length === 0 ? [] : edgePairs.map(([a, b], index) => ({ id: `e${index}`, from: { node: nodes[a % nodes.length]!.id, artifact: 'out' }, to: { node: nodes[b % nodes.length]!.id, connection: 'in' } }));
        return { id: 'p', name: 'Project "x"/y', diagram: { nodes, edges }, environments: [{ id: 'e', name: 'dev', providers: { aws: { region } }, overrides: {}, backend: { type: 'embedded' } }] };
      }),
    );
    fc.assert(
      fc.property(arbitraryProject, (project) => {
        // JSON has no -0; the file writes 0.
        const normal = JSON.parse(JSON.stringify(project)) as Project;
        const text = serializeDiagramFile(normal);
        const back = projectOf(parseDiagramFile(text));
        expect(back).toStrictEqual(normal);
        expect(serializeDiagramFile(back)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });
});

describe('parseDiagramFile refuses bad files, naming every problem', () => {
  it('migrates format 0 to the current format', () => {
    const result = parseDiagramFile(fixture('format0.driftless.json'));
    expect(result).toHaveProperty('migratedFrom', 0);
    expect(serializeDiagramFile(projectOf(result))).toBe(fixture('format1.driftless.json'));
  });

  it('refuses a newer format by name', () => {
    const [problem] = problemsOf(variant((document) => (document.format = 7)));
    expect(problem!.message).toContain('written by a newer Driftless, format 7');
    expect(problem!.location?.pointer).toBe('/format');
  });

  it('gives line and column of malformed JSON', () => {
    const text = fixture('format1.driftless.json').replace('"name": "web",', '"name": "web"');
    const [problem] = problemsOf(text);
    expect(problem!.code).toBe('file.invalid-json');
    expect(problem!.location).toMatchObject({ line: 27, column: 7 });
    expect(problem!.message).toMatch(/line 27, column 7: expected ',' or '}'/);
  });

  it('lists every problem of a file at once, each with its pointer', () => {
    const problems = problemsOf(
      variant((document) => {
        document.nodes[0].position.x = 'left';
        document.nodes[1].id = 'a1';
        document.nodes[1].name = '2web';
        document.edges[0].to.node = 'ghost';
        document.edges.push({ ...document.edges[0], to: { node: 'b2' } });
        document.environments[1].backend = { type: 'ftp' };
        document.environments[0].overrides.ghost = { size: 'x' };
        document.nodes[0].params.password = { $secret: 'p4ss' };
        document.extra = true;
      }),
    );
    const pointers = problems.map((problem) => problem.location?.pointer);
    expect(pointers).toEqual(
      expect.arrayContaining([
        '/nodes/0/position/x',
        '/nodes/1/id',
        '/nodes/1/name',
        '/edges/0/to/node',
        '/edges/1/to/connection',
        '/edges/1/id',
        '/environments/1/backend/type',
        '/environments/0/overrides/ghost',
        '/nodes/0/params/password/$secret',
        '/extra',
      ]),
    );
    for (const problem of problems) expect(problem.message).toMatch(/^\/\S*: .{20,}/);
  });

  it('refuses a file larger than the limit at once', () => {
    const text = ' '.repeat(MAX_FILE_CHARS + 1);
    const start = performance.now();
    const [problem] = problemsOf(text);
    expect(performance.now() - start).toBeLessThan(1000);
    expect(problem!.code).toBe('file.too-large');
    expect(problem!.message).toMatch(/at most 32\.0 MB/);
  });

  it('refuses deep nesting before anything recurses over it', () => {
    const text = `{"format":1,"nodes":${'['.repeat(200000)}${']'.repeat(200000)}}`;
    const [problem] = problemsOf(text);
    expect(problem!.code).toBe('file.too-deep');
    expect(problem!.location).toMatchObject({ line: 1, pointer: '' });
  });

  it.each([
    ['an array', '[]', 'file.wrong-type'],
    ['no format', '{"nodes": []}', 'file.unknown-format'],
    ['a string format', '{"format": "1"}', 'file.unknown-format'],
    ['an empty file', '', 'file.invalid-json'],
  ])('refuses %s', (_label, text, code) => {
    expect(problemsOf(text)[0]!.code).toBe(code);
  });
});
