import type { Diagnostic } from '../diagnostics';
import { firstSyntaxError } from './jsonSyntax';

/** Largest diagram file read, in characters: a 1,000-node diagram is well under 1 MB. */
export const MAX_FILE_CHARS = 32 * 1024 * 1024;

/** Deepest nesting of arrays and objects accepted; real diagram files nest about 8 levels. */
export const MAX_DEPTH = 64;

/** Line and column (both from 1) of a character offset. */
export function lineColumnOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let index = 0; index < end; index++) {
    if (text.charCodeAt(index) === 10) {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

function sizeOf(chars: number): string {
  return `${(chars / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * The offset where nesting first exceeds `MAX_DEPTH`, or -1. A linear scan that skips strings,
 * so a hostile file is refused before anything recursive walks it.
 */
export function tooDeepAt(text: string, limit = MAX_DEPTH): number {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 92) index++; // backslash: skip the escaped character
      else if (code === 34) inString = false;
    } else if (code === 34) inString = true;
    else if (code === 91 || code === 123) {
      if (++depth > limit) return index;
    } else if (code === 93 || code === 125) depth--;
  }
  return -1;
}

/** Parses JSON text with the size and depth guards; a failure is one diagnostic with line and column. */
export function parseJsonText(text: string, file?: string): { value: unknown } | { diagnostic: Diagnostic } {
  if (text.length > MAX_FILE_CHARS) {
    return {
      diagnostic: {
        severity: 'error',
        code: 'file.too-large',
        message: `The file is ${sizeOf(text.length)}; a diagram file may be at most ${sizeOf(MAX_FILE_CHARS)}. This is not a diagram file Driftless wrote: check that you picked the right file.`,
        location: { file, pointer: '' },
      },
    };
  }
  const deep = tooDeepAt(text);
  if (deep >= 0) {
    return {
      diagnostic: {
        severity: 'error',
        code: 'file.too-deep',
        message: `The JSON nests deeper than ${MAX_DEPTH} levels; diagram files never do. Check that you picked the right file.`,
        location: { file, pointer: '', ...lineColumnOf(text, deep) },
      },
    };
  }
  try {
    return { value: JSON.parse(text) };
  } catch {
    const found = firstSyntaxError(text) ?? { offset: 0, expected: 'valid JSON' };
    const where = lineColumnOf(text, found.offset);
    return {
      diagnostic: {
        severity: 'error',
        code: 'file.invalid-json',
        message: `The file is not valid JSON at line ${where.line}, column ${where.column}: expected ${found.expected}. Fix the syntax there (a merge conflict marker or a missing comma is the usual cause).`,
        location: { file, pointer: '', ...where },
      },
    };
  }
}

/** Escapes one JSON pointer segment (RFC 6901). */
export function pointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Joins segments into a JSON pointer. */
export function pointerOf(...segments: (string | number)[]): string {
  return segments.map((segment) => `/${pointerSegment(segment)}`).join('');
}
