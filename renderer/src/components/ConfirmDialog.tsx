import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';

/**
 * Asks before an action that cannot be taken back; Escape or the keep button (focused first)
 * closes it without acting. Drawn over the whole page (a portal): panels clip their content.
 */
export function ConfirmDialog(props: { title: string; confirmLabel: string; keepLabel?: string; children: ReactNode; onConfirm: () => void; onKeep: () => void }) {
  return createPortal(
    <div className="overlay">
      <div className="dialog" role="alertdialog" aria-modal="true" aria-label={props.title} onKeyDown={(event) => event.key === 'Escape' && props.onKeep()}>
        <h2>{props.title}</h2>
        {props.children}
        <div className="dialog-buttons">
          <button type="button" onClick={props.onKeep} autoFocus>
            {props.keepLabel ?? 'Cancel'}
          </button>
          <button type="button" className="danger" onClick={props.onConfirm}>
            {props.confirmLabel}
          </button>
        </div>
      </div>
    </div>,
    document.body,
  );
}
