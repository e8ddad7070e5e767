import type { RunView } from '../../core/api/areas/run';
import type { EventHub } from '../api/eventHub';
import type { RunService } from '../runs/runService';

const pending = new Set(['queued', 'running']);

/** Resolves with the run once it is no longer queued or running (plans end `planned`, applies `succeeded`, or a failure). */
export function settledRun(runs: RunService, events: EventHub, runId: string): Promise<RunView> {
  return new Promise((resolve, reject) => {
    let unsubscribe = (): void => undefined;
    const check = (): boolean => {
      try {
        const run = runs.get(runId);
        if (pending.has(run.status)) return false;
        unsubscribe();
        resolve(run);
      } catch (error) {
        unsubscribe();
        reject(error as Error);
      }
      return true;
    };
    unsubscribe = events.subscribe('run.status', (payload) => {
      if (payload.runId === runId) check();
    });
    check();
  });
}
