import { create } from 'zustand';

/** Session state that is not part of the document: never undoable, never sent to the host. */
export interface UiState {
  commandPaletteOpen: boolean;
  helpOpen: boolean;
  /** The Terraform binary screen: which terraform runs use, and choosing another. */
  terraformSetupOpen: boolean;
  /** Nodes waiting for the user to confirm their deletion, and what depends on them. */
  pendingDelete?: { ids: string[]; downstream: string[] };
  environmentId?: string;
  bottomTab: 'Terminal' | 'Runs' | 'Code' | 'Compare' | 'Problems' | 'Shell' | 'State' | 'Diff';
  /** Bumped to ask the inspector to focus its name field (F2). */
  renameRequest: number;
  set(patch: Partial<Omit<UiState, 'set'>>): void;
}

export const useUiStore = create<UiState>((set) => ({
  commandPaletteOpen: false,
  helpOpen: false,
  terraformSetupOpen: false,
  bottomTab: 'Terminal',
  renameRequest: 0,
  set: (patch) => set(patch),
}));
