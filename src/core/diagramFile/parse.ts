import type { Diagnostic } from '../diagnostics';
import type { Project } from '../model/diagram';
import { CURRENT_FORMAT } from './format';
import { parseJsonText } from './jsonText';
import { migrations } from './migrations';
import { readDocument } from './readDocument';

export type ParseResult = { project: Project; migratedFrom?: number } | { diagnostics: Diagnostic[] };

function failure(code: string, message: string, file: string | undefined, pointer = '/format'): ParseResult {
  return { diagnostics: [{ severity: 'error', code, message, location: { file, pointer } }] };
}

/**
 * Reads a `*.driftless.json` text: all or nothing. Older formats are migrated forward; a newer one
 * is refused by name. On failure, every problem is listed with its JSON pointer.
 */
export function parseDiagramFile(text: string, file?: string): ParseResult {
  const parsed = parseJsonText(text, file);
  if ('diagnostic' in parsed) return { diagnostics: [parsed.diagnostic] };
  let document = parsed.value;
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    return failure('file.wrong-type', 'The file holds JSON but not a diagram: a diagram file is one JSON object with "format", "project", "nodes", "edges" and "environments".', file, '');
  }
  const format = (document as { format?: unknown }).format;
  if (typeof format !== 'number' || !Number.isInteger(format) || format < 0) {
    return failure('file.unknown-format', `/format: the file has no format version (found ${JSON.stringify(format) ?? 'nothing'}). Diagram files carry "format": ${CURRENT_FORMAT}; is this a diagram file?`, file);
  }
  if (format > CURRENT_FORMAT) {
    return failure(
      'file.newer-format',
      `This file was written by a newer Driftless, format ${format}; this Driftless reads formats up to ${CURRENT_FORMAT}. Update Driftless to open it.`,
      file,
    );
  }
  for (let version = format; version < CURRENT_FORMAT; version++) {
    document = migrations[version]!(document as Record<string, unknown>);
  }
  const result = readDocument(document, file);
  if ('diagnostics' in result && format < CURRENT_FORMAT) {
    for (const diagnostic of result.diagnostics) diagnostic.message += ` (The file is format ${format}; pointers are of its format-${CURRENT_FORMAT} form after migration.)`;
  }
  return 'project' in result && format < CURRENT_FORMAT ? { ...result, migratedFrom: format } : result;
}
