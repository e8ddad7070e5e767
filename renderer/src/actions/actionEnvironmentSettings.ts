import { useEnvironmentSettingsStore } from '../environments/environmentSettingsStore';
import type { Action } from './types';

export const actionEnvironmentSettings: Action = {
  name: 'environmentSettings',
  label: 'Environment settings…',
  enabled: ({ diagram }) => diagram.project !== undefined,
  perform: ({ ui }) => {
    ui.set({ commandPaletteOpen: false });
    useEnvironmentSettingsStore.getState().set(true);
  },
};
