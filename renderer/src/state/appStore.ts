import { create } from 'zustand';
import type { AppInfo, Heartbeat } from '../../../src/core/api/areas/app';
import type { ApiClient } from '../../../src/core/api/client';

interface AppState {
  info?: AppInfo;
  infoError?: string;
  heartbeat?: Heartbeat;
  /** Loads app.info and follows heartbeats; returns the unsubscribe function. */
  start(api: ApiClient): () => void;
}

export const useAppStore = create<AppState>((set) => ({
  start(api) {
    void api.call('app.info', {}).then((result) => {
      if (result.ok) set({ info: result.value, infoError: undefined });
      else set({ infoError: result.error.message });
    });
    return api.subscribe('app.heartbeat', (heartbeat) => set({ heartbeat }));
  },
}));
