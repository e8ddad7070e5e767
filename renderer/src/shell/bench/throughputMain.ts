// The terminal throughput benchmark page: the same bytes through pty → host → WebSocket → xterm
// (a real run.shell over the web shell's transport) and straight into xterm, in one page.
import '@xterm/xterm/css/xterm.css';
import { Terminal } from '@xterm/xterm';
import { connectWebSocket } from '../../api/webSocketClient';
import { openShell } from '../shellSession';
import { xtermSink } from '../terminalSink';
import { floodText } from './floodText';

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

/** A shell in the environment over the web shell's transport, written into `terminal` through the Shell tab's sink. */
async function shellIn(projectId: string, environmentId: string, terminal: Terminal) {
  const api = connectWebSocket(`${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/api`);
  const listeners = new Set<(data: string) => void>();
  const parsedListeners = new Set<() => void>();
  const sink = xtermSink(terminal, () => parsedListeners.forEach((listener) => listener()));
  const shell = await openShell(api, projectId, environmentId, {
    write(data, done) {
      listeners.forEach((listener) => listener(data));
      sink(data, done);
    },
    ended: () => undefined,
  }, { cols: 160, rows: 40 });
  if ('error' in shell) throw new Error(shell.error);
  await new Promise((resolve) => setTimeout(resolve, 1500)); // the prompt is up
  return { shell, listeners, parsedListeners };
}

/** The bytes of `file` catted in the shell; resolves once the end marker is parsed in xterm. */
async function piped(projectId: string, environmentId: string, file: string): Promise<{ ms: number; received: string }> {
  const terminal = freshTerminal();
  const { shell, listeners, parsedListeners } = await shellIn(projectId, environmentId, terminal);
  const chunks: string[] = [];
  let tail = '';
  let over = false;
  const ended = new Promise<void>((resolve) => parsedListeners.add(() => over && resolve()));
  listeners.add((data) => {
    chunks.push(data);
    if ((tail + data).includes('FLOOD-END')) over = true;
    tail = (tail + data).slice(-16);
  });
  const start = performance.now();
  shell.write(`cat ${file}\r`);
  await ended;
  const ms = performance.now() - start;
  await shell.close();
  terminal.dispose();
  return { ms, received: chunks.join('') };
}

/** Ctrl-C one second into catting `file`: milliseconds until the next prompt is parsed in xterm. */
async function interrupted(projectId: string, environmentId: string, file: string): Promise<number> {
  const terminal = freshTerminal();
  const { shell, listeners, parsedListeners } = await shellIn(projectId, environmentId, terminal);
  let sent = false;
  let prompted = false;
  let tail = '';
  listeners.add((data) => {
    if (!sent) return;
    // The line discipline echoes ^C; the shell's next prompt (ending '$ ' or '# ') follows it.
    tail = (tail + data).slice(-4096);
    const echo = tail.lastIndexOf('^C');
    if (echo >= 0 && /[$#] $/.test(tail.slice(echo))) prompted = true;
  });
  shell.write(`cat ${file}\r`);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const answered = new Promise<void>((resolve) => parsedListeners.add(() => prompted && resolve()));
  const start = performance.now();
  sent = true;
  shell.write('\x03');
  await answered;
  const ms = performance.now() - start;
  await shell.close();
  terminal.dispose();
  return ms;
}

/** What reached xterm through the pipe, compared with the text catted (the flood's markers bound it). */
function lostBytes(received: string, text: string): { lost: number; identical: boolean } {
  const plain = received.replaceAll('\r', '');
  const begin = plain.indexOf('FLOOD-BEGIN');
  const end = plain.indexOf('FLOOD-END\n', begin);
  const got = begin >= 0 && end >= 0 ? plain.slice(begin, end + 'FLOOD-END\n'.length) : '';
  return { lost: text.length - got.length, identical: got === text };
}

// The phases, driven one at a time by the benchmark (which measures the machine around each).
const bench = {
  alone: (bytes: number) => alone(floodText(bytes).replaceAll('\n', '\r\n')),
  async piped(options: { projectId: string; environmentId: string; file: string; bytes: number }) {
    const { ms, received } = await piped(options.projectId, options.environmentId, options.file);
    return { ms, ...lostBytes(received, floodText(options.bytes)) };
  },
  interrupted: (options: { projectId: string; environmentId: string; file: string }) => interrupted(options.projectId, options.environmentId, options.file),
};
(window as unknown as { bench: typeof bench }).bench = bench;
