import { useRunStore } from './runStore';
import { ConfirmDialog } from '../components/ConfirmDialog';

/** After a second cancel of a run that is still stopping: kill its terraform, once confirmed. */
export function KillConfirm() {
  const runId = useRunStore((state) => state.confirmKill);
  const kind = useRunStore((state) => state.run?.kind);
  if (!runId) return null;
  return (
    <ConfirmDialog
      title="Kill terraform"
      confirmLabel="Kill terraform now"
      keepLabel="Keep waiting"
      onConfirm={() => void useRunStore.getState().kill()}
      onKeep={() => useRunStore.getState().keepWaiting()}
    >
      <p>
        Terraform got Ctrl-C and is still finishing the {kind ?? 'run'} safely. Killing it now stops it at once: a resource can be left half made and the state lock held
        (Driftless then shows the lock with force-unlock).
      </p>
    </ConfirmDialog>
  );
}
