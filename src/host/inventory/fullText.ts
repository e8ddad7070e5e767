/**
 * FTS5 MATCH expressions for the inventory's full-text index (`resources_text`, migration 7).
 *
 * User text never reaches FTS5 syntax: every word becomes a double-quoted string (quotes doubled),
 * which FTS5 tokenizes with the index's own tokenizer, so `arn:aws:iam::1:role/x`, `"`, `*`,
 * `AND` or `NEAR(` are plain text. A word with no letter or digit in it gives no token at all;
 * it is dropped, and a search made only of such words has no expression (the caller falls back to
 * a plain substring scan).
 */

const hasToken = /[\p{L}\p{N}]/u;

const quoted = (word: string) => `"${word.replaceAll('"', '""')}"`;

/**
 * Free text: every whitespace-separated word must occur somewhere in the row (type, address, id
 * or an attribute value); a word matches as a run of whole tokens whose last is a prefix —
 * `db.r6` finds `db.r6g.large`, `arn:aws:iam` finds every IAM ARN, `team-3` finds `team-3` and
 * `team-30`.
 */
export function textMatch(text: string): string | undefined {
  const words = text.split(/\s+/).filter((word) => hasToken.test(word));
  return words.length === 0 ? undefined : words.map((word) => `${quoted(word)}*`).join(' AND ');
}

/**
 * An attribute value: its tokens, in order, among the row's attribute values. Only narrows the
 * rows; the caller still compares the value exactly. Object and array values (JSON text) are not
 * narrowed: their keys are not indexed.
 */
export function valueMatch(value: string): string | undefined {
  if (!hasToken.test(value) || /^\s*[[{]/.test(value)) return undefined;
  return `attribute_values : ${quoted(value)}`;
}
