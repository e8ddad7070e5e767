import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateProject, generatedCatalog } from '../diagram/generateProject';
import { parseDiagramFile } from './parse';
import { serializeDiagramFile } from './serialize';

const seedText = serializeDiagramFile(generateProject(6, 7), generatedCatalog());
const seedDocument = JSON.parse(seedText) as unknown;

/** Parses and checks the contract: no throw, quick, and a refusal always says what and where. */
function checkContract(text: string): void {
  const start = performance.now();
  const result = parseDiagramFile(text);
  expect(performance.now() - start).toBeLessThan(2000);
  if ('project' in result) {
    // Whatever is accepted writes back out and reads again the same.
    const again = parseDiagramFile(serializeDiagramFile(result.project));
    expect(again).toHaveProperty('project');
    return;
  }
  expect(result.diagnostics.length).toBeGreaterThan(0);
  for (const diagnostic of result.diagnostics) {
    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.message.length).toBeGreaterThan(15);
    expect(typeof diagnostic.location?.pointer).toBe('string');
    expect(diagnostic.location!.pointer === '' || diagnostic.location!.pointer!.startsWith('/')).toBe(true);
  }
}

/** Paths to every value in a JSON document. */
function pathsOf(value: unknown, path: (string | number)[] = [], into: (string | number)[][] = []): (string | number)[][] {
  into.push(path);
  if (Array.isArray(value)) value.forEach((item, index) => pathsOf(item, [...path, index], into));
  else if (typeof value === 'object' && value !== null) for (const key of Object.keys(value)) pathsOf((value as Record<string, unknown>)[key], [...path, key], into);
  return into;
}
const seedPaths = pathsOf(seedDocument).filter((path) => path.length > 0);

function mutateAt(document: unknown, path: (string | number)[], mutation: { remove: boolean; value: unknown }): unknown {
  const copy = structuredClone(document);
  let parent = copy as Record<string | number, unknown>;
  for (const segment of path.slice(0, -1)) parent = parent[segment] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (mutation.remove) {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else parent[last] = mutation.value;
  return copy;
}

const textEdit = fc.record({ at: fc.nat(), remove: fc.nat(8), insert: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('{', '[', '"', ',', '}', ']', ':', '\\', '<<<<<<< HEAD\n', '\u0000', '1e999', 'null')) });

describe('parseDiagramFile under fuzzing', () => {
  it('never throws and always explains a refusal (10,000+ generated and mutated files)', () => {
    // 1. Text mutations of a real file: broken syntax, conflict markers, truncation.
    fc.assert(
      fc.property(fc.array(textEdit, { minLength: 1, maxLength: 4 }), (edits) => {
        let text = seedText;
        for (const edit of edits) {
          const at = edit.at % (text.length + 1);
          text = text.slice(0, at) + edit.insert + text.slice(at + edit.remove);
        }
        checkContract(text);
      }),
      { numRuns: 4000 },
    );
    // 2. Structural mutations: any value replaced by any JSON, or removed.
    fc.assert(
      fc.property(
        fc.array(fc.record({ path: fc.constantFrom(...seedPaths), remove: fc.boolean(), value: fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom('', 'a@', '1bad', 'count', { $secret: 'x' }, -1, 2, 1e308)) }), { minLength: 1, maxLength: 3 }),
        (mutations) => {
          let document = seedDocument;
          for (const mutation of mutations) {
            const paths = pathsOf(document).filter((path) => path.length > 0);
            const path = paths.find((candidate) => JSON.stringify(candidate) === JSON.stringify(mutation.path)) ?? paths[0];
            if (path) document = mutateAt(document, path, mutation);
          }
          checkContract(JSON.stringify(document, null, 2));
        },
      ),
      { numRuns: 4000 },
    );
    // 3. Arbitrary JSON and arbitrary text, including deep nesting.
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue().map((value) => JSON.stringify(value)), fc.string({ maxLength: 200 }), fc.nat(100000).map((depth) => '['.repeat(depth))), (text) => checkContract(text)),
      { numRuns: 2500 },
    );
  });
});
