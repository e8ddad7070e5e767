import { useState } from 'react';
import type { RunView } from '../../../src/core/api/areas/run';
import { useRunStore } from './runStore';
import { ConfirmDialog } from '../components/ConfirmDialog';

/** The state lock a cancelled, killed or interrupted run left behind, with force-unlock after confirmation. */
export function LockLeft({ run }: { run: RunView }) {
  const api = useRunStore((state) => state.api);
  const [asking, setAsking] = useState(false);
  const [message, setMessage] = useState<string>();
  const lock = run.lockLeft;
  if (!lock || !api) return null;
  const release = async () => {
    setAsking(false);
    const answer = await api.call('state.forceUnlock', { environmentId: run.environmentId, lockId: lock.lockId, confirm: true });
    setMessage(answer.ok ? (answer.value.released ? 'The lock was released.' : 'That lock was no longer held.') : answer.error.message);
  };
  return (
    <span className="run-lock-left">
      <button type="button" className="danger" aria-label={`Force unlock ${lock.lockId}`} title={`State lock ${lock.lockId} left by this ${run.kind}`} onClick={() => setAsking(true)}>
        Force unlock
      </button>
      {message && <span role="status"> {message}</span>}
      {asking && (
        <ConfirmDialog title="Force unlock state" confirmLabel="Force unlock" keepLabel="Keep the lock" onConfirm={() => void release()} onKeep={() => setAsking(false)}>
          <p>
            This {run.kind} ({run.status}) left the state lock {lock.lockId}
            {lock.who ? ` held by ${lock.who}` : ''}
            {lock.operation ? ` for ${lock.operation}` : ''}. Release it only when no terraform of this environment runs any more: two runs writing the state can overwrite each
            other.
          </p>
        </ConfirmDialog>
      )}
    </span>
  );
}
