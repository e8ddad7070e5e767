/** A Terraform identifier made from any text: lowercase letters, digits and `_`, starting with a letter. */
export function identifierFrom(text: string): string {
  const cleaned = text.toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  return /^[a-z]/.test(cleaned) ? cleaned : `n_${cleaned || 'node'}`;
}

/** `base`, or `base_2`, `base_3`… whichever is not taken yet. */
export function uniqueName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  let index = 2;
  while (taken.has(`${base}_${index}`)) index++;
  return `${base}_${index}`;
}

/** A fresh id for a node or an edge. */
export function freshId(): string {
  return crypto.randomUUID();
}
