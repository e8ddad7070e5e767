import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDiagramFile } from '../../core/diagramFile/parse';
import { serializeDiagramFile } from '../../core/diagramFile/serialize';
import type { Project } from '../../core/model/diagram';
import { main } from '../main';

const dir = mkdtempSync(join(tmpdir(), 'driftless-diagram-cli-'));

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { stdout: (text) => out.push(text), stderr: (text) => err.push(text) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

function write(name: string, project: Project | string): string {
  const path = join(dir, name);
  writeFileSync(path, typeof project === 'string' ? project : serializeDiagramFile(project));
  return path;
}

const project: Project = {
  id: 'p',
  name: 'shop',
  diagram: {
    nodes: [
      { id: 'a', name: 'net', bundle: 'local-network@1.0.0', position: { x: 0, y: 0 }, params: { name: 'dev-net', cidr: '10.0.0.0/24' } },
      { id: 'b', name: 'api', bundle: 'local-service@1.0.0', position: { x: 200, y: 0 }, params: { name: 'api', image: 'nginx', log_level: 'loud' } },
    ],
    edges: [{ id: 'e', from: { node: 'a', artifact: 'network' }, to: { node: 'b', connection: 'network' } }],
  },
  environments: [{ id: 'dev', name: 'dev', providers: {}, overrides: { b: { replicas: 2 } }, backend: { type: 'embedded' } }],
};

describe('driftless validate', () => {
  it('checks the diagram against the built-in catalog, naming each problem where it is', async () => {
    const result = await run('validate', write('shop.driftless.json', project), '--json');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { valid: boolean; diagnostics: { code: string; message: string; location: { pointer: string } }[] };
    expect(report.valid).toBe(false);
    const byCode = Object.fromEntries(report.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic]));
    expect(byCode['diagram.missing-connection']!.location.pointer).toBe('/nodes/1');
    expect(byCode['params.invalid']!.message).toMatch(/^\/params\/log_level: must be one of "debug", "info", "warn", "error"/);
    expect(byCode['params.invalid']!.location.pointer).toBe('/nodes/1/params/log_level');
  });

  it('accepts a well-formed file with --file-only, and refuses a broken one with line and column', async () => {
    const good = await run('validate', write('good.driftless.json', project), '--file-only');
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('valid (2 nodes, 1 edges, 1 environments)');
    const bad = await run('validate', write('bad.driftless.json', '{\n  "format": 1,\n  "nodes": [}\n'), '--file-only');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/bad\.driftless\.json:3:13: The file is not valid JSON at line 3, column 13/);
  });
});

describe('driftless diff and merge', () => {
  const ours: Project = { ...project, diagram: { ...project.diagram, nodes: [project.diagram.nodes[0]!, { ...project.diagram.nodes[1]!, name: 'backend', params: { ...project.diagram.nodes[1]!.params, image: 'nginx:1.27' } }] } };
  const theirs: Project = { ...project, diagram: { ...project.diagram, nodes: [{ ...project.diagram.nodes[0]!, params: { name: 'dev-net', cidr: '10.9.0.0/24' } }, { ...project.diagram.nodes[1]!, params: { ...project.diagram.nodes[1]!.params, image: 'caddy' } }] } };

  it('diff lists a rename and a param change in words', async () => {
    const result = await run('diff', write('base.driftless.json', project), write('ours.driftless.json', ours));
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('~ node "api" renamed to "backend"\n~ node "backend": image "nginx" → "nginx:1.27"');
  });

  it('merge writes the merged file, lists conflicts and exits 1', async () => {
    const out = join(dir, 'merged.driftless.json');
    const result = await run('merge', write('base.driftless.json', project), write('ours.driftless.json', ours), write('theirs.driftless.json', theirs), '-o', out);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('#/nodes/1/params/image: node "backend": param image set to "nginx:1.27" by ours and "caddy" by theirs; kept ours');
    const merged = parseDiagramFile(readFileSync(out, 'utf8'));
    if (!('project' in merged)) throw new Error('merged file does not parse');
    expect(merged.project.diagram.nodes[0]!.params.cidr).toBe('10.9.0.0/24');
    expect(merged.project.diagram.nodes[1]!.name).toBe('backend');
  });

  it('merge exits 0 on a clean merge, and refuses unreadable input without writing', async () => {
    const out = join(dir, 'clean.driftless.json');
    const clean = await run('merge', write('b.driftless.json', project), write('o.driftless.json', ours), write('t.driftless.json', project), '-o', out);
    expect(clean.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(serializeDiagramFile(ours));
    const missing = await run('merge', join(dir, 'nope.json'), join(dir, 'o.driftless.json'), join(dir, 't.driftless.json'), '-o', join(dir, 'never.json'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('does not exist');
    expect(missing.stderr).toContain('Nothing was written');
  });
});
