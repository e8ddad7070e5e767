import { describe, expect, it } from 'vitest';
import { generatedCatalog } from '../../core/diagram/generateProject';
import { SECRET_SET } from '../../core/model/diagram';
import { createParamValidator } from './paramValidator';

const service = generatedCatalog().bundles.find((bundle) => bundle.ref === 'service@1.0.0')!;
const withRequired = {
  ...service,
  hash: 'other',
  manifest: {
    ...service.manifest,
    params: {
      type: 'object',
      properties: { instance_class: { type: 'string', enum: ['db.t3.micro', 'db.t3.small'] }, password: { type: 'string', writeOnly: true }, email: { type: 'string', format: 'email' } },
      required: ['instance_class', 'password'],
      additionalProperties: false,
    },
  },
};

describe('createParamValidator', () => {
  const validate = createParamValidator();

  it('accepts valid params', () => {
    expect(validate(service, { size: 'small', replicas: 2 }, { nodeId: 'n1' })).toEqual([]);
  });

  it('names the field and the allowed values', () => {
    const [problem] = validate(withRequired, { instance_class: 'db.x', password: 'p' }, { nodeId: 'n1', environment: 'prod' });
    expect(problem!.message).toMatch(/^\/params\/instance_class: must be one of "db.t3.micro", "db.t3.small"\. Change the override in environment "prod"/);
    expect(problem!.location).toMatchObject({ nodeId: 'n1', environment: 'prod', field: 'instance_class', pointer: '/params/instance_class' });
  });

  it('lists every problem: missing required, unknown field, wrong type, bad format', () => {
    const problems = validate(withRequired, { extra: 1, email: 'not-an-email' }, { nodeId: 'n1' });
    expect(problems.map((problem) => problem.location?.field).sort()).toEqual(['email', 'extra', 'instance_class', 'password']);
    expect(problems.find((problem) => problem.location?.field === 'password')!.message).toBe("/params/password: is required but not set. Change it in the node's params.");
  });

  it('counts a secret marker as a set value', () => {
    expect(validate(withRequired, { instance_class: 'db.t3.micro', password: SECRET_SET }, { nodeId: 'n1' })).toEqual([]);
  });

  it('reports an unusable schema as a diagnostic', () => {
    const broken = { ...service, hash: 'broken', manifest: { ...service.manifest, params: { type: 'object', properties: { a: { type: 'no-such-type' } } } } };
    expect(validate(broken, {}, { nodeId: 'n1' })[0]!.code).toBe('params.schema-invalid');
  });
});
