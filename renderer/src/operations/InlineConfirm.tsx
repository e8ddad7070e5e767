import type { ReactNode } from 'react';

/** A confirmation row inside a panel: the question, then Confirm and Cancel (for actions that change infrastructure). */
export function InlineConfirm(props: { label: string; confirmText: string; disabled?: boolean; onConfirm(): void; onCancel(): void; children: ReactNode }) {
  const { label, confirmText, disabled, onConfirm, onCancel, children } = props;
  return (
    <div role="group" aria-label={label}>
      <p>{children}</p>
      <button type="button" onClick={onConfirm} disabled={disabled}>
        {confirmText}
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
