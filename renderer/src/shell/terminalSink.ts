import type { Terminal } from '@xterm/xterm';

/**
 * Writes shell output straight into xterm (it batches its parsing itself) and acknowledges each
 * chunk once xterm has parsed it, so what the host counts as unacknowledged is what the terminal
 * still has to show: a Ctrl-C's prompt waits behind at most the host's window.
 */
export function xtermSink(terminal: Terminal, afterParse: () => void = () => undefined): (data: string, done: () => void) => void {
  return (data, done) => {
    terminal.write(data, () => {
      done();
      afterParse();
    });
  };
}
