/** Shown in place of a value terraform marks sensitive (the same text as plan masking). */
export const SENSITIVE = '(sensitive value)';

/** One step of a state v4 `sensitive_attributes` path. */
interface PathStep {
  type?: string;
  value?: unknown;
}

function stepKey(step: PathStep): string | number | undefined {
  if (step.type === 'get_attr' && typeof step.value === 'string') return step.value;
  if (step.type === 'index') {
    const key = (step.value as { value?: unknown } | undefined)?.value;
    if (typeof key === 'string' || typeof key === 'number') return key;
  }
  return undefined;
}

function maskPath(value: unknown, steps: PathStep[]): unknown {
  if (steps.length === 0) return value === null ? null : SENSITIVE;
  if (typeof value !== 'object' || value === null) return value;
  const key = stepKey(steps[0]!);
  if (key === undefined) return SENSITIVE; // a step we do not understand: never leak
  if (Array.isArray(value)) {
    if (typeof key !== 'number' || key >= value.length) return value;
    const copy = [...value];
    copy[key] = maskPath(copy[key], steps.slice(1));
    return copy;
  }
  const record = value as Record<string, unknown>;
  if (!Object.hasOwn(record, String(key))) return value;
  return { ...record, [key]: maskPath(record[key], steps.slice(1)) };
}

/**
 * A copy of an instance's `attributes` with every path of its `sensitive_attributes` masked.
 * Paths in a shape we cannot read mask the whole top-level attribute they start at.
 */
export function maskSensitivePaths(attributes: Record<string, unknown>, paths: unknown): Record<string, unknown> {
  if (!Array.isArray(paths)) return attributes;
  let masked: unknown = attributes;
  for (const path of paths) {
    if (Array.isArray(path)) masked = maskPath(masked, path as PathStep[]);
  }
  if (typeof masked === 'object' && masked !== null) return masked as Record<string, unknown>;
  return Object.fromEntries(Object.keys(attributes).map((key) => [key, SENSITIVE]));
}

/**
 * Sensitive strings shorter than this are not looked for elsewhere: they would match by chance.
 * It also keeps type words out (a masked terraform_data input holds "string", "object"…).
 */
const shortestEcho = 8;

/** A plain JSON object: not an array, not null. */
export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function stringsIn(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') {
    if (value.length >= shortestEcho) into.add(value);
  } else if (Array.isArray(value)) value.forEach((item) => stringsIn(item, into));
  else if (isRecord(value)) Object.values(value).forEach((item) => stringsIn(item, into));
}

/** The raw strings that masking hid: every string under a masked place. */
function hiddenStrings(raw: unknown, masked: unknown, into: Set<string>): void {
  if (masked === SENSITIVE && raw !== SENSITIVE) stringsIn(raw, into);
  else if (Array.isArray(raw) && Array.isArray(masked)) raw.forEach((item, index) => hiddenStrings(item, masked[index], into));
  else if (isRecord(raw) && isRecord(masked)) for (const key of Object.keys(raw)) hiddenStrings(raw[key], masked[key], into);
}

function withoutEchoes(value: unknown, hidden: string[]): unknown {
  if (typeof value === 'string') return hidden.some((secret) => value.includes(secret)) ? SENSITIVE : value;
  if (Array.isArray(value)) {
    const items = value.map((item) => withoutEchoes(item, hidden));
    return items.some((item, index) => item !== value[index]) ? items : value;
  }
  if (isRecord(value)) {
    const entries = Object.entries(value).map(([key, item]) => [key, withoutEchoes(item, hidden)] as const);
    return entries.some(([key, item]) => item !== value[key]) ? Object.fromEntries(entries) : value;
  }
  return value;
}

/**
 * `masked` (maskSensitivePaths of `raw`) with every other string that holds a masked string also
 * masked. State marks only the paths a value was given at: terraform_data's `output` echoes its
 * sensitive `input` unmarked, and a connection URL can carry a marked password.
 */
export function maskSensitiveEchoes(masked: Record<string, unknown>, raw: Record<string, unknown>): Record<string, unknown> {
  if (masked === raw) return masked; // nothing was masked (the common case): nothing to look for
  const hidden = new Set<string>();
  hiddenStrings(raw, masked, hidden);
  if (hidden.size === 0) return masked;
  return withoutEchoes(masked, [...hidden]) as Record<string, unknown>;
}
