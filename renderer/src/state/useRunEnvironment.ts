import type { Environment } from '../../../src/core/model/diagram';
import { runEnvironment } from '../actions/runTarget';
import { useDiagramStore } from './diagramStore';
import { useUiStore } from './uiStore';

/** The environment runs act on (see runEnvironment), re-rendering when the project or the top bar's choice changes. */
export function useRunEnvironment(): Environment | undefined {
  useUiStore((state) => state.environmentId);
  return useDiagramStore((state) => runEnvironment({ diagram: state, ui: useUiStore.getState() }));
}
