import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CatalogSnapshot } from '../bundles/manifest';
import type { DiagnosticLocation } from '../diagnostics';
import type { Project } from '../model/diagram';
import { applyEdit, type DiagramEdit } from './edits';
import { generateProject, generatedCatalog } from './generateProject';
import { createProjectValidator, validateProject, type ValidateParams } from './validate';

const catalog = generatedCatalog();
const base = generateProject(20, 30);

function edited(...edits: DiagramEdit[]): Project {
  const result = applyEdit(base, { kind: 'batch', edits });
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.project;
}

/** Stands in for the host's ajv validator: `size` must be one of the enum values. */
const sizeValidator: ValidateParams = (_bundle, params, context) =>
  params.size !== undefined && !['small', 'medium', 'large'].includes(params.size as string)
    ? [{ severity: 'error', code: 'params.invalid', message: '/params/size: must be one of small, medium, large', location: { ...context, field: 'size' } }]
    : [];

describe('validateProject', () => {
  it('finds nothing wrong in a valid generated diagram', () => {
    expect(validateProject(base, catalog, sizeValidator)).toEqual([]);
  });

  const networkEdgeOf5 = base.diagram.edges.find((edge) => edge.to.node === 'n5' && edge.to.connection === 'network')!;
  const cases: [string, Project, string, DiagnosticLocation][] = [
    ['an artifact of the wrong type', edited({ kind: 'connect', edge: { id: 'bad', from: { node: 'n0', artifact: 'network' }, to: { node: 'n9', connection: 'peers' } } }), 'diagram.incompatible-edge', { nodeId: 'n9', port: 'peers' }],
    ['two edges on a single connection', edited({ kind: 'connect', edge: { id: 'two', from: { node: 'n1', artifact: 'network' }, to: { node: 'n5', connection: 'network' } } }), 'diagram.too-many-edges', { nodeId: 'n5', port: 'network' }],
    ['a required connection left empty', edited({ kind: 'disconnect', edgeId: networkEdgeOf5.id }), 'diagram.missing-connection', { nodeId: 'n5', port: 'network' }],
    ['an unknown artifact', edited({ kind: 'connect', edge: { id: 'u', from: { node: 'n3', artifact: 'nope' }, to: { node: 'n9', connection: 'peers' } } }), 'diagram.unknown-artifact', { nodeId: 'n3', port: 'nope' }],
    ['an unknown connection', edited({ kind: 'connect', edge: { id: 'u', from: { node: 'n3', artifact: 'endpoint' }, to: { node: 'n9', connection: 'nope' } } }), 'diagram.unknown-connection', { nodeId: 'n9', port: 'nope' }],
    ['a missing bundle version', edited({ kind: 'setNodeBundle', id: 'n4', bundle: 'service@9.9.9' }), 'diagram.missing-bundle', { nodeId: 'n4', field: 'bundle' }],
    ['a bundle ref without a version', edited({ kind: 'setNodeBundle', id: 'n4', bundle: 'service' }), 'diagram.invalid-bundle-ref', { nodeId: 'n4' }],
    ['a name that is not an identifier', edited({ kind: 'renameNode', id: 'n4', name: '4web' }), 'diagram.invalid-name', { nodeId: 'n4', field: 'name' }],
    ['a reserved name', edited({ kind: 'renameNode', id: 'n4', name: 'count' }), 'diagram.invalid-name', { nodeId: 'n4' }],
    ['a duplicate name', edited({ kind: 'renameNode', id: 'n4', name: 'service_5' }), 'diagram.duplicate-name', { field: 'name' }],
    ['a param the bundle lacks', edited({ kind: 'setParam', id: 'n4', param: 'colour', value: 'red' }), 'diagram.unknown-param', { nodeId: 'n4', field: 'colour' }],
    ['an override of a param the bundle lacks', edited({ kind: 'setOverride', environmentId: 'env-dev', nodeId: 'n4', param: 'colour', value: 1 }), 'diagram.override-unknown-param', { nodeId: 'n4', field: 'colour', environment: 'dev' }],
    ['an invalid param (validateParams)', edited({ kind: 'setParam', id: 'n4', param: 'size', value: 'huge' }), 'params.invalid', { nodeId: 'n4', field: 'size' }],
    ['an invalid override (validateParams)', edited({ kind: 'setOverride', environmentId: 'env-prod', nodeId: 'n4', param: 'size', value: 'huge' }), 'params.invalid', { nodeId: 'n4', environment: 'prod' }],
    ['a duplicate environment name', edited({ kind: 'renameEnvironment', environmentId: 'env-prod', name: 'dev' }), 'diagram.duplicate-environment-name', { environment: 'dev' }],
    ['an invalid environment name', edited({ kind: 'renameEnvironment', environmentId: 'env-prod', name: 'prod env' }), 'diagram.invalid-environment-name', { environment: 'prod env' }],
  ];

  it.each(cases)('reports %s, naming where it is', (_label, project, code, location) => {
    const diagnostics = validateProject(project, catalog, sizeValidator);
    const found = diagnostics.find((diagnostic) => diagnostic.code === code);
    expect(found, JSON.stringify(diagnostics)).toBeDefined();
    expect(found!.location).toMatchObject(location);
    expect(found!.severity).toBe('error');
  });

  it('does not report a node param that every environment overrides; reports a bad override', () => {
    const overriddenEverywhere = edited(
      { kind: 'setParam', id: 'n4', param: 'size', value: 'huge' },
      { kind: 'setOverride', environmentId: 'env-dev', nodeId: 'n4', param: 'size', value: 'small' },
      { kind: 'setOverride', environmentId: 'env-prod', nodeId: 'n4', param: 'size', value: 'large' },
    );
    expect(validateProject(overriddenEverywhere, catalog, sizeValidator)).toEqual([]);
    const badInProd = edited({ kind: 'setOverride', environmentId: 'env-prod', nodeId: 'n4', param: 'size', value: 'huge' });
    expect(validateProject(badInProd, catalog, sizeValidator).map((diagnostic) => diagnostic.location)).toEqual([{ nodeId: 'n4', environment: 'prod', field: 'size' }]);
    const onlyInDev = edited({ kind: 'setParam', id: 'n4', param: 'size', value: 'huge' }, { kind: 'setOverride', environmentId: 'env-dev', nodeId: 'n4', param: 'size', value: 'small' });
    expect(validateProject(onlyInDev, catalog, sizeValidator).map((diagnostic) => diagnostic.location)).toEqual([{ nodeId: 'n4', field: 'size' }]);
  });

  it('refuses a cycle and names its path', () => {
    // n3 feeds n9's peers in the generated diagram only if it was generated so; add both directions.
    const project = edited(
      { kind: 'connect', edge: { id: 'c1', from: { node: 'n6', artifact: 'endpoint' }, to: { node: 'n7', connection: 'peers' } } },
      { kind: 'connect', edge: { id: 'c2', from: { node: 'n7', artifact: 'endpoint' }, to: { node: 'n6', connection: 'peers' } } },
    );
    const cycle = validateProject(project, catalog).find((diagnostic) => diagnostic.code === 'diagram.cycle');
    expect(cycle?.message).toMatch(/service_[67] → .*service_[67]/);
  });

  it('reports overrides of nodes the diagram lacks and edges to missing nodes', () => {
    const project: Project = {
      ...base,
      diagram: { ...base.diagram, edges: [...base.diagram.edges, { id: 'dangling', from: { node: 'ghost', artifact: 'a' }, to: { node: 'n5', connection: 'peers' } }] },
      environments: [{ ...base.environments[0]!, overrides: { ghost: { size: 'x' } } }],
    };
    const codes = validateProject(project, catalog).map((diagnostic) => diagnostic.code);
    expect(codes).toContain('diagram.override-unknown-node');
    expect(codes).toContain('diagram.edge-missing-node');
  });

  it('asks for confirmation of untyped edges, and accepts confirmed ones', () => {
    const untyped: CatalogSnapshot = {
      ...catalog,
      bundles: catalog.bundles.map((bundle) =>
        bundle.ref === 'service@1.0.0' ? { ...bundle, manifest: { ...bundle.manifest, artifacts: { ...bundle.manifest.artifacts, raw: { type: 'untyped', title: 'Raw' } } } } : bundle,
      ),
    };
    const edge = { id: 'raw', from: { node: 'n3', artifact: 'raw' }, to: { node: 'n9', connection: 'peers' } };
    const unconfirmed = validateProject(edited({ kind: 'connect', edge }), untyped);
    expect(unconfirmed.map((diagnostic) => diagnostic.code)).toEqual(['diagram.unconfirmed-untyped-edge']);
    expect(validateProject(edited({ kind: 'connect', edge: { ...edge, confirmedUntyped: true } }), untyped)).toEqual([]);
  });

  it('keeps a missing-bundle node and reports only the bundle, not its ports', () => {
    const project = edited({ kind: 'setNodeBundle', id: 'n0', bundle: 'network@0.1.0' });
    const diagnostics = validateProject(project, catalog);
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['diagram.missing-bundle']);
  });
});

describe('createProjectValidator', () => {
  it('gives the same diagnostics as a full validation after every edit of a random sequence', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(19), fc.nat(19), fc.constantFrom('small', 'huge', 'x')), { maxLength: 25 }), (steps) => {
        const validator = createProjectValidator(catalog, sizeValidator);
        let project = base;
        validator(project);
        steps.forEach(([a, b, value], index) => {
          const edits: DiagramEdit[] = [
            { kind: 'setParam', id: `n${a}`, param: 'size', value },
            { kind: 'connect', edge: { id: `r${index}`, from: { node: `n${a}`, artifact: 'endpoint' }, to: { node: `n${b}`, connection: 'peers' } } },
            { kind: 'renameNode', id: `n${a}`, name: `service_${b}` },
            { kind: 'deleteNodes', ids: [`n${b}`] },
            { kind: 'setOverride', environmentId: 'env-dev', nodeId: `n${a}`, param: 'size', value },
          ];
          const result = applyEdit(project, edits[(a + b) % edits.length]!);
          if (result.ok) project = result.project;
          expect(validator(project)).toEqual(validateProject(project, catalog, sizeValidator));
        });
      }),
      { numRuns: 100 },
    );
  });

  it('validates a 1,000-node / 1,500-edge diagram after one edit in well under a frame', () => {
    const large = generateProject(1000, 1500);
    const validator = createProjectValidator(catalog, sizeValidator);
    expect(validator(large)).toEqual([]);
    let project = large;
    const times: number[] = [];
    for (let step = 0; step < 30; step++) {
      project = (applyEdit(project, { kind: 'setParam', id: `n${200 + step}`, param: 'size', value: step % 2 ? 'large' : 'small' }) as { project: Project }).project;
      const start = performance.now();
      validator(project);
      times.push(performance.now() - start);
    }
    times.sort((x, y) => x - y);
    expect(times[15]).toBeLessThan(16);
  });
});
