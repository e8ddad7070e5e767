import { create } from 'zustand';
import { diffProjects, type DiagramChange } from '../../../src/core/diagramFile/diff';
import { parseDiagramFile } from '../../../src/core/diagramFile/parse';
import { useDiagramStore } from '../state/diagramStore';

/** The last "Compare with file…": the file's name and its changes against the open project, or why it could not be read. */
export interface FileDiffState {
  fileName?: string;
  changes?: DiagramChange[];
  problems?: string[];
  compare(fileName: string, text: string): void;
  clear(): void;
}

export const useFileDiffStore = create<FileDiffState>((set) => ({
  compare: (fileName, text) => {
    const project = useDiagramStore.getState().project;
    if (!project) return set({ fileName, changes: undefined, problems: ['No project is open: open one to compare it with a file.'] });
    const parsed = parseDiagramFile(text, fileName);
    if ('diagnostics' in parsed) {
      return set({ fileName, changes: undefined, problems: parsed.diagnostics.map((diagnostic) => diagnostic.message) });
    }
    // From the open project to the file: what taking the file would change.
    set({ fileName, changes: diffProjects(project, parsed.project), problems: undefined });
  },
  clear: () => set({ fileName: undefined, changes: undefined, problems: undefined }),
}));
