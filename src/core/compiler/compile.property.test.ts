import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilerCatalog } from '../../../test/support/compilerCatalog';
import { edge, node, project } from '../../../test/support/compilerProjects';
import { canConnect } from '../bundles/compatibility';
import type { CatalogBundle } from '../bundles/manifest';
import { SECRET_SET, type DiagramEdge, type DiagramNode, type Project } from '../model/diagram';
import { compile } from './compile';

const catalog = compilerCatalog();
const pool = ['local-network@1.0.0', 'local-database@1.0.0', 'local-service@1.0.0', 'local-echo@1.0.0', 'aws-bucket@1.0.0', 'aws-queue@1.0.0'];
const bundleOf = (ref: string) => catalog.bundles.find((bundle) => bundle.ref === ref)!;

/** What the real module declares: outputs, and variables with whether they have a default. */
function moduleInterface(bundle: CatalogBundle): { outputs: Set<string>; required: Set<string>; variables: Set<string> } {
  const text = readFileSync(join(bundle.dir, bundle.manifest.module, 'main.tf'), 'utf8');
  const outputs = new Set([...text.matchAll(/^output "([^"]+)"/gm)].map((match) => match[1]!));
  const blocks = text.split(/^variable "/m).slice(1);
  const variables = new Set(blocks.map((block) => block.slice(0, block.indexOf('"'))));
  const required = new Set(blocks.filter((block) => !/^\s*default\s*=/m.test(block.slice(0, block.indexOf('\n}')))).map((block) => block.slice(0, block.indexOf('"'))));
  return { outputs, required, variables };
}
const interfaces = new Map(pool.map((ref) => [ref, moduleInterface(bundleOf(ref))]));

const userText = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('${file("/etc/passwd")}', '%{ if x }y%{ endif }', '$${a}', 'plain'));

/** A random DAG of fixture bundles: each node only connects to earlier ones, and only compatibly. */
const randomProject = fc
  .array(fc.record({ bundle: fc.constantFrom(...pool), text: userText, pick: fc.array(fc.nat(), { minLength: 4, maxLength: 4 }), secret: fc.boolean() }), { minLength: 1, maxLength: 14 })
  .map((specs): Project => {
    const nodes: DiagramNode[] = [];
    const edges: DiagramEdge[] = [];
    specs.forEach((spec, index) => {
      const id = `n${index}`;
      let bundle = bundleOf(spec.bundle);
      const producers = (type: { type: string; title: string; required: boolean }) =>
        nodes.flatMap((other) => Object.entries(bundleOf(other.bundle).manifest.artifacts).filter(([, artifact]) => canConnect(artifact.type, type, catalog.types).ok && artifact.type !== 'untyped').map(([artifact]) => ({ node: other.id, artifact })));
      if (Object.values(bundle.manifest.connections).some((connection) => connection.required && producers(connection).length === 0)) bundle = bundleOf('local-network@1.0.0');
      const params: Record<string, unknown> = {};
      for (const name of (bundle.manifest.params.required as string[] | undefined) ?? []) params[name] = spec.text;
      if (bundle.manifest.name === 'local-database' && spec.secret) params.password = SECRET_SET;
      if (bundle.manifest.name === 'local-echo') params.data = { [spec.text]: [spec.text] };
      nodes.push(node(id, `node_${index}`, bundle.ref, params));
      Object.entries(bundle.manifest.connections).forEach(([name, connection], k) => {
        const candidates = producers(connection);
        if (candidates.length === 0) return;
        const chosen = connection.list ? candidates.filter((_, i) => (spec.pick[k]! >> i) & 1) : connection.required || spec.pick[k]! % 2 ? [candidates[spec.pick[k]! % candidates.length]!] : [];
        for (const source of chosen) edges.push(edge(source.node, source.artifact, id, name));
      });
    });
    return project('random', nodes, edges);
  });

describe('compile over random DAGs of bundles', () => {
  it('is deterministic, references only declared outputs of existing modules, supplies every required variable, leaks no path', () => {
    let references = 0;
    fc.assert(
      fc.property(randomProject, (subject) => {
        references += subject.diagram.edges.length;
        const result = compile(subject, 'dev', catalog);
        expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
        const reordered = { ...subject, diagram: { nodes: [...subject.diagram.nodes].reverse(), edges: [...subject.diagram.edges].reverse() } };
        const again = compile(reordered, 'dev', catalog);
        expect(again.files['main.tf.json']).toBe(result.files['main.tf.json']);
        expect(again.files['outputs.tf.json']).toBe(result.files['outputs.tf.json']);

        const main = JSON.parse(result.files['main.tf.json']!);
        const modules = main.module as Record<string, Record<string, unknown>>;
        const byName = new Map(subject.diagram.nodes.map((entry) => [entry.name, entry]));
        const everything = Object.values(result.files).join('\n');
        for (const match of everything.matchAll(/(?<!\$)\$\{module\.([^.}]+)\.([^}]+)\}/g)) {
          const target = byName.get(match[1]!);
          expect(target, `module ${match[1]} exists`).toBeDefined();
          expect(interfaces.get(target!.bundle)!.outputs.has(match[2]!), `${match[1]} declares output ${match[2]}`).toBe(true);
        }
        for (const match of everything.matchAll(/(?<!\$)\$\{var\.([^}]+)\}/g)) expect(main.variable?.[match[1]!]).toBeDefined();
        for (const [name, block] of Object.entries(modules)) {
          const contract = interfaces.get(byName.get(name)!.bundle)!;
          for (const variable of contract.required) expect(block, `${name} gets ${variable}`).toHaveProperty([variable]);
          for (const key of Object.keys(block)) if (key !== 'source' && key !== '//') expect(contract.variables.has(key), `${name}.${key} is a variable`).toBe(true);
          expect(String(block.source)).toMatch(/^\.\/modules\/[a-z0-9-]+@[0-9.]+-[0-9a-f]{12}$/);
        }
        for (const bundle of catalog.bundles) expect(everything).not.toContain(bundle.dir);
        expect(everything).not.toContain(process.cwd());
      }),
      { numRuns: 150 },
    );
    // The generator must actually wire nodes, or the reference checks above prove nothing.
    expect(references).toBeGreaterThan(150);
  });
});
