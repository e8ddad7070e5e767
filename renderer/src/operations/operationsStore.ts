import { create } from 'zustand';

export type OperationsTab = 'Inventory' | 'Query' | 'Batch change' | 'Environments' | 'Drift';

export const operationsTabs: readonly OperationsTab[] = ['Inventory', 'Query', 'Batch change', 'Environments', 'Drift'];

/** Session state of the Operations view: open or not, and which tool it shows. */
export interface OperationsState {
  open: boolean;
  tab: OperationsTab;
  /** Tools opened at least once: they stay mounted (hidden) so plans and results survive switching and closing. */
  visited: readonly OperationsTab[];
  set(patch: Partial<Omit<OperationsState, 'set' | 'toggle'>>): void;
  toggle(): void;
}

export const useOperationsStore = create<OperationsState>((set) => ({
  open: false,
  tab: 'Inventory',
  visited: [],
  set: (patch) => set((state) => visit({ ...state, ...patch })),
  toggle: () => set((state) => visit({ ...state, open: !state.open })),
}));

function visit(state: OperationsState): Partial<OperationsState> {
  const visited = state.open && !state.visited.includes(state.tab) ? [...state.visited, state.tab] : state.visited;
  return { open: state.open, tab: state.tab, visited };
}
