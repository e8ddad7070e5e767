import { isMod, type Action } from './types';

export const actionUndo: Action = {
  name: 'undo',
  label: 'Undo',
  shortcut: 'Ctrl+Z',
  keyTest: (event) => isMod(event) && !event.shiftKey && event.key.toLowerCase() === 'z',
  enabled: ({ diagram }) => diagram.undoStack.length > 0,
  perform: ({ diagram }) => void diagram.undo(),
};
