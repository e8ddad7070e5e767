import { useEffect, useState } from 'react';
import type { ArtifactValue } from '../../../src/core/api/areas/run';
import { FINISHED, useRunStore } from './runStore';

/**
 * The artifact values of an environment's latest successful apply (terraform's outputs, checked
 * against their artifact types; sensitive ones carry no value), reloaded when the shown run ends.
 */
export function useArtifactValues(environmentId: string | undefined): ArtifactValue[] {
  const api = useRunStore((state) => state.api);
  // not on every live status event of an apply: once the run has ended
  const ended = useRunStore((state) => (state.run && FINISHED.has(state.run.status) ? `${state.run.id}:${state.run.status}` : ''));
  const [values, setValues] = useState<ArtifactValue[]>([]);
  useEffect(() => {
    if (!api || !environmentId) return;
    let live = true;
    void (async () => {
      const applies = await api.call('run.list', { environmentId, kind: 'apply', status: 'succeeded', limit: 1 });
      const latest = applies.ok ? applies.value.runs[0] : undefined;
      const outputs = latest ? await api.call('run.outputs', { runId: latest.id }) : undefined;
      if (live) setValues(outputs?.ok ? outputs.value.values : []);
    })();
    return () => {
      live = false;
    };
  }, [api, environmentId, ended]);
  return values;
}
