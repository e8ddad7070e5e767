/** One piece of JSON text with its kind, for colouring. */
export interface JsonToken {
  kind: 'key' | 'string' | 'number' | 'literal' | 'punctuation';
  text: string;
}

const TOKEN = /("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null)\b|([{}[\],:])|(\s+)/g;

/** Splits pretty-printed JSON into tokens (no eval, no dependencies); unknown text stays punctuation. */
export function highlightJson(text: string): JsonToken[] {
  const tokens: JsonToken[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const index = match.index;
    if (index > last) tokens.push({ kind: 'punctuation', text: text.slice(last, index) });
    if (match[1] !== undefined) {
      tokens.push({ kind: match[2] ? 'key' : 'string', text: match[1] });
      if (match[2]) tokens.push({ kind: 'punctuation', text: match[2] });
    } else if (match[3] !== undefined) tokens.push({ kind: 'number', text: match[3] });
    else if (match[4] !== undefined) tokens.push({ kind: 'literal', text: match[4] });
    else tokens.push({ kind: 'punctuation', text: match[0] });
    last = index + match[0].length;
  }
  if (last < text.length) tokens.push({ kind: 'punctuation', text: text.slice(last) });
  return tokens;
}
