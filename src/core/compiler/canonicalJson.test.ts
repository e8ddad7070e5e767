import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonChunks } from './canonicalJson';

/** The same value with every object's keys inserted in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value === null || typeof value !== 'object') return value;
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(value).reverse()) Object.defineProperty(result, key, { value: reversedKeys((value as Record<string, unknown>)[key]), enumerable: true });
  return result;
}

/** An independent canonical form: every object rebuilt with its own keys sorted (integer-like first, numerically). */
function reference(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reference);
  if (value === null || typeof value !== 'object') return value;
  const isIndex = (key: string) => String(Number(key) >>> 0) === key && Number(key) < 4294967295;
  const keys = Object.keys(value).sort((a, b) => (isIndex(a) !== isIndex(b) ? (isIndex(a) ? -1 : 1) : isIndex(a) ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0));
  const result: Record<string, unknown> = {};
  for (const key of keys) Object.defineProperty(result, key, { value: reference((value as Record<string, unknown>)[key]), enumerable: true });
  return result;
}

describe('canonicalJson', () => {
  it('is the JSON of an independently sorted copy, for any keys (integer-like, __proto__, inherited names)', () => {
    const key = fc.oneof(fc.string(), fc.constantFrom('__proto__', '10', '2', '01', 'toString', 'b', 'a'));
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 1 }), fc.constant(undefined), fc.array(tie('value')), fc.dictionary(key, tie('value'))),
    }));
    fc.assert(
      fc.property(value, (input) => {
        expect(canonicalJson(input)).toBe(JSON.stringify(reference(input)) ?? 'null');
        expect(canonicalJson(reversedKeys(input))).toBe(canonicalJson(input));
      }),
      { numRuns: 500 },
    );
  });

  it('is JSON of the same value, whatever the key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        expect(canonicalJson(reversedKeys(value))).toBe(text);
      }),
    );
  });

  it('sorts keys (integer-like keys first, as JavaScript enumerates them)', () => {
    expect(canonicalJson({ b: 1, a: { d: 1, c: 2 }, '10': 3, '9': 4 })).toBe('{"9":4,"10":3,"a":{"c":2,"d":1},"b":1}');
  });

  it('sorts a large object like a small one', () => {
    const keys = Array.from({ length: 60 }, (_, index) => `k${(index * 37) % 60}`);
    const value = Object.fromEntries(keys.map((key, index) => [key, { b: index, a: [index] }]));
    const expected = `{${[...keys].sort().map((key) => `${JSON.stringify(key)}:{"a":[${value[key]!.a[0]}],"b":${value[key]!.b}}`).join(',')}}`;
    expect(canonicalJson(value)).toBe(expected);
  });

  it('treats only array indices as integer keys ("01", "-1", "1.5" and 2^32-1 sort as text)', () => {
    const value = { b: 1, '01': 2, '4294967295': 3, '4294967294': 4, '1': 5, '-1': 6, '1.5': 7 };
    expect(canonicalJson(value)).toBe('{"1":5,"4294967294":4,"-1":6,"01":2,"1.5":7,"4294967295":3,"b":1}');
    expect(canonicalJson(reversedKeys(value))).toBe(canonicalJson(value));
  });

  it('chunks join to exactly the canonical JSON, long arrays and shallow objects included', () => {
    const leaf = fc.oneof(fc.jsonValue({ maxDepth: 1 }), fc.constant(undefined));
    const record = fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('__proto__', '10', '2', 'toString')), leaf, { maxKeys: 4 });
    const long = fc.array(fc.oneof(record, leaf), { minLength: 60, maxLength: 140 }); // past one 64-item chunk
    const shallow = fc.dictionary(fc.string(), fc.oneof(long, record, leaf, fc.dictionary(fc.string(), fc.oneof(long, record, leaf))));
    fc.assert(
      fc.property(fc.oneof(shallow, long, leaf, fc.array(shallow)), (value) => {
        expect(canonicalJsonChunks(value).join('')).toBe(canonicalJson(value));
      }),
      { numRuns: 100, endOnFailure: true }, // shrinking such inputs takes minutes
    );
  });

  it('writes a long list as several chunks, none holding the whole list', () => {
    const nodes = Array.from({ length: 1000 }, (_, index) => ({ name: `n${index}`, id: index }));
    const chunks = canonicalJsonChunks({ project: { diagram: { nodes } } });
    expect(chunks.join('')).toBe(canonicalJson({ project: { diagram: { nodes } } }));
    expect(chunks.length).toBeGreaterThan(10);
    expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThan(canonicalJson(nodes).length / 10);
  });
});
