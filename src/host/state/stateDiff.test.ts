import { describe, expect, it } from 'vitest';
import { diffStates } from './stateDiff';

/** A state v4 with one terraform_data instance of module `node`. */
function stateOf(attributes: Record<string, unknown>, sensitive: unknown[] = []) {
  return {
    version: 4, serial: 1, lineage: 'diff', outputs: {},
    resources: [{ module: 'module.node', mode: 'managed', type: 'terraform_data', name: 'item', provider: 'p', instances: [{ attributes, sensitive_attributes: sensitive }] }],
  };
}

const changesOf = (before: Record<string, unknown>, after: Record<string, unknown>, sensitive: unknown[] = []) =>
  diffStates(stateOf(before, sensitive), stateOf(after, sensitive)).changed[0]?.changes;

describe('diffStates', () => {
  it('names the leaf that changed inside an object, not the whole attribute', () => {
    const network = (cidr: string) => ({ id: 'n', input: { value: { cidr, domain: 'dev-net.local', name: 'dev-net' }, type: ['object', {}] } });
    expect(changesOf(network('10.10.0.0/24'), network('10.20.0.0/24'))).toEqual([{ attribute: 'input.value.cidr', before: '10.10.0.0/24', after: '10.20.0.0/24' }]);
  });

  it('walks lists of the same length by index; a list that grew or shrank is shown whole', () => {
    expect(changesOf({ ports: [80, 443] }, { ports: [80, 8443] })).toEqual([{ attribute: 'ports[1]', before: 443, after: 8443 }]);
    expect(changesOf({ ports: [80] }, { ports: [80, 443] })).toEqual([{ attribute: 'ports', before: [80], after: [80, 443] }]);
  });

  it('writes keys that are not identifiers in brackets, and reports added and removed keys', () => {
    const tagged = (tags: Record<string, string>) => ({ tags });
    expect(changesOf(tagged({ 'kubernetes.io/role': 'a', env: 'dev' }), tagged({ 'kubernetes.io/role': 'b', team: 'ops' }))).toEqual([
      { attribute: 'tags.env', before: 'dev', after: null },
      { attribute: 'tags["kubernetes.io/role"]', before: 'a', after: 'b' },
      { attribute: 'tags.team', before: null, after: 'ops' },
    ]);
  });

  it('never descends into a sensitive part: its change is reported with both values masked', () => {
    const sensitive = [[{ type: 'get_attr', value: 'input' }, { type: 'get_attr', value: 'password' }]];
    const changes = changesOf({ input: { password: 'hunter2', user: 'app' } }, { input: { password: 'hunter3', user: 'app' } }, sensitive);
    expect(changes).toEqual([{ attribute: 'input.password', before: '(sensitive value)', after: '(sensitive value)' }]);
    expect(JSON.stringify(changes)).not.toContain('hunter');
  });

  it('masks a change whose values echo a sensitive value of the same instance (terraform_data output)', () => {
    const sensitive = [[{ type: 'get_attr', value: 'input' }]];
    const secret = (value: string) => ({ input: { value, type: 'string' }, output: { value, type: 'string' } });
    const changes = changesOf(secret('alpha-secret'), secret('beta-secret'), sensitive);
    expect(changes).toEqual([
      { attribute: 'input', before: '(sensitive value)', after: '(sensitive value)' },
      { attribute: 'output.value', before: '(sensitive value)', after: '(sensitive value)' },
    ]);
  });

  it('shows an attribute whole when more than 20 of its leaves changed', () => {
    const many = (suffix: string) => ({ settings: Object.fromEntries(Array.from({ length: 21 }, (_, index) => [`key_${index}`, `${index}${suffix}`])) });
    const changes = changesOf(many('a'), many('b'));
    expect(changes).toHaveLength(1);
    expect(changes![0]).toMatchObject({ attribute: 'settings', before: many('a').settings, after: many('b').settings });
  });
});
