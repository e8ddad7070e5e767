import { useState } from 'react';
import type { LockSummary } from '../../../src/core/api/areas/state';
import { useApi } from '../api/ApiContext';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { formatTime } from './formatSize';

/** The environment's state lock (who, doing what, since when), with force-unlock after confirmation. */
export function LockStatus({ environmentName, lock, onChanged }: { environmentName: string; lock?: LockSummary; onChanged: () => void }) {
  const api = useApi();
  const [asking, setAsking] = useState(false);
  const [message, setMessage] = useState<string>();
  if (!lock)
    return (
      <section className="state-lock" aria-label="State lock">
        <p className="empty">{environmentName}'s state is not locked.</p>
      </section>
    );
  const release = async () => {
    setAsking(false);
    const answer = await api.call('state.forceUnlock', { environmentId: lock.environmentId, lockId: lock.lockId, confirm: true });
    setMessage(answer.ok ? (answer.value.released ? 'The lock was released.' : 'That lock was no longer held.') : answer.error.message);
    onChanged();
  };
  const arm = async () => {
    const answer = await api.call('state.armForceUnlock', { environmentId: lock.environmentId });
    setMessage(
      answer.ok
        ? `Until ${formatTime(answer.value.expiresAt)}, \`terraform force-unlock ${answer.value.lockId}\` may release this lock.`
        : answer.error.message,
    );
  };
  return (
    <section className="state-lock" aria-label="State lock">
      <p>
        Locked by <strong>{lock.who || 'unknown'}</strong> for <strong>{lock.operation || 'an operation'}</strong> since {formatTime(lock.since)}{' '}
        <small className="empty">
          (lock {lock.lockId}
          {lock.version ? `, terraform ${lock.version}` : ''})
        </small>
      </p>
      <button type="button" className="danger" onClick={() => setAsking(true)}>
        Force unlock
      </button>{' '}
      <button type="button" onClick={() => void arm()}>
        Allow terraform force-unlock
      </button>
      {message && <p role="status">{message}</p>}
      {asking && (
        <ConfirmDialog title="Force unlock state" confirmLabel="Force unlock" onConfirm={() => void release()} onKeep={() => setAsking(false)}>
          <p>
            Release {environmentName}'s state lock held by {lock.who || 'unknown'} ({lock.operation || 'an operation'})? If that terraform is still running, its
            writes and another run's can overwrite each other.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
