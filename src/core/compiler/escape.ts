/** Sets a key as an own property, even `__proto__` (a plain assignment would change the prototype). */
function setKey(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** A literal string as a Terraform JSON template that evaluates to exactly that string (`${`→`$${`, `%{`→`%%{`). */
export function escapeTemplate(text: string): string {
  return text.includes('{') ? text.replace(/([$%])\{/g, '$1$1{') : text; // most strings have no brace: skip the regex
}

/**
 * A literal JSON value as a Terraform JSON expression: every string and object key escaped, object
 * keys sorted so equal values always print the same bytes.
 */
export function escapeValue(value: unknown): unknown {
  if (typeof value === 'string') return escapeTemplate(value);
  if (Array.isArray(value)) return value.map(escapeValue);
  if (value !== null && typeof value === 'object') {
    const result: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) setKey(result, escapeTemplate(key), escapeValue((value as Record<string, unknown>)[key]));
    return result;
  }
  return value;
}

/** Object keys sorted at every depth (no escaping): for literal blocks and canonical hashing. */
export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value !== null && typeof value === 'object') {
    const result: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) setKey(result, key, sortKeysDeep((value as Record<string, unknown>)[key]));
    return result;
  }
  return value;
}
