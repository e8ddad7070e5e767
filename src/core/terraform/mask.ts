/** Shown in place of a value that terraform marks sensitive. */
export const SENSITIVE = '(sensitive value)';

/** Shown in place of a value known only after apply. */
export const UNKNOWN = '(known after apply)';

type Marks = unknown;

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}

function marksAnything(marks: Marks): boolean {
  if (marks === true) return true;
  if (Array.isArray(marks)) return marks.some(marksAnything);
  if (isContainer(marks)) return Object.values(marks).some(marksAnything);
  return false;
}

/**
 * A copy of `value` with every path that `marks` (terraform's `*_sensitive` shape: `true` or a
 * nested object/array of the same shape) replaced by SENSITIVE. Where the shapes disagree, the
 * whole marked subtree is masked: never leak. With `secrets`, any string equal to a known secret
 * is masked too — terraform does not always mark copies (terraform_data's `output` mirrors a
 * sensitive `input` unmarked in 1.11). Without secrets, unmarked subtrees are shared, not cloned.
 */
export function maskSensitive(value: unknown, marks: Marks, secrets?: ReadonlySet<string>): unknown {
  if (marks === true) return SENSITIVE;
  const marked = isContainer(marks) && marksAnything(marks);
  if (typeof value === 'string') return marked || secrets?.has(value) ? SENSITIVE : value;
  if (!marked && (!secrets || secrets.size === 0 || !isContainer(value))) return value;
  if (Array.isArray(value)) {
    if (marked && !Array.isArray(marks)) return SENSITIVE;
    const markList = Array.isArray(marks) ? marks : [];
    return value.map((item, index) => maskSensitive(item, markList[index], secrets));
  }
  if (!isContainer(value)) return value === null || value === undefined || !marked ? value : SENSITIVE;
  if (marked && Array.isArray(marks)) return SENSITIVE;
  const markMap = (isContainer(marks) ? marks : {}) as Record<string, unknown>;
  const masked: Record<string, unknown> = {};
  for (const key of Object.keys(value)) masked[key] = maskSensitive((value as Record<string, unknown>)[key], markMap[key], secrets);
  return masked;
}

/** Adds to `into` every string leaf of `value` under a path that `marks` marks sensitive. */
export function collectSecrets(value: unknown, marks: Marks, into: Set<string>, underMark = false): void {
  const inside = underMark || marks === true;
  if (typeof value === 'string') {
    // Very short strings ("1", "on") would mask half the plan; they are not worth hiding by value.
    if (inside && value.length >= 4) into.add(value);
    return;
  }
  if (!isContainer(value) || (!inside && !(isContainer(marks) && marksAnything(marks)))) return;
  const markOf = (key: string | number): unknown => (isContainer(marks) ? (marks as Record<string, unknown>)[key] : undefined);
  if (Array.isArray(value)) value.forEach((item, index) => collectSecrets(item, markOf(index), into, inside));
  else for (const [key, item] of Object.entries(value)) collectSecrets(item, markOf(key), into, inside);
}

/**
 * Replaces the paths `unknown` marks (terraform's `after_unknown`) with UNKNOWN, adding keys
 * terraform left out of `after` because their value is not known yet.
 */
export function markUnknown(value: unknown, unknown: Marks): unknown {
  if (unknown === true) return UNKNOWN;
  if (!isContainer(unknown) || !marksAnything(unknown)) return value;
  if (Array.isArray(unknown)) {
    const list = Array.isArray(value) ? [...value] : [];
    unknown.forEach((mark, index) => (list[index] = markUnknown(list[index], mark)));
    return list;
  }
  const result: Record<string, unknown> = isContainer(value) && !Array.isArray(value) ? { ...value } : {};
  for (const [key, mark] of Object.entries(unknown)) result[key] = markUnknown(result[key], mark);
  return result;
}

/** The paths (as lists of keys) where `marks` is true, for example after_unknown's. */
export function markedPaths(marks: Marks, prefix: (string | number)[] = []): (string | number)[][] {
  if (marks === true) return [prefix];
  if (Array.isArray(marks)) return marks.flatMap((mark, index) => markedPaths(mark, [...prefix, index]));
  if (isContainer(marks)) return Object.entries(marks).flatMap(([key, mark]) => markedPaths(mark, [...prefix, key]));
  return [];
}
