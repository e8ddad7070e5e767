/** True for the keys JavaScript enumerates first, in numeric order: array indices ("0", "7", "42"). */
function isIndexKey(key: string): boolean {
  const first = key.charCodeAt(0);
  if (first < 48 || first > 57) return false;
  if (key.length === 1) return true;
  return first !== 48 && /^\d+$/.test(key) && Number(key) < 4294967295;
}

// The keys and canonical members of the objects being walked, as one stack shared by every depth
// (each object's entries sit above its parent's): no key or member array is allocated per object.
const keyStack: string[] = [];
const itemStack: unknown[] = [];
let top = 0;
let highWater = 0;

/** Sorts stack entries [start, end) by key with native sort: large objects. */
function sortLarge(start: number, end: number): void {
  const order: { key: string; item: unknown }[] = [];
  for (let at = start; at < end; at++) order.push({ key: keyStack[at]!, item: itemStack[at] });
  order.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (let index = 0; index < order.length; index++) {
    keyStack[start + index] = order[index]!.key;
    itemStack[start + index] = order[index]!.item;
  }
}

/** Sorts stack entries [start, end) by key in place (most objects are small), members moving with their keys. */
function sortEntries(start: number, end: number): void {
  if (end - start > 24) return sortLarge(start, end);
  for (let next = start + 1; next < end; next++) {
    const key = keyStack[next]!;
    const item = itemStack[next];
    let at = next - 1;
    while (at >= start && keyStack[at]! > key) {
      keyStack[at + 1] = keyStack[at]!;
      itemStack[at + 1] = itemStack[at];
      at--;
    }
    keyStack[at + 1] = key;
    itemStack[at + 1] = item;
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
  const base = top;
  // one pass: canonical members onto the stack, and whether the object is already its canonical form
  let changed = false;
  let indexKeys = 0;
  let previous: string | undefined;
  for (const key in record) {
    if (!Object.hasOwn(record, key)) continue; // for-in also lists inherited keys; JSON does not
    const member = record[key];
    const item = member !== null && typeof member === 'object' ? canonical(member) : member;
    if (item !== member) changed = true;
    // integer-like keys come first (JavaScript enumerates them first, in numeric order); the rest must ascend
    if (previous === undefined) {
      if (isIndexKey(key)) indexKeys++;
      else previous = key;
    } else if (previous > key) changed = true;
    else previous = key;
    keyStack[top] = key;
    itemStack[top] = item;
    top++;
  }
  if (top > highWater) highWater = top;
  if (!changed) {
    top = base;
    return value;
  }
  sortEntries(base + indexKeys, top);
  const sorted: Record<string, unknown> = {};
  for (let at = base; at < top; at++) {
    const key = keyStack[at]!;
    if (key === '__proto__') Object.defineProperty(sorted, key, { value: itemStack[at], enumerable: true, writable: true, configurable: true });
    else sorted[key] = itemStack[at];
  }
  top = base;
  return sorted;
}

/** canonical(value) for a caller outside the walk: once the outermost walk ends, the stack holds no reference. */
function canonicalRoot(value: unknown): unknown {
  const base = top; // above any walk in progress (a getter could start one)
  try {
    return canonical(value);
  } finally {
    top = base;
    if (base === 0) {
      keyStack.fill('', 0, highWater);
      itemStack.fill(undefined, 0, highWater);
      highWater = 0;
    }
  }
}

/**
 * JSON with object keys in a canonical order at every depth (integer-like keys first, as
 * JavaScript enumerates them): the input of the diagram hash. Native JSON.stringify does the writing.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalRoot(value)) ?? 'null';
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
  writeChunks(canonicalRoot(value), 0, '', chunks);
  return chunks;
}
