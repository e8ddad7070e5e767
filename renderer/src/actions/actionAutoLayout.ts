import { layoutLeftToRight } from '../canvas/autoLayout';
import type { Action } from './types';

export const actionAutoLayout: Action = {
  name: 'autoLayout',
  label: 'Auto-layout left to right',
  shortcut: 'Shift+L',
  keyTest: (event) => event.shiftKey && !event.ctrlKey && !event.metaKey && event.key.toLowerCase() === 'l',
  enabled: ({ diagram }) => diagram.nodes.length > 0,
  perform: async ({ diagram, flow }) => {
    const moves = await layoutLeftToRight(diagram.nodes, diagram.edges);
    if (diagram.perform({ kind: 'moveNodes', moves })) requestAnimationFrame(() => void flow.fitView({ padding: 0.2, duration: 200 }));
  },
};
