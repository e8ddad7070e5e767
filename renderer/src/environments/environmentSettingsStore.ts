import { create } from 'zustand';

/** Whether the Environment settings dialog is open: session state, never undoable. */
export const useEnvironmentSettingsStore = create<{ open: boolean; set(open: boolean): void }>((set) => ({
  open: false,
  set: (open) => set({ open }),
}));
