import type { AttributeChange, ResourceSummary, StateDiff } from '../../core/api/areas/state';
import { inventoryOf, type InventoryEntry } from './inventory';

const summary = (entry: InventoryEntry): ResourceSummary => ({ address: entry.address, node: entry.node, type: entry.type, resourceId: entry.resourceId });
const same = (left: unknown, right: unknown) => JSON.stringify(left) === JSON.stringify(right);

function attributeChanges(before: InventoryEntry, after: InventoryEntry): AttributeChange[] {
  const keys = [...new Set([...Object.keys(before.rawAttributes), ...Object.keys(after.rawAttributes)])].sort();
  const changes = keys
    .filter((key) => !same(before.rawAttributes[key], after.rawAttributes[key]))
    .map((key) => ({ attribute: key, before: before.allAttributes[key] ?? null, after: after.allAttributes[key] ?? null }));
  if (before.status !== after.status) changes.push({ attribute: '(status)', before: before.status, after: after.status });
  return changes;
}

function outputsOf(state: unknown): Record<string, { value?: unknown; sensitive?: boolean }> {
  const outputs = (state as { outputs?: unknown } | null)?.outputs;
  return typeof outputs === 'object' && outputs !== null ? (outputs as Record<string, { value?: unknown }>) : {};
}

/**
 * Resources added, removed and changed between two parsed states, by instance address. A change
 * of a sensitive value is reported, but its values show only as "(sensitive value)";
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
