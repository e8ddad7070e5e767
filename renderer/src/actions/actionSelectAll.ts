import { isMod, type Action } from './types';

export const actionSelectAll: Action = {
  name: 'selectAll',
  label: 'Select all nodes',
  shortcut: 'Ctrl+A',
  keyTest: (event) => isMod(event) && event.key.toLowerCase() === 'a',
  perform: ({ diagram }) => diagram.select(diagram.nodes.map((node) => node.id)),
};
