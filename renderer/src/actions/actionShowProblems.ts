import type { Action } from './types';

export const actionShowProblems: Action = {
  name: 'showProblems',
  label: 'Show problems',
  shortcut: 'Ctrl+Shift+M',
  keyTest: (event) => (event.ctrlKey || event.metaKey) && event.shiftKey && event.key.toLowerCase() === 'm',
  perform: ({ ui }) => ui.set({ bottomTab: 'Problems' }),
};
