import type { RJSFSchema, ValidationData, ValidatorType } from '@rjsf/utils';

function typeMatches(type: unknown, value: unknown): boolean {
  if (type === undefined) return true;
  if (Array.isArray(type)) return type.some((each) => typeMatches(each, value));
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'null':
      return value === null;
    default:
      return true;
  }
}

/** Whether data fits a schema's shape (type, const, enum, required): enough for rjsf to pick anyOf/oneOf branches. */
function fits(schema: RJSFSchema, data: unknown): boolean {
  if (data === undefined) return true;
  if (!typeMatches(schema.type, data)) return false;
  if (schema.const !== undefined && JSON.stringify(schema.const) !== JSON.stringify(data)) return false;
  if (schema.enum && !schema.enum.some((option) => JSON.stringify(option) === JSON.stringify(data))) return false;
  if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
    const record = data as Record<string, unknown>;
    if ((schema.required ?? []).some((name) => record[name] === undefined)) return false;
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      if (typeof property === 'object' && !fits(property as RJSFSchema, record[name])) return false;
    }
  }
  return true;
}

/**
 * rjsf's validator for the params form. The renderer runs under a CSP without 'unsafe-eval', where
 * ajv cannot compile; the host validates each edit (its messages arrive as extraErrors), so the
 * form itself reports nothing and only answers rjsf's shape questions.
 */
export const hostValidator: ValidatorType = {
  validateFormData: (): ValidationData<unknown> => ({ errors: [], errorSchema: {} }),
  isValid: (schema, data) => fits(schema, data),
  rawValidation: () => ({ errors: [] }),
};
