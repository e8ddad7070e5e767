import type { StreamMessage } from '../terraform/stream';

/*
 * The user's terminal shows terraform's own human output (colours, progress), so the live per-node
 * status of an apply is read from those lines and turned into the `-json` stream's messages, which
 * reduceLiveRun already folds. Only the stable "<address>: Creating..." family of lines is read.
 */

// eslint-disable-next-line no-control-regex -- stripping the terminal's escape sequences is the point
const escapes = /\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07/g;

const starts: Record<string, string> = { Creating: 'create', Modifying: 'update', Destroying: 'delete', Reading: 'read' };
const completes: Record<string, string> = { Creation: 'create', Modifications: 'update', Destruction: 'delete', Read: 'read' };
const progress: Record<string, string> = { creating: 'create', modifying: 'update', destroying: 'delete', reading: 'read' };

const base = { '@level': 'info', '@message': '', '@module': 'driftless.human' };

function hook(type: 'apply_start' | 'apply_progress' | 'apply_complete' | 'apply_errored', addr: string, action: string): StreamMessage {
  return { ...base, type, hook: { resource: { addr, module: addr }, action } };
}

/** Reads terraform's human output chunk by chunk (lines may span chunks) into stream messages. */
export class HumanProgressDecoder {
  private partial = '';
  private lastError: string | undefined;

  push(chunk: string): StreamMessage[] {
    const lines = (this.partial + chunk).split('\n');
    this.partial = lines.pop() ?? '';
    if (this.partial.length > 65536) this.partial = this.partial.slice(-65536); // no line is that long: a flood
    return lines.flatMap((line) => this.line(line));
  }

  end(): StreamMessage[] {
    const rest = this.partial;
    this.partial = '';
    return rest ? this.line(rest) : [];
  }

  private line(raw: string): StreamMessage[] {
    const line = raw.replace(escapes, '').replace(/\r$/, '').trimEnd();
    let match = /^(.+?): (Creating|Modifying|Destroying|Reading)\.\.\./.exec(line);
    if (match) return [hook('apply_start', match[1]!, starts[match[2]!]!)];
    match = /^(.+?): (Creation|Modifications|Destruction|Read) complete/.exec(line);
    if (match) return [hook('apply_complete', match[1]!, completes[match[2]!]!)];
    match = /^(.+?): Still (creating|modifying|destroying|reading)\.\.\./.exec(line);
    if (match) return [hook('apply_progress', match[1]!, progress[match[2]!]!)];
    match = /^[│|]\s*Error: (.+)$/.exec(line);
    if (match) {
      this.lastError = match[1]!;
      return [];
    }
    match = /^[│|]\s+with (\S+?),?$/.exec(line);
    if (match && this.lastError !== undefined) {
      const summary = this.lastError;
      this.lastError = undefined;
      const address = match[1]!;
      if (!/^(?:module\.|[a-z0-9_]+\.[A-Za-z0-9_-]+)/.test(address) || address.startsWith('var.')) return [];
      return [
        hook('apply_errored', address, 'create'),
        { ...base, '@level': 'error', type: 'diagnostic', diagnostic: { severity: 'error', summary, address } },
      ];
    }
    return [];
  }
}
