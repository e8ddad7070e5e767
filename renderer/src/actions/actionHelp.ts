import type { Action } from './types';

export const actionHelp: Action = {
  name: 'help',
  label: 'Keyboard shortcuts',
  shortcut: '?',
  keyTest: (event) => event.key === '?',
  perform: ({ ui }) => ui.set({ helpOpen: !ui.helpOpen, commandPaletteOpen: false }),
};
