import { useFileDiffStore } from '../diffView/fileDiffStore';
import { pickFile } from '../files/fileTransfer';
import { useUiStore } from '../state/uiStore';
import type { Action } from './types';

export const actionCompareWithFile: Action = {
  name: 'compareWithFile',
  label: 'Compare with file…',
  enabled: ({ diagram }) => Boolean(diagram.project),
  perform: async () => {
    const file = await pickFile('.json,application/json');
    if (!file) return;
    useFileDiffStore.getState().compare(file.name, file.text);
    useUiStore.getState().set({ bottomTab: 'Diff' });
  },
};
