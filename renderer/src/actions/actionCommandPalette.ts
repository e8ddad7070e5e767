import { isMod, type Action } from './types';

export const actionCommandPalette: Action = {
  name: 'commandPalette',
  label: 'Command palette',
  shortcut: 'Ctrl+K',
  keyTest: (event) => isMod(event) && event.key.toLowerCase() === 'k',
  perform: ({ ui }) => ui.set({ commandPaletteOpen: !ui.commandPaletteOpen, helpOpen: false }),
};
