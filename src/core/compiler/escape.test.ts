import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeTemplate, escapeValue } from './escape';

/** Terraform's reading of a JSON string template with no interpolations: `$${` → `${`, `%%{` → `%{`. */
const unescape = (text: string) => text.replace(/([$%])\1\{/g, '$1{');

describe('escapeTemplate', () => {
  it('escapes interpolation and directive openers', () => {
    expect(escapeTemplate('${file("/etc/passwd")}')).toBe('$${file("/etc/passwd")}');
    expect(escapeTemplate('%{ if x }')).toBe('%%{ if x }');
    expect(escapeTemplate('$${already}')).toBe('$$${already}');
    expect(escapeTemplate('$ { } % {')).toBe('$ { } % {');
  });

  it('round-trips any text through Terraform’s unescaping', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('$', '%', '{', '}', 'a') }), (text) => {
      expect(unescape(escapeTemplate(text))).toBe(text);
    }));
  });
});

describe('escapeValue', () => {
  it('escapes keys and nested strings, keeps a __proto__ key as data', () => {
    const value = JSON.parse('{"__proto__": {"${x}": ["%{y}"]}, "n": 1}');
    const escaped = escapeValue(value) as Record<string, unknown>;
    expect(JSON.stringify(escaped)).toBe('{"__proto__":{"$${x}":["%%{y}"]},"n":1}');
  });
});
