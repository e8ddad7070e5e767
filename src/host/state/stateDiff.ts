import type { AttributeChange, ResourceSummary, StateDiff } from '../../core/api/areas/state';
import { inventoryOf, type InventoryEntry } from './inventory';
import { isRecord, SENSITIVE } from './sensitivePaths';

const summary = (entry: InventoryEntry): ResourceSummary => ({ address: entry.address, node: entry.node, type: entry.type, resourceId: entry.resourceId });
const same = (left: unknown, right: unknown) => JSON.stringify(left) === JSON.stringify(right);

/** Leaf changes past this many in one attribute are shown as the attribute's whole change instead. */
const leafLimit = 20;

/** `input.value.cidr`, `ingress[0]`, `tags["kubernetes.io/role"]`: where a leaf sits, as terraform writes addresses. */
const step = (path: string, key: string | number) =>
  typeof key === 'number' ? `${path}[${key}]` : /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;

/**
 * The changed leaves between two values of one attribute: objects by key, lists of the same length
 * by index, anything else whole. Raw values decide what changed; the masked ones are what is
 * shown, and a masked (sensitive) part is never descended into.
 */
function changedLeaves(path: string, raw: [unknown, unknown], shown: [unknown, unknown], out: AttributeChange[]): void {
  if (same(raw[0], raw[1])) return;
  const [before, after] = shown;
  const descend = before !== SENSITIVE && after !== SENSITIVE;
  if (descend && isRecord(raw[0]) && isRecord(raw[1]) && isRecord(before) && isRecord(after)) {
    for (const key of [...new Set([...Object.keys(raw[0]), ...Object.keys(raw[1])])].sort()) {
      changedLeaves(step(path, key), [raw[0][key], raw[1][key]], [before[key], after[key]], out);
    }
    return;
  }
  if (descend && Array.isArray(raw[0]) && Array.isArray(raw[1]) && Array.isArray(before) && Array.isArray(after) && raw[0].length === raw[1].length) {
    for (let index = 0; index < raw[0].length; index++) changedLeaves(step(path, index), [raw[0][index], raw[1][index]], [before[index], after[index]], out);
    return;
  }
  out.push({ attribute: path, before: before ?? null, after: after ?? null });
}

function attributeChanges(before: InventoryEntry, after: InventoryEntry): AttributeChange[] {
  const keys = [...new Set([...Object.keys(before.rawAttributes), ...Object.keys(after.rawAttributes)])].sort();
  const changes: AttributeChange[] = [];
  for (const key of keys) {
    const shown: [unknown, unknown] = [before.allAttributes[key] ?? null, after.allAttributes[key] ?? null];
    const leaves: AttributeChange[] = [];
    changedLeaves(key, [before.rawAttributes[key], after.rawAttributes[key]], shown, leaves);
    if (leaves.length > leafLimit) changes.push({ attribute: key, before: shown[0], after: shown[1] });
    else changes.push(...leaves);
  }
  if (before.status !== after.status) changes.push({ attribute: '(status)', before: before.status, after: after.status });
  return changes;
}

function outputsOf(state: unknown): Record<string, { value?: unknown; sensitive?: boolean }> {
  const outputs = (state as { outputs?: unknown } | null)?.outputs;
  return typeof outputs === 'object' && outputs !== null ? (outputs as Record<string, { value?: unknown }>) : {};
}

/**
 * Resources added, removed and changed between two parsed states, by instance address, each change
 * down to the leaf that changed (`input.value.cidr`). A change of a sensitive value is reported,
 * but its values show only as "(sensitive value)";
 * outputs are compared by name only (their values may be sensitive).
 */
export function diffStates(before: unknown, after: unknown): StateDiff {
  const beforeEntries = new Map(inventoryOf(before).map((entry) => [entry.address, entry]));
  const afterEntries = new Map(inventoryOf(after).map((entry) => [entry.address, entry]));
  const diff: StateDiff = { added: [], removed: [], changed: [], unchanged: 0, outputs: { added: [], removed: [], changed: [] } };
  for (const [address, entry] of afterEntries) {
    const previous = beforeEntries.get(address);
    if (!previous) diff.added.push(summary(entry));
    else {
      const changes = attributeChanges(previous, entry);
      if (changes.length > 0) diff.changed.push({ ...summary(entry), changes });
      else diff.unchanged++;
    }
  }
  for (const [address, entry] of beforeEntries) if (!afterEntries.has(address)) diff.removed.push(summary(entry));
  const beforeOutputs = outputsOf(before);
  const afterOutputs = outputsOf(after);
  for (const name of Object.keys(afterOutputs).sort()) {
    if (!(name in beforeOutputs)) diff.outputs.added.push(name);
    else if (!same(beforeOutputs[name]!.value, afterOutputs[name]!.value)) diff.outputs.changed.push(name);
  }
  for (const name of Object.keys(beforeOutputs).sort()) if (!(name in afterOutputs)) diff.outputs.removed.push(name);
  return diff;
}
