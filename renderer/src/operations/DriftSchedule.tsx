import { useEffect, useState, type FormEvent } from 'react';
import { useApi } from '../api/ApiContext';

/** Automatic drift checks of one environment while Driftless runs: every N minutes, or off. Keyed by environment. */
export function DriftSchedule({ projectId, environmentId, environment }: { projectId: string; environmentId: string; environment: string }) {
  const api = useApi();
  const [interval, setIntervalMinutes] = useState<number | null>(null);
  const [draft, setDraft] = useState('');
  const [message, setMessage] = useState<string>();
  useEffect(() => {
    let live = true;
    void api.call('drift.schedule.get', { projectId, environmentId }).then((answer) => {
      if (!live) return;
      if (!answer.ok) return setMessage(answer.error.message);
      setIntervalMinutes(answer.value.intervalMinutes);
      setDraft(answer.value.intervalMinutes === null ? '' : String(answer.value.intervalMinutes));
    });
    return () => {
      live = false;
    };
  }, [api, projectId, environmentId]);
  const save = async (intervalMinutes: number | null) => {
    const answer = await api.call('drift.schedule.set', { projectId, environmentId, intervalMinutes });
    if (!answer.ok) return setMessage(answer.error.message);
    setMessage(undefined);
    setIntervalMinutes(answer.value.intervalMinutes);
    setDraft(answer.value.intervalMinutes === null ? '' : String(answer.value.intervalMinutes));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const minutes = Number(draft);
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 10_080) return setMessage('Give a whole number of minutes from 1 to 10080 (one week), or turn automatic checks off.');
    void save(minutes);
  };
  return (
    <form aria-label="Automatic drift checks" onSubmit={submit}>
      <label>
        Check every (minutes)
        <input type="number" min={1} max={10_080} step={1} value={draft} onChange={(event) => setDraft(event.target.value)} placeholder="off" />
      </label>
      <button type="submit">Save schedule</button>
      <button type="button" onClick={() => void save(null)} disabled={interval === null}>
        Turn off
      </button>
      <span role="status" aria-label="Schedule status" className="operations-note">
        {interval === null ? `Automatic checks of ${environment} are off.` : `Checks ${environment} every ${interval} minute${interval === 1 ? '' : 's'} while Driftless runs.`}
      </span>
      {message && <p className="operations-message">{message}</p>}
    </form>
  );
}
