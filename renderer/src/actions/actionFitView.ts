import type { Action } from './types';

export const actionFitView: Action = {
  name: 'fitView',
  label: 'Fit diagram to view',
  shortcut: 'Shift+1',
  keyTest: (event) => event.shiftKey && (event.key === '!' || event.code === 'Digit1'),
  perform: ({ flow }) => void flow.fitView({ padding: 0.2, duration: 200 }),
};
