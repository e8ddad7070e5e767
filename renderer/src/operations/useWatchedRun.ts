import { useEffect, useState } from 'react';
import type { RunView } from '../../../src/core/api/areas/run';
import { useApi } from '../api/ApiContext';

const FINISHED = new Set(['planned', 'applied', 'succeeded', 'failed', 'stale', 'cancelled', 'interrupted']);

/** True once a run is no longer queued or running. */
export const runFinished = (run: RunView | undefined): boolean => Boolean(run && FINISHED.has(run.status));

/** Follows one run: its status while it runs, the whole run (summary, message) once it has finished. */
export function useWatchedRun(started: RunView | undefined): RunView | undefined {
  const api = useApi();
  // The latest view of the run followed now; a view of an earlier run is ignored.
  const [latest, setLatest] = useState<RunView>();
  useEffect(() => {
    if (!started) return;
    let live = true;
    const refresh = async () => {
      const answer = await api.call('run.get', { runId: started.id });
      if (live && answer.ok) setLatest(answer.value);
    };
    const off = api.subscribe('run.status', ({ runId, status }) => {
      if (runId !== started.id || !live) return;
      if (FINISHED.has(status)) void refresh();
      else setLatest((current) => ({ ...(current?.id === started.id ? current : started), status }));
    });
    // It may have finished before the subscription.
    void refresh();
    return () => {
      live = false;
      off();
    };
  }, [api, started]);
  return latest && latest.id === started?.id ? latest : started;
}
