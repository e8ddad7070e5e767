/** The resource a `-json` stream message is about (`hook.resource` / `change.resource`). */
export interface StreamResource {
  addr: string;
  module: string;
  resource?: string;
  resource_type?: string;
  resource_name?: string;
  resource_key?: unknown;
  implied_provider?: string;
}

export interface StreamDiagnostic {
  severity: 'error' | 'warning';
  summary: string;
  detail?: string;
  address?: string;
  range?: { filename: string; start: { line: number; column: number }; end?: { line: number; column: number } };
}

interface Base {
  '@level': string;
  '@message': string;
  '@module': string;
  '@timestamp'?: string;
}

export type StreamMessage =
  | (Base & { type: 'version'; terraform?: string; tofu?: string; ui?: string })
  | (Base & { type: 'log' })
  | (Base & { type: 'diagnostic'; diagnostic: StreamDiagnostic })
  | (Base & { type: 'planned_change' | 'resource_drift'; change: { resource: StreamResource; action: string; reason?: string } })
  | (Base & { type: 'change_summary'; changes: { add: number; change: number; import?: number; remove: number; operation: string } })
  | (Base & { type: 'outputs'; outputs: Record<string, { sensitive: boolean; type?: unknown; value?: unknown; action?: string }> })
  | (Base & {
      type: 'apply_start' | 'apply_progress' | 'apply_complete' | 'apply_errored';
      hook: { resource: StreamResource; action: string; elapsed_seconds?: number; id_key?: string; id_value?: string };
    })
  | (Base & {
      type: 'provision_start' | 'provision_progress' | 'provision_complete' | 'provision_errored';
      hook: { resource: StreamResource; provisioner: string; output?: string };
    })
  | (Base & { type: 'refresh_start' | 'refresh_complete'; hook: { resource: StreamResource; id_key?: string; id_value?: string } });

export type StreamMessageType = StreamMessage['type'];

const knownTypes = new Set<string>([
  'version', 'log', 'diagnostic', 'planned_change', 'resource_drift', 'change_summary', 'outputs',
  'apply_start', 'apply_progress', 'apply_complete', 'apply_errored',
  'provision_start', 'provision_progress', 'provision_complete', 'provision_errored',
  'refresh_start', 'refresh_complete',
]);

/** Parses one line of the stream; undefined for non-JSON lines (merged stderr, banners) and unknown types. */
export function parseStreamLine(line: string): StreamMessage | undefined {
  const text = line.endsWith('\r') ? line.slice(0, -1) : line;
  const start = text.indexOf('{');
  // A pty may prefix a line with colour resets; only whitespace or escapes may precede the object.
  // eslint-disable-next-line no-control-regex -- matching the terminal's escape sequences is the point
  if (start < 0 || !/^(?:\s|\x1b\[[0-9;]*m)*$/.test(text.slice(0, start))) return undefined;
  let message: unknown;
  try {
    message = JSON.parse(text.slice(start));
  } catch {
    return undefined;
  }
  if (typeof message !== 'object' || message === null) return undefined;
  const type = (message as { type?: unknown }).type;
  return typeof type === 'string' && knownTypes.has(type) ? (message as StreamMessage) : undefined;
}

/**
 * Splits a `-json` stream arriving in arbitrary chunks (a pty: `\r\n`, stderr merged) into typed
 * messages. Keeps the partial last line until its end arrives.
 */
export class StreamDecoder {
  private pending = '';
  private skipping = false;

  /** Lines longer than `maxLineLength` (a flood without newlines) are dropped, keeping memory bounded. */
  constructor(private readonly maxLineLength = 8 * 1024 * 1024) {}

  /** Feeds a chunk; returns the messages completed by it. */
  push(chunk: string): StreamMessage[] {
    let text = this.pending + chunk;
    if (this.skipping) {
      const end = chunk.indexOf('\n');
      if (end < 0) return [];
      this.skipping = false;
      text = chunk.slice(end + 1);
    }
    const lastBreak = text.lastIndexOf('\n');
    if (lastBreak < 0) {
      this.pending = text;
      if (text.length > this.maxLineLength) {
        this.pending = '';
        this.skipping = true;
      }
      return [];
    }
    this.pending = text.slice(lastBreak + 1);
    if (this.pending.length > this.maxLineLength) {
      this.pending = '';
      this.skipping = true;
    }
    const messages: StreamMessage[] = [];
    for (const line of text.slice(0, lastBreak).split('\n')) {
      const message = parseStreamLine(line);
      if (message) messages.push(message);
    }
    return messages;
  }

  /** Parses what is left when the stream ends without a final newline. */
  end(): StreamMessage[] {
    const rest = this.skipping ? '' : this.pending;
    this.pending = '';
    this.skipping = false;
    const message = rest ? parseStreamLine(rest) : undefined;
    return message ? [message] : [];
  }
}

/** Parses a whole captured stream. */
export function parseStream(text: string): StreamMessage[] {
  const decoder = new StreamDecoder();
  return [...decoder.push(text), ...decoder.end()];
}
