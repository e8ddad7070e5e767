/**
 * Finds the first JSON syntax error of `text` and says what was expected there. Run only after
 * JSON.parse failed: V8's messages do not always carry a position. Depth is bounded by the caller.
 */
export function firstSyntaxError(text: string): { offset: number; expected: string } | undefined {
  let index = 0;
  const fail = (expected: string): never => {
    throw { offset: index, expected };
  };
  const space = () => {
    while (index < text.length && ' \t\n\r'.includes(text[index]!)) index++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, index)) index += word.length;
    else fail('a value (object, array, string, number, true, false or null)');
  };
  const string = () => {
    index++; // opening quote
    for (;;) {
      if (index >= text.length) fail('a closing quote of the string');
      const code = text.charCodeAt(index);
      if (code === 34) {
        index++;
        return;
      }
      if (code < 32) fail('no control character inside a string (escape it)');
      if (code === 92) {
        const next = text[index + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(index + 2, index + 6))) fail('four hex digits after \\u');
          index += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) index += 2;
        else fail('a valid escape after the backslash');
      } else index++;
    }
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(index, index + 400));
    if (!match) fail('a number');
    index += match![0].length;
  };
  const value = (): void => {
    space();
    const char = text[index];
    if (char === '{') {
      index++;
      space();
      if (text[index] === '}') {
        index++;
        return;
      }
      for (;;) {
        space();
        if (text[index] !== '"') fail('a quoted property name');
        string();
        space();
        if (text[index] !== ':') fail("':' after the property name");
        index++;
        value();
        space();
        if (text[index] === ',') index++;
        else if (text[index] === '}') {
          index++;
          return;
        } else fail("',' or '}' after the property value");
      }
    }
    if (char === '[') {
      index++;
      space();
      if (text[index] === ']') {
        index++;
        return;
      }
      for (;;) {
        value();
        space();
        if (text[index] === ',') index++;
        else if (text[index] === ']') {
          index++;
          return;
        } else fail("',' or ']' after the array element");
      }
    }
    if (char === '"') return string();
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return number();
    if (char === 't') return literal('true');
    if (char === 'f') return literal('false');
    if (char === 'n') return literal('null');
    fail(index >= text.length ? 'more input: the file ends too early' : 'a value (object, array, string, number, true, false or null)');
  };
  try {
    value();
    space();
    if (index < text.length) fail('the end of the file after the JSON value');
    return undefined;
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'expected' in error) return error as { offset: number; expected: string };
    throw error;
  }
}
