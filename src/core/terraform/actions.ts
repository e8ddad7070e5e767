/** What one planned change does to a resource, collapsed from terraform's `actions` list. */
export type ChangeKind = 'create' | 'update' | 'replace' | 'delete' | 'read' | 'no-op' | 'forget';

export const changeKinds: readonly ChangeKind[] = ['create', 'update', 'replace', 'delete', 'read', 'no-op', 'forget'];

/**
 * The kind of a change from its actions. Any two-action list is a replace: delete+create,
 * create+delete (create before destroy), create+forget, and OpenTofu's forget+create.
 */
export function changeKindOf(actions: readonly string[] | undefined): ChangeKind {
  if (!actions || actions.length === 0) return 'no-op';
  if (actions.length >= 2) return 'replace';
  const action = actions[0];
  switch (action) {
    case 'create':
    case 'update':
    case 'delete':
    case 'read':
    case 'forget':
      return action;
    default:
      return 'no-op';
  }
}

/** Per-kind counts, every kind present (zero when none). */
export type ChangeCounts = Record<ChangeKind, number>;

/** A fresh all-zero ChangeCounts. */
export function emptyCounts(): ChangeCounts {
  return { create: 0, update: 0, replace: 0, delete: 0, read: 0, 'no-op': 0, forget: 0 };
}
