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

/** Array items per chunk: big enough that few chunks are made, small enough that no chunk is a large string. */
const BATCH = 64;
/** Objects this shallow are written member by member (the diagram's node and edge lists sit at depth 3). */
const SPLIT_DEPTH = 3;

/** Writes `value` (already canonical) as chunks whose concatenation is its JSON; `prefix` goes before the first. */
function writeChunks(value: unknown, depth: number, prefix: string, chunks: string[]): void {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON !== 'function') {
    if (Array.isArray(value)) {
      if (value.length > BATCH) {
        // "[a,b]" "[c,d]" "[e]" are written "[a,b" ",c,d" ",e]"
        for (let start = 0; start < value.length; start += BATCH) {
          const text = JSON.stringify(value.slice(start, start + BATCH));
          const last = start + BATCH >= value.length;
          chunks.push(start === 0 ? prefix + text.slice(0, -1) : `,${last ? text.slice(1) : text.slice(1, -1)}`);
        }
        return;
      }
    } else if (depth < SPLIT_DEPTH) {
      const record = value as Record<string, unknown>;
      let opening = `${prefix}{`;
      let written = false;
      for (const key of Object.keys(record)) {
        const member = record[key];
        if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue; // JSON leaves these out
        writeChunks(member, depth + 1, `${written ? ',' : opening}${JSON.stringify(key)}:`, chunks);
        written = true;
        opening = '';
      }
      chunks.push(written ? '}' : `${opening}}`);
      return;
    }
  }
  chunks.push(prefix + (JSON.stringify(value) ?? 'null'));
}

/**
 * canonicalJson(value) as a list of chunks (their concatenation is that text), none of them a large
 * string: hashing chunks one by one is much cheaper than building and hashing one big string.
 */
export function canonicalJsonChunks(value: unknown): string[] {
  const chunks: string[] = [];
  writeChunks(canonical(value), 0, '', chunks);
  return chunks;
}
