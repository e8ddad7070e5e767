import { create } from 'zustand';
import type { AppInfo, Heartbeat, TerraformInfo } from '../../../src/core/api/areas/app';
import type { ApiClient } from '../../../src/core/api/client';
import { useUiStore } from './uiStore';

interface AppState {
  info?: AppInfo;
  infoError?: string;
  heartbeat?: Heartbeat;
  /** The binary runs use changed (chosen or re-checked). */
  setTerraform(terraform: TerraformInfo): void;
  /** Loads app.info and follows heartbeats; returns the unsubscribe function. */
  start(api: ApiClient): () => void;
}

export const useAppStore = create<AppState>((set) => ({
  setTerraform: (terraform) => set((state) => (state.info ? { info: { ...state.info, terraform } } : {})),
  start(api) {
    void api.call('app.info', {}).then((result) => {
      if (result.ok) {
        set({ info: result.value, infoError: undefined });
        // No usable terraform: say so at once, with what to install and where to point Driftless
        // (not for a binary that was merely slow to answer: a busy machine should not get a screen in its face).
        if (!result.value.terraform.found && result.value.terraform.reason !== 'not_answering') useUiStore.getState().set({ terraformSetupOpen: true });
      } else set({ infoError: result.error.message });
    });
    return api.subscribe('app.heartbeat', (heartbeat) => set({ heartbeat }));
  },
}));
