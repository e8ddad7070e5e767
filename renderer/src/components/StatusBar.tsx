import { terraformLabel } from '../settings/terraformLabel';
import { useAppStore } from '../state/appStore';
import { useUiStore } from '../state/uiStore';
import { SaveStatus } from './SaveStatus';

/** Bottom line: version, terraform found or not, connection liveness. */
export function StatusBar() {
  const info = useAppStore((state) => state.info);
  const infoError = useAppStore((state) => state.infoError);
  const heartbeat = useAppStore((state) => state.heartbeat);
  const terraform = info ? terraformLabel(info.terraform) : '…';
  return (
    <footer className="status-bar" role="status" aria-label="Status bar">
      <span data-testid="app-version">{info ? `Driftless ${info.version}` : (infoError ?? 'Connecting…')}</span>
      <button
        type="button"
        className="status-button"
        data-testid="terraform-status"
        title={info && !info.terraform.found ? info.terraform.message : 'Terraform binary…'}
        onClick={() => useUiStore.getState().set({ terraformSetupOpen: true })}
      >
        {terraform}
      </button>
      <span data-testid="data-dir">{info?.dataDir}</span>
      <SaveStatus />
      <span data-testid="heartbeat" className="heartbeat" aria-label="Host heartbeat">
        {heartbeat ? `● live #${heartbeat.sequence}` : '○ waiting for host'}
      </span>
    </footer>
  );
}
