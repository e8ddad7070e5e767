import { describe, expect, it } from 'vitest';
import { captureSources, readCapture } from '../../../test/support/captures';
import { SENSITIVE } from './mask';
import { summarizeState } from './state';

describe.each(captureSources)('state v4 of %s', (source) => {
  it('groups resources and instances by node', () => {
    const { value, diagnostics } = summarizeState(readCapture(source, 'modules', 'state.stdout'));
    expect(diagnostics).toEqual([]);
    expect(value!.lineage).toMatch(/^[0-9a-f-]{36}$/);
    const nodes = Object.keys(value!.nodes).sort();
    expect(nodes).toEqual(source === 'terraform-1.11.4' ? ['app', 'network'] : ['naming', 'parent']);
    for (const resource of value!.resources) {
      for (const instance of resource.instances) expect(instance.address.startsWith(resource.address)).toBe(true);
    }
    if (source === 'terraform-1.11.4') {
      expect(value!.nodes.network!.flatMap((resource) => resource.instances.map((instance) => instance.address))).toContain('module.network["blue"].terraform_data.subnet[0]');
      expect(value!.nodes.app!.map((resource) => resource.address)).toContain('module.app.module.worker.terraform_data.queue');
    } else {
      expect(value!.nodes.parent!.some((resource) => resource.module === 'module.parent["3"].module.child')).toBe(true);
    }
  });
});

describe('state outputs', () => {
  it('masks sensitive output values', () => {
    const text = readCapture('terraform-1.14.6', 'sensitive-values', 'state.stdout');
    const { value } = summarizeState(text);
    expect(value!.outputs.secret_checksum).toEqual({ type: 'string', sensitive: true, value: SENSITIVE });
    expect(value!.outputs.secret_path!.value).toBe('./output/secret.txt');
    const ours = summarizeState(readCapture('terraform-1.11.4', 'modules', 'state.stdout')).value!;
    expect(ours.outputs.password!.value).toBe(SENSITIVE);
    expect(JSON.stringify(ours)).not.toContain('s3cret');
  });

  it('refuses documents that are not state v4, with a diagnostic', () => {
    expect(summarizeState('{"version":3}').diagnostics[0]!.code).toBe('state.version');
    expect(summarizeState('nope').diagnostics[0]!.code).toBe('state.invalid');
  });
});
