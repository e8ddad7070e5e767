import { describe, expect, it } from 'vitest';
import { formatTerraformType, parseTerraformType, terraformTypeToJsonSchema, type TerraformType } from './terraformType';
import { checkTypeAgreement } from './typeAgreement';

const parsed = (text: string): TerraformType => {
  const result = parseTerraformType(text);
  if (!result.ok) throw new Error(result.message);
  return result.type;
};

describe('parseTerraformType', () => {
  it.each([
    ['string', { kind: 'string' }],
    ['${number}', { kind: 'number' }],
    ['bool', { kind: 'bool' }],
    ['any', { kind: 'any' }],
    ['list(string)', { kind: 'list', element: { kind: 'string' } }],
    ['set(number)', { kind: 'set', element: { kind: 'number' } }],
    ['map(list(bool))', { kind: 'map', element: { kind: 'list', element: { kind: 'bool' } } }],
    ['tuple([string, number])', { kind: 'tuple', elements: [{ kind: 'string' }, { kind: 'number' }] }],
  ])('reads %s', (text, type) => expect(parsed(text)).toEqual(type));

  it('reads objects with optional attributes and their defaults', () => {
    expect(parsed('object({ a = string, b = optional(number, 3), c = optional(list(string)), d = optional(object({ e = bool }), { e = true }) })')).toEqual({
      kind: 'object',
      attributes: {
        a: { type: { kind: 'string' }, optional: false },
        b: { type: { kind: 'number' }, optional: true, default: 3 },
        c: { type: { kind: 'list', element: { kind: 'string' } }, optional: true },
        d: { type: { kind: 'object', attributes: { e: { type: { kind: 'bool' }, optional: false } } }, optional: true, default: { e: true } },
      },
    });
  });

  it('reads multi-line objects without commas, as HCL allows', () => {
    expect(parsed('object({\n  a = string\n  b = optional(string, "x")\n})')).toEqual({
      kind: 'object',
      attributes: { a: { type: { kind: 'string' }, optional: false }, b: { type: { kind: 'string' }, optional: true, default: 'x' } },
    });
  });

  it.each(['strin', 'list(', 'list(string', 'object({a = })', 'map(string) extra', 'optional(string)', '"string" + 1'])('refuses %s with a message', (text) => {
    const result = parseTerraformType(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('not a valid type');
  });

  it('round-trips through formatTerraformType', () => {
    const text = 'object({a = list(string), b = optional(map(number), {"x":1}), c = tuple([bool, any])})';
    expect(parsed(formatTerraformType(parsed(text)))).toEqual(parsed(text));
  });
});

describe('terraformTypeToJsonSchema', () => {
  it('maps objects to closed schemas with required non-optional attributes and defaults', () => {
    expect(terraformTypeToJsonSchema(parsed('object({a = string, b = optional(number, 2)})'))).toEqual({
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'number', default: 2 } },
      required: ['a'],
      additionalProperties: false,
    });
  });
  it('maps sets to unique arrays and maps to additionalProperties', () => {
    expect(terraformTypeToJsonSchema(parsed('set(string)'))).toEqual({ type: 'array', items: { type: 'string' }, uniqueItems: true });
    expect(terraformTypeToJsonSchema(parsed('map(bool)'))).toEqual({ type: 'object', additionalProperties: { type: 'boolean' } });
    expect(terraformTypeToJsonSchema(parsed('any'))).toEqual({});
  });
});

describe('checkTypeAgreement', () => {
  it('accepts schemas that match, including integer for number and enums without a type', () => {
    expect(checkTypeAgreement({ type: 'integer' }, parsed('number'))).toEqual([]);
    expect(checkTypeAgreement({ enum: ['a', 'b'] }, parsed('string'))).toEqual([]);
    expect(checkTypeAgreement({ type: 'array', items: { type: 'string' } }, parsed('list(string)'))).toEqual([]);
    expect(checkTypeAgreement({ type: 'object' }, parsed('object({a = string})'))).toEqual([]);
    expect(checkTypeAgreement({ type: 'boolean' }, parsed('any'))).toEqual([]);
  });
  it('points at each disagreement', () => {
    expect(checkTypeAgreement({ type: 'string' }, parsed('number'))[0]!.pointer).toBe('');
    expect(checkTypeAgreement({ type: 'array', items: { type: 'number' } }, parsed('list(string)'))[0]!.pointer).toBe('/items');
    expect(checkTypeAgreement({ type: 'object', additionalProperties: { type: 'string' } }, parsed('map(bool)'))[0]!.pointer).toBe('/additionalProperties');
    const object = checkTypeAgreement({ type: 'object', properties: { x: { type: 'string' }, a: { type: 'number' } } }, parsed('object({a = string, b = string})'));
    expect(object.map((mismatch) => mismatch.pointer)).toEqual(['/properties/x', '/properties/a', '/properties']);
    expect(checkTypeAgreement({}, parsed('string'))[0]!.message).toContain('add "type": "string"');
  });
});
