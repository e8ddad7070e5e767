/** What a write must be checked against, read from the top-level keys of a state body. */
export type StateHead =
  | { kind: 'state'; serial: number; lineage: string; terraformVersion?: string }
  | { kind: 'encrypted' }
  | { kind: 'invalid'; message: string };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const wanted = new Set(['version', 'terraform_version', 'serial', 'lineage', 'encrypted_data']);

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

class Scanner {
  position = 0;
  constructor(readonly bytes: Uint8Array) {}

  skipSpace(): void {
    while (this.position < this.bytes.length && isSpace(this.bytes[this.position]!)) this.position++;
  }

  expect(byte: number): void {
    this.skipSpace();
    if (this.bytes[this.position] !== byte) throw new Error(`expected "${String.fromCharCode(byte)}" at byte ${this.position}`);
    this.position++;
  }

  /** End (exclusive) of the string starting at the current quote. */
  stringEnd(): number {
    let index = this.position + 1;
    while (index < this.bytes.length) {
      const byte = this.bytes[index]!;
      if (byte === BACKSLASH) index += 2;
      else if (byte === QUOTE) return index + 1;
      else index++;
    }
    throw new Error('unterminated string');
  }

  /** Skips one JSON value; returns its [start, end) range. */
  skipValue(): [number, number] {
    this.skipSpace();
    const start = this.position;
    let depth = 0;
    while (this.position < this.bytes.length) {
      const byte = this.bytes[this.position]!;
      if (byte === QUOTE) {
        this.position = this.stringEnd();
        if (depth === 0) return [start, this.position];
        continue;
      }
      if (byte === 0x7b || byte === 0x5b) depth++;
      else if (byte === 0x7d || byte === 0x5d) {
        if (depth === 0) return [start, this.position]; // end of the enclosing object
        depth--;
        if (depth === 0) return [start, ++this.position];
      } else if (depth === 0 && (byte === 0x2c || isSpace(byte))) return [start, this.position];
      this.position++;
    }
    throw new Error('unexpected end of the body');
  }
}

/**
 * Reads `serial`, `lineage` and `terraform_version` from a state without parsing all of it:
 * terraform writes them first, so a 10 MB state costs a few hundred bytes here. The full parse
 * happens later, when the inventory is indexed.
 */
export function readStateHead(body: Uint8Array): StateHead {
  const found = new Map<string, unknown>();
  const scanner = new Scanner(body);
  const decoder = new TextDecoder();
  try {
    scanner.expect(0x7b);
    scanner.skipSpace();
    if (body[scanner.position] === 0x7d) return { kind: 'invalid', message: 'The state is an empty JSON object.' };
    for (;;) {
      scanner.skipSpace();
      if (body[scanner.position] !== QUOTE) throw new Error(`expected a key at byte ${scanner.position}`);
      const keyEnd = scanner.stringEnd();
      const key = JSON.parse(decoder.decode(body.subarray(scanner.position, keyEnd))) as string;
      scanner.position = keyEnd;
      scanner.expect(0x3a);
      const [start, end] = scanner.skipValue();
      if (wanted.has(key) && key !== 'encrypted_data') found.set(key, JSON.parse(decoder.decode(body.subarray(start, end))));
      if (key === 'encrypted_data') found.set(key, true);
      if (found.has('serial') && found.has('lineage') && found.has('terraform_version') && found.has('version')) break;
      scanner.skipSpace();
      if (body[scanner.position] === 0x2c) {
        scanner.position++;
        continue;
      }
      scanner.expect(0x7d);
      break;
    }
  } catch (error) {
    return { kind: 'invalid', message: `The body is not a JSON object (${(error as Error).message}).` };
  }
  if (found.has('encrypted_data') && !found.has('serial')) return { kind: 'encrypted' };
  const serial = found.get('serial');
  const lineage = found.get('lineage');
  if (typeof serial !== 'number' || !Number.isSafeInteger(serial) || serial < 0) {
    return { kind: 'invalid', message: 'The state has no valid "serial" (a non-negative integer).' };
  }
  if (typeof lineage !== 'string' || lineage === '') return { kind: 'invalid', message: 'The state has no "lineage".' };
  const version = found.get('version');
  if (version !== undefined && version !== 4) {
    return { kind: 'invalid', message: `State format version ${JSON.stringify(version)} is not supported (expected 4).` };
  }
  const terraformVersion = found.get('terraform_version');
  return { kind: 'state', serial, lineage, terraformVersion: typeof terraformVersion === 'string' ? terraformVersion : undefined };
}
