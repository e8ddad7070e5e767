import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../core/compiler/sha256';
import { nodeSha256 } from './compileProject';

describe('nodeSha256', () => {
  it('is the core SHA-256 of the UTF-8 bytes of the joined chunks, lone surrogates included (as U+FFFD)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' })), fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)) }), (chunks, surrogates) => {
        expect(nodeSha256(chunks)).toBe(sha256Hex(chunks.join('')));
        expect(nodeSha256([...chunks, surrogates])).toBe(sha256Hex(chunks.join('') + surrogates));
      }),
      { numRuns: 300 },
    );
    const large = JSON.stringify(Array.from({ length: 20000 }, (_, index) => ({ index, text: `node-${index} · ${'$'}{x}` })));
    expect(nodeSha256([large])).toBe(sha256Hex(large));
    expect(nodeSha256([large.slice(0, 1000), large.slice(1000)])).toBe(sha256Hex(large));
  });
});
