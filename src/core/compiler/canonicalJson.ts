/** The value with object keys sorted at every depth; parts already in order are reused, not copied. */
function canonical(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let index = 0; index < value.length; index++) {
      const item = canonical(value[index]);
      if (item !== value[index]) (copy ??= value.slice())[index] = item;
    }
    return copy ?? value;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  let changed = false;
  const items: unknown[] = new Array(keys.length);
  for (let index = 0; index < keys.length; index++) {
    items[index] = canonical(record[keys[index]!]);
    if (items[index] !== record[keys[index]!] || (index > 0 && keys[index - 1]! > keys[index]!)) changed = true;
  }
  if (!changed) return value;
  const order = keys.map((_, index) => index).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0));
  const sorted: Record<string, unknown> = {};
  for (const index of order) {
    const key = keys[index]!;
    if (key === '__proto__') Object.defineProperty(sorted, key, { value: items[index], enumerable: true });
    else sorted[key] = items[index];
  }
  return sorted;
}

/**
 * JSON with object keys in a canonical order at every depth (integer-like keys first, as
 * JavaScript enumerates them): the input of the diagram hash. Native JSON.stringify does the writing.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value)) ?? 'null';
}
