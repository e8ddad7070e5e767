import { copySelection } from '../clipboard/diagramClipboard';
import { writeClipboard } from '../clipboard/systemClipboard';
import { isMod, selectedNodeIds, type Action } from './types';

export const actionCopy: Action = {
  name: 'copy',
  label: 'Copy selection',
  shortcut: 'Ctrl+C',
  keyTest: (event) => isMod(event) && !event.shiftKey && event.key.toLowerCase() === 'c',
  enabled: (context) => selectedNodeIds(context).length > 0,
  perform: async (context) => {
    if (!context.diagram.project) return;
    await writeClipboard(copySelection(context.diagram.project, selectedNodeIds(context), context.diagram.catalog));
    context.diagram.setNotice(`Copied ${selectedNodeIds(context).length} node(s) as diagram JSON.`);
  },
};
