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
  it('acknowledges on arrival while under a million characters wait for the parser, then only once parsed', () => {
    const { terminal, parseAll } = parser();
    let afterParse = 0;
    const sink = xtermSink(terminal, () => afterParse++);
    const acked: number[] = [];
    const chunk = 'x'.repeat(400_000);
    for (let index = 0; index < 3; index++) sink(chunk, () => acked.push(index));
    // 800k waiting: the first two were acknowledged on arrival; the third (1.2M waiting) waits.
    expect(acked).toEqual([0, 1]);
    parseAll();
    expect(acked).toEqual([0, 1, 2]);
    expect(afterParse).toBe(3);
    // Parsed output no longer counts: the next chunk is acknowledged on arrival again.
    sink(chunk, () => acked.push(3));
    expect(acked).toEqual([0, 1, 2, 3]);
  });
});
