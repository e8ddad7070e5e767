import type { Terminal } from '@xterm/xterm';

/**
 * Up to this many characters may wait for xterm's parser and still be acknowledged on arrival:
 * the host pauses the pty at ~100k unacknowledged, so acknowledging only after parsing would stop
 * and start it every 100k. Beyond this, acknowledgements wait for the parser (memory stays bounded).
 */
const EARLY_ACK_WINDOW = 1_000_000;

/** Writes shell output straight into xterm (it batches its parsing itself) and acknowledges it. */
export function xtermSink(terminal: Terminal, afterParse: () => void = () => undefined): (data: string, done: () => void) => void {
  let unparsed = 0;
  return (data, done) => {
    unparsed += data.length;
    const early = unparsed <= EARLY_ACK_WINDOW;
    if (early) done();
    terminal.write(data, () => {
      unparsed -= data.length;
      if (!early) done();
      afterParse();
    });
  };
}
