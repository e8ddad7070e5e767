import { create } from 'zustand';

export type OperationsTab = 'Inventory' | 'Query' | 'Batch change' | 'Environments';

export const operationsTabs: readonly OperationsTab[] = ['Inventory', 'Query', 'Batch change', 'Environments'];

/** Session state of the Operations view: open or not, and which tool it shows. */
export interface OperationsState {
  open: boolean;
  tab: OperationsTab;
  set(patch: Partial<Omit<OperationsState, 'set' | 'toggle'>>): void;
  toggle(): void;
}

export const useOperationsStore = create<OperationsState>((set) => ({
  open: false,
  tab: 'Inventory',
  set: (patch) => set(patch),
  toggle: () => set((state) => ({ open: !state.open })),
}));
