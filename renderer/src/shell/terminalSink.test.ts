import type { Terminal } from '@xterm/xterm';
import { describe, expect, it } from 'vitest';
import { xtermSink } from './terminalSink';

/** xterm's write as the sink uses it: parsing finishes when the test says so. */
function parser() {
  const queued: (() => void)[] = [];
  const terminal = { write: (_data: string, parsed?: () => void) => queued.push(parsed ?? (() => undefined)) } as unknown as Terminal;
  return { terminal, parseAll: () => queued.splice(0).forEach((parsed) => parsed()) };
}

describe('xtermSink', () => {
  it('acknowledges each chunk only once xterm has parsed it, then reports the parse', () => {
    const { terminal, parseAll } = parser();
    let afterParse = 0;
    const sink = xtermSink(terminal, () => afterParse++);
    const acked: number[] = [];
    for (let index = 0; index < 3; index++) sink('x'.repeat(400_000), () => acked.push(index));
    expect(acked).toEqual([]);
    expect(afterParse).toBe(0);
    parseAll();
    expect(acked).toEqual([0, 1, 2]);
    expect(afterParse).toBe(3);
  });
});
