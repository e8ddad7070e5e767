import { useState } from 'react';
import type { TerraformInfo } from '../../../src/core/api/areas/app';
import { useApi } from '../api/ApiContext';
import { useAppStore } from '../state/appStore';
import { useUiStore } from '../state/uiStore';

const sourceWords: Record<TerraformInfo['source'], string> = {
  launch: 'chosen at launch by DRIFTLESS_TERRAFORM',
  setting: 'chosen here',
  path: 'found on PATH',
};

/** Which terraform (or tofu) runs use, why it cannot be used, and choosing another — also the screen shown when none is found. */
export function TerraformSetup() {
  const open = useUiStore((state) => state.terraformSetupOpen);
  const terraform = useAppStore((state) => state.info?.terraform);
  if (!open || !terraform) return null;
  return <TerraformSetupDialog terraform={terraform} />;
}

function TerraformSetupDialog({ terraform }: { terraform: TerraformInfo }) {
  const api = useApi();
  const setTerraform = useAppStore((state) => state.setTerraform);
  const [path, setPath] = useState(terraform.source === 'setting' && terraform.found ? terraform.path : '');
  const [refused, setRefused] = useState<string>();
  const [busy, setBusy] = useState(false);
  const close = () => useUiStore.getState().set({ terraformSetupOpen: false });
  const locked = terraform.source === 'launch';

  const choose = async (chosen: string | null) => {
    setBusy(true);
    setRefused(undefined);
    const result = await api.call('app.chooseTerraform', { path: chosen });
    setBusy(false);
    if (!result.ok) return setRefused(result.error.message);
    if (result.value.found) setTerraform(result.value);
    else setRefused(`${result.value.message} Nothing was changed.`);
  };
  const checkAgain = async () => {
    const result = await api.call('app.info', {});
    if (result.ok) setTerraform(result.value.terraform);
  };

  return (
    <div className="overlay" onMouseDown={close}>
      <div className="dialog terraform-setup" role="dialog" aria-modal="true" aria-label="Terraform binary" onMouseDown={(event) => event.stopPropagation()} onKeyDown={(event) => event.key === 'Escape' && close()}>
        <h2>Terraform binary</h2>
        {terraform.found ? (
          <p role="status" data-testid="terraform-current">
            Runs use {terraform.binary} {terraform.version} at <code>{terraform.path}</code> ({sourceWords[terraform.source]}).
          </p>
        ) : (
          <p role="alert" data-testid="terraform-current">{terraform.message}</p>
        )}
        {locked ? (
          <p>Unset DRIFTLESS_TERRAFORM and restart Driftless to choose the binary here.</p>
        ) : (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (path.trim()) void choose(path.trim());
            }}
          >
            <label>
              Path to terraform or tofu (1.5 or newer)
              <input type="text" value={path} onChange={(event) => setPath(event.target.value)} placeholder="/usr/local/bin/terraform" spellCheck={false} autoFocus />
            </label>
            {refused && <p role="alert" className="terraform-refused">{refused}</p>}
            <div className="dialog-buttons">
              <button type="submit" disabled={busy || !path.trim()}>Use this binary</button>
              {terraform.source === 'setting' && (
                <button type="button" disabled={busy} onClick={() => void choose(null)}>Use terraform on PATH</button>
              )}
              <button type="button" onClick={() => void checkAgain()}>Check again</button>
              <button type="button" onClick={close}>Close</button>
            </div>
          </form>
        )}
        {locked && (
          <div className="dialog-buttons">
            <button type="button" onClick={close}>Close</button>
          </div>
        )}
      </div>
    </div>
  );
}
