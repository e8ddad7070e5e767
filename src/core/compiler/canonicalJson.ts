/** True for the keys JavaScript enumerates first, in numeric order: array indices ("0", "7", "42"). */
function isIndexKey(key: string): boolean {
  const first = key.charCodeAt(0);
  if (first < 48 || first > 57) return false;
  if (key.length === 1) return true;
  return first !== 48 && /^\d+$/.test(key) && Number(key) < 4294967295;
}

/** Sorts keys[start..] (and items alongside) by native sort: large objects. */
function sortLarge(keys: string[], items: unknown[] | undefined, start: number): void {
  const order = keys.slice(start).map((key, index) => ({ key, item: items?.[start + index] }));
  order.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (let index = 0; index < order.length; index++) {
    keys[start + index] = order[index]!.key;
    if (items !== undefined) items[start + index] = order[index]!.item;
  }
}

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
  const count = keys.length;
  // one pass: canonical members, and whether the non-index keys (after the index keys) are in order
  let items: unknown[] | undefined;
  let unsorted = false;
  let previous: string | undefined;
  for (let index = 0; index < count; index++) {
    const key = keys[index]!;
    const member = record[key];
    if (member !== null && typeof member === 'object') {
      const item = canonical(member);
      if (item !== member) (items ??= keys.map((name) => record[name]))[index] = item;
    }
    if (previous === undefined) {
      if (!isIndexKey(key)) previous = key;
    } else if (previous > key) unsorted = true;
    else previous = key;
  }
  if (!unsorted && items === undefined) return value;
  if (unsorted) {
    let start = 0;
    while (start < count && isIndexKey(keys[start]!)) start++;
    if (count - start > 24) sortLarge(keys, items, start);
    // insertion sort of the non-index keys (most objects are small), members moving with their keys
    else for (let next = start + 1; next < count; next++) {
      const key = keys[next]!;
      const item = items?.[next];
      let at = next - 1;
      while (at >= start && keys[at]! > key) {
        keys[at + 1] = keys[at]!;
        if (items !== undefined) items[at + 1] = items[at];
        at--;
      }
      keys[at + 1] = key;
      if (items !== undefined) items[at + 1] = item;
    }
  }
  const sorted: Record<string, unknown> = {};
  for (let index = 0; index < count; index++) {
    const key = keys[index]!;
    const item = items === undefined ? record[key] : items[index];
    if (key === '__proto__') Object.defineProperty(sorted, key, { value: item, enumerable: true, writable: true, configurable: true });
    else sorted[key] = item;
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
