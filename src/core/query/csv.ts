/** A cell of a query result: what SQLite returns, blobs as `\x` hex text. */
export type QueryCell = string | number | null;

function field(value: QueryCell | boolean | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  // RFC 4180: a field holding a comma, quote or line break is quoted, its quotes doubled.
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A query result as CSV (RFC 4180: header row, CRLF line ends, quoted where needed). */
export function toCsv(columns: string[], rows: QueryCell[][]): string {
  return [columns, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
