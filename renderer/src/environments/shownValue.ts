import type { ParamSource } from '../../../src/core/environments/effectiveParams';

/** How an effective param value reads in a table: defaults named, secrets never shown. */
export function shownValue(cell: { value: unknown; source: ParamSource }): string {
  if (cell.source === 'unset') return '(default)';
  if (cell.value !== null && typeof cell.value === 'object' && '$secret' in cell.value) return '••••••';
  return typeof cell.value === 'string' ? cell.value : JSON.stringify(cell.value);
}
