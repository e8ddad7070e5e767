// The terminal throughput benchmark page: the same bytes through pty → host → WebSocket → xterm
// (a real run.shell over the web shell's transport) and straight into xterm, in one page.
import '@xterm/xterm/css/xterm.css';
import { Terminal } from '@xterm/xterm';
import { connectWebSocket } from '../../api/webSocketClient';
import { openShell } from '../shellSession';
import { xtermSink } from '../terminalSink';
import { floodText } from './floodText';

interface FloodResult {
  pipeMs: number;
  aloneMs: number;
  bytes: number;
  lost: number;
  identical: boolean;
}

function freshTerminal(): Terminal {
  const element = document.getElementById('terminal')!;
  element.replaceChildren();
  element.style.width = '1200px'; // CSSOM, not a style attribute: the web shell's CSP allows only this
  element.style.height = '600px';
  const terminal = new Terminal({ cols: 160, rows: 40, scrollback: 20000 });
  terminal.open(element);
  return terminal;
}

/**
 * xterm parsing the bytes alone, written in 64 KB pieces with at most 1 MB unparsed (xterm discards
 * writes beyond its own 50 MB buffer); resolves once the last piece is parsed.
 */
async function alone(text: string): Promise<number> {
  const terminal = freshTerminal();
  const piece = 65536;
  let unparsed = 0;
  let drained: (() => void) | undefined;
  const start = performance.now();
  for (let offset = 0; offset < text.length; offset += piece) {
    if (unparsed >= 16) await new Promise<void>((resolve) => (drained = resolve));
    unparsed++;
    terminal.write(text.slice(offset, offset + piece), () => {
      unparsed--;
      drained?.();
      drained = undefined;
    });
  }
  await new Promise<void>((resolve) => terminal.write('', resolve));
  const ms = performance.now() - start;
  terminal.dispose();
  return ms;
}

/** The bytes of `file` catted in the environment's shell, through the Shell tab's sink. */
async function piped(projectId: string, environmentId: string, file: string): Promise<{ ms: number; received: string }> {
  const api = connectWebSocket(`${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/api`);
  const terminal = freshTerminal();
  const chunks: string[] = [];
  let finish: (() => void) | undefined;
  let tail = '';
  let over = false;
  // The Shell tab's sink: parsed output of the last chunk ends the measurement.
  const sink = xtermSink(terminal, () => {
    if (over) finish?.();
  });
  const shell = await openShell(api, projectId, environmentId, {
    write(data, done) {
      chunks.push(data);
      if (finish !== undefined && (tail + data).includes('FLOOD-END')) over = true;
      tail = (tail + data).slice(-16);
      sink(data, done);
    },
    ended: () => undefined,
  }, { cols: 160, rows: 40 });
  if ('error' in shell) throw new Error(shell.error);
  await new Promise((resolve) => setTimeout(resolve, 1500)); // the prompt is up
  chunks.length = 0;
  const ended = new Promise<void>((resolve) => (finish = resolve));
  const start = performance.now();
  shell.write(`cat ${file}\r`);
  await ended;
  const ms = performance.now() - start;
  await shell.close();
  terminal.dispose();
  return { ms, received: chunks.join('') };
}

async function runFlood(options: { projectId: string; environmentId: string; file: string; bytes: number }): Promise<FloodResult> {
  const text = floodText(options.bytes);
  await alone(floodText(1 << 20).replaceAll('\n', '\r\n')); // warm-up
  const aloneMs = await alone(text.replaceAll('\n', '\r\n'));
  const { ms, received } = await piped(options.projectId, options.environmentId, options.file);
  const plain = received.replaceAll('\r', '');
  const begin = plain.indexOf('FLOOD-BEGIN');
  const end = plain.indexOf('FLOOD-END\n', begin);
  const got = begin >= 0 && end >= 0 ? plain.slice(begin, end + 'FLOOD-END\n'.length) : '';
  return { pipeMs: ms, aloneMs, bytes: text.length, lost: Math.max(0, text.length - got.length), identical: got === text };
}

(window as unknown as { runFlood: typeof runFlood }).runFlood = runFlood;
(window as unknown as { benchReady: boolean }).benchReady = true;
