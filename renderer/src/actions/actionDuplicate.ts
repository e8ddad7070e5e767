import { copySelection, pasteEdit } from '../clipboard/diagramClipboard';
import { isMod, selectedNodeIds, type Action } from './types';

export const actionDuplicate: Action = {
  name: 'duplicate',
  label: 'Duplicate selection',
  shortcut: 'Ctrl+D',
  keyTest: (event) => isMod(event) && event.key.toLowerCase() === 'd',
  enabled: (context) => selectedNodeIds(context).length > 0,
  perform: (context) => {
    const { project } = context.diagram;
    if (!project) return;
    const pasted = pasteEdit(copySelection(project, selectedNodeIds(context)), project);
    if (pasted && context.diagram.perform(pasted.edit)) context.diagram.select(pasted.ids);
  },
};
