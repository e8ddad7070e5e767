/** One changed attribute of a resource: its values before and after as short JSON text. */
export interface AttributeChange {
  key: string;
  before?: string;
  after?: string;
  /** Known only after apply. */
  unknown: boolean;
}

const text = (value: unknown) => (value === undefined ? undefined : JSON.stringify(value));

/** The top-level attributes whose value differs between before and after (sensitive ones arrive masked). */
export function attributeChanges(before: unknown, after: unknown, unknownPaths: readonly (readonly (string | number)[])[]): AttributeChange[] {
  const left = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const right = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  const unknownKeys = new Set(unknownPaths.map((path) => String(path[0])));
  const keys = [...new Set([...Object.keys(left), ...Object.keys(right), ...unknownKeys])].sort();
  return keys.flatMap((key) => {
    const change = { key, before: text(left[key]), after: text(right[key]), unknown: unknownKeys.has(key) };
    return change.before === change.after && !change.unknown ? [] : [change];
  });
}
