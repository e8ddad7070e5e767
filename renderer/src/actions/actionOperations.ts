import { useOperationsStore } from '../operations/operationsStore';
import type { Action } from './types';

export const actionOperations: Action = {
  name: 'operations',
  label: 'Operations (inventory, query, batch change, environments)',
  shortcut: 'Ctrl+Shift+O',
  keyTest: (event) => (event.ctrlKey || event.metaKey) && event.shiftKey && event.key.toLowerCase() === 'o',
  perform: () => useOperationsStore.getState().toggle(),
};
