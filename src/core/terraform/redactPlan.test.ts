import { describe, expect, it } from 'vitest';
import { SENSITIVE } from './mask';
import { redactPlanJson } from './redactPlan';

const canary = 'canary-3f9a1c';
const plan = {
  format_version: '1.2',
  variables: { db__password: { value: canary }, region: { value: 'us-east-1' } },
  configuration: { root_module: { variables: { db__password: { sensitive: true }, region: {} } } },
  planned_values: {
    root_module: {
      child_modules: [
        {
          resources: [{ address: 'module.db.terraform_data.db', values: { input: { password: canary }, output: { password: canary } }, sensitive_values: { input: true } }],
        },
      ],
    },
  },
  resource_changes: [
    {
      address: 'module.db.terraform_data.db',
      change: { actions: ['create'], before: null, after: { input: canary, tags: { env: 'dev' } }, after_sensitive: { input: true }, before_sensitive: false },
    },
  ],
  output_changes: { db__url: { after: `postgres://app:${canary}@db`, after_sensitive: true } },
};

describe('redactPlanJson', () => {
  it('removes every secret, marked or copied unmarked, and keeps everything else', () => {
    const text = redactPlanJson(JSON.stringify(plan));
    expect(text).not.toContain(canary);
    const redacted = JSON.parse(text);
    expect(redacted.variables.db__password.value).toBe(SENSITIVE);
    expect(redacted.variables.region.value).toBe('us-east-1');
    expect(redacted.planned_values.root_module.child_modules[0].resources[0].values.output.password).toBe(SENSITIVE);
    expect(redacted.resource_changes[0].change.after.tags).toEqual({ env: 'dev' });
    expect(redacted.resource_changes[0].change.actions).toEqual(['create']);
  });

  it('leaves a plan without secrets as it was', () => {
    const clean = { format_version: '1.2', resource_changes: [{ change: { actions: ['no-op'], before: { a: 'b' }, after: { a: 'b' } } }] };
    expect(JSON.parse(redactPlanJson(JSON.stringify(clean)))).toEqual(clean);
  });
});
