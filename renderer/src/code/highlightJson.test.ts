import { describe, expect, it } from 'vitest';
import { highlightJson } from './highlightJson';

describe('highlightJson', () => {
  it('tells keys from string values, numbers, literals and punctuation, and loses no character', () => {
    const text = JSON.stringify({ module: { db: { source: './x', port: 5432, on: true, none: null, escaped: 'a"b' } } }, null, 2);
    const tokens = highlightJson(text);
    expect(tokens.map((token) => token.text).join('')).toBe(text);
    expect(tokens.filter((token) => token.kind === 'key').map((token) => token.text)).toEqual(['"module"', '"db"', '"source"', '"port"', '"on"', '"none"', '"escaped"']);
    expect(tokens.filter((token) => token.kind === 'string').map((token) => token.text)).toEqual(['"./x"', '"a\\"b"']);
    expect(tokens.filter((token) => token.kind === 'number').map((token) => token.text)).toEqual(['5432']);
    expect(tokens.filter((token) => token.kind === 'literal').map((token) => token.text)).toEqual(['true', 'null']);
  });
});
