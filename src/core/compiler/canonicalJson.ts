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

/**
 * Appends to `out` the canonicalJson of an object whose members `member` appends (returning false
 * for what JSON.stringify leaves out): the keys in canonicalJson's order (sorted, integer-like
 * first as JavaScript enumerates them). Pieces are joined once by the caller.
 */
export function writeCanonicalObject(out: string[], record: Record<string, unknown>, member: (out: string[], key: string, value: unknown) => boolean): void {
  const order: Record<string, true> = {};
  for (const key of Object.keys(record).sort()) Object.defineProperty(order, key, { value: true, enumerable: true });
  out.push('{');
  let first = true;
  for (const key of Object.keys(order)) {
    const mark = out.length;
    out.push(first ? `${JSON.stringify(key)}:` : `,${JSON.stringify(key)}:`);
    if (member(out, key, record[key])) first = false;
    else out.length = mark;
  }
  out.push('}');
}

/** Appends a member's canonical JSON; false (nothing appended) for what JSON.stringify leaves out. */
export function writeCanonicalMember(out: string[], value: unknown): boolean {
  const json = JSON.stringify(canonical(value));
  if (json === undefined) return false;
  out.push(json);
  return true;
}

const memo = new WeakMap<object, string>();

/**
 * Appends the canonical JSON array of `items`, each object's text remembered: the diagram store
 * replaces a changed node or edge with a new object and never mutates one in place, so an
 * unchanged object keeps its text from one compile to the next.
 */
export function writeMemoizedArray(out: string[], items: readonly unknown[]): void {
  out.push('[');
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    if (index > 0) out.push(',');
    if (item === null || typeof item !== 'object') {
      out.push(canonicalJson(item));
      continue;
    }
    let json = memo.get(item);
    if (json === undefined) {
      json = canonicalJson(item);
      memo.set(item, json);
    }
    out.push(json);
  }
  out.push(']');
}
