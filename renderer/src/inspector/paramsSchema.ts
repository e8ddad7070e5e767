import type { JsonSchema } from '../../../src/core/api/schema';

type Properties = Record<string, JsonSchema>;

/** Names of sensitive params (`writeOnly`): edited with set/replace/clear, never shown. */
export function sensitiveParams(schema: JsonSchema): string[] {
  const properties = (schema.properties ?? {}) as Properties;
  return Object.entries(properties)
    .filter(([, property]) => property.writeOnly === true)
    .map(([name]) => name);
}

/** The params schema without sensitive properties: what the generated form shows. */
export function visibleSchema(schema: JsonSchema): JsonSchema {
  const hidden = new Set(sensitiveParams(schema));
  if (hidden.size === 0) return schema;
  const properties = Object.fromEntries(Object.entries((schema.properties ?? {}) as Properties).filter(([name]) => !hidden.has(name)));
  const required = ((schema.required ?? []) as string[]).filter((name) => !hidden.has(name));
  return { ...schema, properties, required };
}

/** Values without the sensitive params (whose markers must not reach the form). */
export function withoutSensitive(values: Record<string, unknown>, sensitive: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([name]) => !sensitive.includes(name)));
}

/** Names whose value differs between two param objects (added, removed or changed). */
export function changedParams(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => JSON.stringify(before[name]) !== JSON.stringify(after[name]));
}
