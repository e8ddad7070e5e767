import { pasteEdit } from '../clipboard/diagramClipboard';
import { readClipboard } from '../clipboard/systemClipboard';
import { useDiagramStore } from '../state/diagramStore';
import { isMod, type Action } from './types';

export const actionPaste: Action = {
  name: 'paste',
  label: 'Paste',
  shortcut: 'Ctrl+V',
  keyTest: (event) => isMod(event) && !event.shiftKey && event.key.toLowerCase() === 'v',
  perform: async () => {
    const text = await readClipboard();
    // Read the store again: the clipboard read is asynchronous.
    const diagram = useDiagramStore.getState();
    if (!diagram.project) return;
    const pasted = pasteEdit(text, diagram.project);
    if (!pasted) {
      diagram.setNotice('The clipboard holds no Driftless diagram file. Copy nodes first (Ctrl+C).');
      return;
    }
    if (diagram.perform(pasted.edit)) useDiagramStore.getState().select(pasted.ids);
  },
};
