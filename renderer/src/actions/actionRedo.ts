import { isMod, type Action } from './types';

export const actionRedo: Action = {
  name: 'redo',
  label: 'Redo',
  shortcut: 'Ctrl+Shift+Z',
  keyTest: (event) => isMod(event) && ((event.shiftKey && event.key.toLowerCase() === 'z') || event.key.toLowerCase() === 'y'),
  enabled: ({ diagram }) => diagram.redoStack.length > 0,
  perform: ({ diagram }) => void diagram.redo(),
};
