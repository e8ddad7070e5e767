import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import type { Diagnostic } from '../../core/diagnostics';
import { MAX_FILE_CHARS } from '../../core/diagramFile/jsonText';
import { parseDiagramFile, type ParseResult } from '../../core/diagramFile/parse';

/** Reads and parses a diagram file; a missing, unreadable or oversized file is a diagnostic too. */
export function readDiagramFile(path: string): ParseResult {
  const refuse = (code: string, message: string): ParseResult => ({ diagnostics: [{ severity: 'error', code, message, location: { file: path, pointer: '' } }] });
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat === undefined) return refuse('file.not-found', `${path} does not exist. Check the path.`);
  if (!stat.isFile()) return refuse('file.not-a-file', `${path} is not a file. Name a *.driftless.json file.`);
  // Refuse before reading: a huge file must not be loaded into memory at all.
  if (stat.size > MAX_FILE_CHARS) {
    return refuse('file.too-large', `${path} is ${(stat.size / 1024 / 1024).toFixed(1)} MB; a diagram file may be at most ${MAX_FILE_CHARS / 1024 / 1024} MB. Check that you picked the right file.`);
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return refuse('file.unreadable', `${path} cannot be read: ${(error as Error).message}.`);
  }
  return parseDiagramFile(text, path);
}

/** One line per diagnostic: severity, file and pointer (and line/column), message. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const location = diagnostic.location;
  const where = [location?.file, location?.pointer ? `#${location.pointer}` : '', location?.line === undefined ? '' : `:${location.line}:${location.column ?? 1}`].join('');
  return `${diagnostic.severity}${where ? ` ${where}` : ''}: ${diagnostic.message} [${diagnostic.code}]`;
}

/** Writes a file whole or not at all: a temporary file beside it, then a rename. */
export function writeFileAtomically(path: string, text: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(temporary, text, { mode: 0o644 });
  renameSync(temporary, path);
}
