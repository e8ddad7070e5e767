import { selectedNodeIds, type Action } from './types';

export const actionRename: Action = {
  name: 'rename',
  label: 'Rename node',
  shortcut: 'F2',
  keyTest: (event) => event.key === 'F2',
  enabled: (context) => selectedNodeIds(context).length === 1,
  perform: ({ ui }) => ui.set({ renameRequest: ui.renameRequest + 1 }),
};
