/** What a node or environment name must look like: a Terraform identifier (module block label). */
export const IDENTIFIER_PATTERN = /^[a-zA-Z_][a-zA-Z0-9_-]*$/;

/**
 * Names Terraform gives meaning to in a module block or an expression; a node named so would make
 * compiled references ambiguous or invalid.
 */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  'count', 'depends_on', 'each', 'for', 'for_each', 'if', 'in', 'lifecycle', 'local', 'locals',
  'module', 'provider', 'providers', 'self', 'source', 'terraform', 'var', 'version', 'true', 'false', 'null',
]);

/** Why `name` is not a usable Terraform identifier, or undefined when it is. */
export function identifierProblem(name: string): string | undefined {
  if (name.length === 0) return 'the name is empty';
  if (!IDENTIFIER_PATTERN.test(name)) {
    return `"${name}" is not a Terraform identifier: start with a letter or "_", then use letters, digits, "_" or "-"`;
  }
  if (RESERVED_NAMES.has(name)) return `"${name}" is a word Terraform reserves: choose another name`;
  // Names become keys of plain objects (module and output maps, file nodes); this one would set a prototype.
  if (name === '__proto__') return '"__proto__" cannot name a node or environment: choose another name';
  return undefined;
}

/** Splits a bundle ref `name@version`; undefined when it is not of that form. */
export function parseBundleRef(ref: string): { name: string; version: string } | undefined {
  const at = ref.lastIndexOf('@');
  if (at <= 0 || at === ref.length - 1) return undefined;
  return { name: ref.slice(0, at), version: ref.slice(at + 1) };
}
