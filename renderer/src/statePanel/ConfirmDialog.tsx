import type { ReactNode } from 'react';

/** Asks before an action that cannot be taken back; Escape or Cancel closes it without acting. */
export function ConfirmDialog(props: { title: string; confirmLabel: string; children: ReactNode; onConfirm: () => void; onCancel: () => void }) {
  return (
    <div className="overlay">
      <div className="dialog" role="alertdialog" aria-modal="true" aria-label={props.title} onKeyDown={(event) => event.key === 'Escape' && props.onCancel()}>
        <h2>{props.title}</h2>
        {props.children}
        <div className="dialog-buttons">
          <button type="button" onClick={props.onCancel} autoFocus>
            Cancel
          </button>
          <button type="button" className="danger" onClick={props.onConfirm}>
            {props.confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
