import type { Action } from './types';

export const actionTerraformSetup: Action = {
  name: 'terraformSetup',
  label: 'Terraform binary…',
  perform: ({ ui }) => ui.set({ terraformSetupOpen: true, commandPaletteOpen: false }),
};
