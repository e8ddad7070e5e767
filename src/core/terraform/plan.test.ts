import { describe, expect, it } from 'vitest';
import { readCapture } from '../../../test/support/captures';
import { changeKindOf } from './actions';
import { nodeOfModuleAddress } from './address';
import { SENSITIVE } from './mask';
import { planHasChanges, summarizePlan } from './plan';

function summary(text: string) {
  const result = summarizePlan(text);
  expect(result.diagnostics).toEqual([]);
  return result.value!;
}

describe('node of a module address', () => {
  it('is the first module step, with or without instance keys', () => {
    expect(nodeOfModuleAddress('module.db')).toBe('db');
    expect(nodeOfModuleAddress('module.a["x"].module.b')).toBe('a');
    expect(nodeOfModuleAddress('module.net[0].aws_vpc.main')).toBe('net');
    expect(nodeOfModuleAddress('aws_vpc.main')).toBeUndefined();
    expect(nodeOfModuleAddress(undefined)).toBeUndefined();
  });
});

describe('change kinds', () => {
  it('collapses every two-action list to replace, including both forget orders', () => {
    for (const actions of [['delete', 'create'], ['create', 'delete'], ['create', 'forget'], ['forget', 'create']]) {
      expect(changeKindOf(actions)).toBe('replace');
    }
    expect(changeKindOf(['forget'])).toBe('forget');
    expect(changeKindOf(['read'])).toBe('read');
    expect(changeKindOf(['no-op'])).toBe('no-op');
  });
});

describe('plan summary of the 1.11.4 capture (two modules, sensitive variable)', () => {
  const text = readCapture('terraform-1.11.4', 'modules', 'show-plan.stdout');
  const plan = summary(text);

  it('maps every change to its node by top-level module, nested modules included', () => {
    expect(Object.keys(plan.nodes).sort()).toEqual(['app', 'network']);
    expect(plan.nodes.app!.counts).toMatchObject({ replace: 1, update: 1, create: 0 });
    expect(plan.nodes.app!.resources.map((resource) => resource.address)).toContain('module.app.module.worker.terraform_data.queue');
    expect(plan.nodes.network!.counts).toMatchObject({ update: 2, delete: 1 });
    expect(plan.root.counts).toMatchObject({ create: 1, 'no-op': 1 });
    expect(plan.totals).toMatchObject({ create: 1, update: 3, replace: 1, delete: 1, 'no-op': 1 });
    expect(plan.applyable).toBe(true);
    expect(plan.complete).toBe(true);
    expect(plan.errored).toBe(false);
    expect(planHasChanges(plan)).toBe(true);
  });

  it('masks the sensitive variable in before, after and outputs, and never leaks it', () => {
    expect(text).toContain('s3cret-v2'); // the raw plan does hold it
    const server = plan.nodes.app!.resources.find((resource) => resource.address === 'module.app.terraform_data.server')!;
    expect((server.after as { input: { password: unknown } }).input.password).toBe(SENSITIVE);
    expect((server.before as { input: { password: unknown } }).input.password).toBe(SENSITIVE);
    expect((server.after as { input: { network: unknown } }).input.network).toEqual(expect.any(String));
    const password = plan.outputs.find((output) => output.name === 'password')!;
    expect(password.sensitive).toBe(true);
    expect(password.after).toBe(SENSITIVE);
    const serialized = JSON.stringify(plan);
    expect(serialized).not.toContain('s3cret-v1');
    expect(serialized).not.toContain('s3cret-v2');
  });

  it('notes values known only after apply', () => {
    const server = plan.nodes.app!.resources.find((resource) => resource.address === 'module.app.terraform_data.server')!;
    expect(server.unknownPaths).toContainEqual(['id']);
    expect(server.kind).toBe('replace');
  });
});

describe.each(['terraform-1.14.6', 'tofu-1.11.5'] as const)('plan summary of the real %s captures', (source) => {
  it('maps nested module instances to the top-level node', () => {
    const plan = summary(readCapture(source, 'modules', 'show-plan.stdout'));
    expect(plan.nodes.parent!.counts).toMatchObject({ create: 3, delete: 2, 'no-op': 1 });
    expect(plan.nodes.naming!.counts.replace).toBe(1);
    expect(plan.root.counts.replace).toBe(1);
    expect(plan.nodes.parent!.resources.find((resource) => resource.actionReason === 'delete_because_no_module')).toBeDefined();
    // Terraform 1.8+ says whether the plan is applyable; OpenTofu omits both fields.
    expect(plan.applyable).toBe(source === 'tofu-1.11.5' ? undefined : true);
    expect(plan.complete).toBe(source === 'tofu-1.11.5' ? undefined : true);
  });

  it('masks sensitive attributes and outputs', () => {
    const text = readCapture(source, 'sensitive-values', 'show-plan.stdout');
    const plan = summary(text);
    const file = plan.root.resources[0]!;
    expect((file.before as Record<string, unknown>).content).toBe(SENSITIVE);
    expect((file.after as Record<string, unknown>).content).toBe(SENSITIVE);
    const checksum = plan.outputs.find((output) => output.name === 'secret_checksum')!;
    expect(checksum.before).toBe(SENSITIVE);
    expect(checksum.afterUnknown).toBe(true);
    expect(text).toContain('updated-secret-value');
    expect(JSON.stringify(plan)).not.toMatch(/initial-secret-value|updated-secret-value/);
  });
});

describe('synthetic plans', () => {
  const plan = (extra: object) => JSON.stringify({ format_version: '1.2', terraform_version: '1.11.4', ...extra });

  it('puts drift under its node, masked', () => {
    const result = summary(
      plan({
        resource_drift: [{
          address: 'module.db.aws_db_instance.main', module_address: 'module.db', type: 'aws_db_instance', name: 'main',
          change: { actions: ['update'], before: { password: 'hunter2', size: 1 }, after: { password: 'hunter3', size: 2 }, before_sensitive: { password: true }, after_sensitive: { password: true } },
        }],
      }),
    );
    expect(result.nodes.db!.drift).toHaveLength(1);
    expect(result.nodes.db!.drift[0]!.after).toEqual({ password: SENSITIVE, size: 2 });
    expect(JSON.stringify(result)).not.toContain('hunter');
  });

  it('masks list elements and whole values whose shape disagrees with the marks', () => {
    const result = summary(
      plan({
        resource_changes: [{
          address: 'module.a.x.y', module_address: 'module.a', type: 'x', name: 'y',
          change: { actions: ['forget', 'create'], before: { tags: ['open', 'secret'], blob: 'raw' }, after: null, before_sensitive: { tags: [false, true], blob: { inner: true } }, after_sensitive: false },
        }],
      }),
    );
    const change = result.nodes.a!.resources[0]!;
    expect(change.kind).toBe('replace');
    expect(change.before).toEqual({ tags: ['open', SENSITIVE], blob: SENSITIVE });
    expect(change.after).toBeNull();
  });

  it('answers a diagnostic, not an exception, for input that is not a plan', () => {
    expect(summarizePlan('{not json').diagnostics[0]!.code).toBe('plan.invalid');
    expect(summarizePlan('{"version":4}').diagnostics[0]!.code).toBe('plan.invalid');
  });
});
