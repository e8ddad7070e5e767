/** A check of one field: undefined when it fits, else what it must be. */
type Check = (value: unknown) => string | undefined;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const text: Check = (value) => (typeof value === 'string' && value.length > 0 ? undefined : 'a non-empty string');
const finite: Check = (value) => (typeof value === 'number' && Number.isFinite(value) ? undefined : 'a number');
const index: Check = (value) => (Number.isInteger(value) && (value as number) >= 0 ? undefined : 'a whole number ≥ 0');
const anyValue: Check = (value) => (value === undefined ? 'a JSON value' : undefined);
const record: Check = (value) => (isRecord(value) ? undefined : 'an object');
const optional = (check: Check): Check & { optional: true } => Object.assign((value: unknown) => (value === undefined ? undefined : check(value)), { optional: true as const });
const list = (check: Check): Check => (value) => {
  if (!Array.isArray(value)) return 'an array';
  for (const [at, item] of value.entries()) {
    const problem = check(item);
    if (problem !== undefined) return `an array whose item ${at} is ${problem}`;
  }
  return undefined;
};
const shape = (fields: Record<string, Check>): Check => (value) => {
  if (!isRecord(value)) return 'an object';
  for (const key of Object.keys(value)) if (!(key in fields)) return `an object without the field "${key}"`;
  for (const [key, check] of Object.entries(fields)) {
    const problem = check(value[key]);
    if (problem !== undefined) return `an object whose "${key}" is ${problem}`;
  }
  return undefined;
};
const recordOf = (check: Check): Check => (value) => {
  if (!isRecord(value)) return 'an object';
  for (const [key, item] of Object.entries(value)) {
    const problem = check(item);
    if (problem !== undefined) return `an object whose "${key}" is ${problem}`;
  }
  return undefined;
};

const point = shape({ x: finite, y: finite });
const node = shape({ id: text, name: text, bundle: text, position: point, params: record, formerNames: optional(list(text)) });
const edge = shape({
  id: text,
  from: shape({ node: text, artifact: text }),
  to: shape({ node: text, connection: text }),
  confirmedUntyped: optional((value) => (typeof value === 'boolean' ? undefined : 'true or false')),
});
const backend: Check = (value) => {
  if (isRecord(value) && value.type === 'embedded') return shape({ type: text })(value);
  if (isRecord(value) && ['s3', 'gcs', 'azurerm', 'pg', 'remote'].includes(value.type as string)) return shape({ type: text, config: record })(value);
  return '{"type": "embedded"} or a remote backend (s3, gcs, azurerm, pg, remote) with its config';
};
const environment = shape({ id: text, name: text, providers: recordOf(record), overrides: recordOf(record), backend });

const fieldsByKind: Record<string, Record<string, Check>> = {
  addNode: { node, index: optional(index) },
  moveNodes: { moves: list(shape({ id: text, position: point })) },
  renameNode: { id: text, name: text, formerNames: optional(list(text)) },
  setNodeBundle: { id: text, bundle: text },
  setParam: { id: text, param: text, value: anyValue },
  unsetParam: { id: text, param: text },
  connect: { edge, index: optional(index) },
  disconnect: { edgeId: text },
  deleteNodes: { ids: list(text) },
  setOverride: { environmentId: text, nodeId: text, param: text, value: anyValue },
  resetOverride: { environmentId: text, nodeId: text, param: text },
  addEnvironment: { environment, index: optional(index) },
  removeEnvironment: { environmentId: text },
  renameEnvironment: { environmentId: text, name: text },
  setEnvironmentProviders: { environmentId: text, providers: recordOf(record) },
  setEnvironmentBackend: { environmentId: text, backend },
  // Each edit of a batch is checked when it is applied.
  batch: { edits: list(record) },
};

/** The edit kinds applyEdit knows. */
export const EDIT_KINDS: readonly string[] = Object.keys(fieldsByKind);

/** Why a value received from outside (API, file, clipboard) is not a well-formed edit; undefined when it is. */
export function editShapeProblem(edit: unknown): string | undefined {
  if (!isRecord(edit)) return 'an edit must be an object with a "kind"';
  const fields = typeof edit.kind === 'string' && Object.hasOwn(fieldsByKind, edit.kind) ? fieldsByKind[edit.kind] : undefined;
  if (fields === undefined) return `unknown edit kind ${JSON.stringify(edit.kind)}; the kinds are ${EDIT_KINDS.join(', ')}`;
  const problem = shape({ kind: text, ...fields })(edit);
  return problem === undefined ? undefined : `a ${edit.kind} edit must be ${problem}`;
}
