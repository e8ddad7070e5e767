import type { JsonSchema } from '../api/schema';
import { formatTerraformType, type TerraformType } from './terraformType';

/** One place where a param's JSON Schema and its variable's Terraform type disagree. */
export interface TypeMismatch {
  /** JSON pointer inside the param's schema. */
  pointer: string;
  message: string;
}

function schemaTypes(schema: JsonSchema): string[] | undefined {
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type)) return schema.type as string[];
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    return [...new Set(schema.enum.map((value) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value)))];
  }
  if (typeof schema.const !== 'undefined') return [typeof schema.const];
  return undefined;
}

const expected: Record<string, string[]> = {
  string: ['string'],
  number: ['number', 'integer'],
  bool: ['boolean'],
  list: ['array'],
  set: ['array'],
  tuple: ['array'],
  map: ['object'],
  object: ['object'],
};

const escape = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/** Checks that a param's JSON Schema accepts only values the variable's Terraform type accepts; empty when they agree. */
export function checkTypeAgreement(schema: JsonSchema, type: TerraformType, pointer = ''): TypeMismatch[] {
  if (type.kind === 'any') return [];
  const types = schemaTypes(schema);
  const want = expected[type.kind]!;
  if (!types) {
    return [{ pointer, message: `has no "type" but the variable is ${formatTerraformType(type)}: add "type": "${want[0]}"` }];
  }
  const stray = types.filter((name) => name !== 'null' && !want.includes(name));
  if (stray.length > 0) {
    return [{ pointer, message: `is ${stray.join('/')} but the variable is ${formatTerraformType(type)}: make it "type": "${want[0]}" or change the variable type` }];
  }
  const mismatches: TypeMismatch[] = [];
  if (type.kind === 'list' || type.kind === 'set') {
    if (schema.items && typeof schema.items === 'object' && !Array.isArray(schema.items)) {
      mismatches.push(...checkTypeAgreement(schema.items as JsonSchema, type.element, `${pointer}/items`));
    }
  } else if (type.kind === 'tuple') {
    const items = Array.isArray(schema.items) ? (schema.items as JsonSchema[]) : [];
    type.elements.forEach((element, index) => {
      if (items[index]) mismatches.push(...checkTypeAgreement(items[index], element, `${pointer}/items/${index}`));
    });
  } else if (type.kind === 'map') {
    if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
      mismatches.push(...checkTypeAgreement(schema.additionalProperties as JsonSchema, type.element, `${pointer}/additionalProperties`));
    }
    for (const [name, property] of Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>)) {
      mismatches.push(...checkTypeAgreement(property, type.element, `${pointer}/properties/${escape(name)}`));
    }
  } else if (type.kind === 'object') {
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    if (Object.keys(properties).length === 0) return mismatches;
    for (const [name, property] of Object.entries(properties)) {
      const attribute = type.attributes[name];
      const at = `${pointer}/properties/${escape(name)}`;
      if (!attribute) {
        mismatches.push({ pointer: at, message: `is not an attribute of the variable's object type: remove it or add "${name}" to the type` });
      } else {
        mismatches.push(...checkTypeAgreement(property, attribute.type, at));
      }
    }
    for (const [name, attribute] of Object.entries(type.attributes)) {
      if (!attribute.optional && !properties[name]) {
        mismatches.push({ pointer: `${pointer}/properties`, message: `lacks "${name}", a required attribute of the variable's object type: add it` });
      }
    }
  }
  return mismatches;
}
