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
