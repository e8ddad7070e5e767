import { describe, expect, it } from 'vitest';
import { terminalColor } from './terminalColor';

describe('terminalColor', () => {
  it('colours a terminal and not a pipe or file', () => {
    expect(terminalColor({}, true)).toBe(true);
    expect(terminalColor({}, false)).toBe(false);
  });

  it('NO_COLOR turns colour off even on a terminal; an empty one counts as unset', () => {
    expect(terminalColor({ NO_COLOR: '1' }, true)).toBe(false);
    expect(terminalColor({ NO_COLOR: '' }, true)).toBe(true);
    expect(terminalColor({ NO_COLOR: '1', FORCE_COLOR: '1' }, false)).toBe(false);
  });

  it('FORCE_COLOR turns colour on for a pipe (CI logs that render it), except "0" and "false"', () => {
    expect(terminalColor({ FORCE_COLOR: '1' }, false)).toBe(true);
    expect(terminalColor({ FORCE_COLOR: 'true' }, false)).toBe(true);
    expect(terminalColor({ FORCE_COLOR: '0' }, true)).toBe(false);
    expect(terminalColor({ FORCE_COLOR: 'false' }, true)).toBe(false);
    expect(terminalColor({ FORCE_COLOR: '' }, false)).toBe(false);
  });
});
