import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Environment, Project } from '../model/diagram';
import { canonicalJson } from './canonicalJson';
import { diagramHash } from './compile';

// a "hash" that returns the hashed text: shows exactly what is hashed
const identity = (chunks: readonly string[]) => chunks.join('');
const wholeCanonical = (project: Project, environment: Environment | undefined) =>
  canonicalJson({ project: { id: project.id, name: project.name, diagram: project.diagram }, environment: environment ?? null });

describe('diagramHash', () => {
  it('hashes exactly the canonical JSON of the whole input, for any keys (integer-like, __proto__, undefined members)', () => {
    const member = fc.jsonValue();
    const record = fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('__proto__', '10', '2', 'id')), fc.oneof(member, fc.constant(undefined)));
    fc.assert(
      fc.property(fc.array(record), fc.array(record), fc.dictionary(fc.string(), member), fc.option(record, { nil: undefined }), (nodes, edges, extra, environment) => {
        const project = { id: 'p', name: 'n', diagram: { ...extra, edges, nodes }, environments: [] } as unknown as Project;
        const expected = wholeCanonical(project, environment as Environment | undefined);
        expect(diagramHash(project, environment as Environment | undefined, identity)).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('changes when a node is replaced by an edited copy', () => {
    const node = { id: 'a', name: 'a', bundle: 'b@1.0.0', position: { x: 0, y: 0 }, params: { size: 1 } };
    const project = { id: 'p', name: 'n', diagram: { nodes: [node], edges: [] }, environments: [] } as unknown as Project;
    const before = diagramHash(project, undefined, identity);
    const edited = { ...project, diagram: { ...project.diagram, nodes: [{ ...node, params: { size: 2 } }] } } as Project;
    expect(diagramHash(edited, undefined, identity)).toBe(wholeCanonical(edited, undefined));
    expect(diagramHash(edited, undefined, identity)).not.toBe(before);
  });
});
