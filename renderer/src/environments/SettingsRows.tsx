import type { SettingRow } from './environmentSettings';

/** A key/value editor: one row per setting; a value's label is `<label> <key>` so it can be found by its key. */
export function SettingsRows({ label, rows, onChange }: { label: string; rows: SettingRow[]; onChange(rows: SettingRow[]): void }) {
  const change = (index: number, patch: Partial<SettingRow>) => onChange(rows.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  return (
    <div className="settings-rows" role="group" aria-label={label}>
      {rows.map((row, index) => (
        <div className="settings-row" key={index}>
          <input aria-label={`${label} key ${index + 1}`} value={row.key} placeholder="key" spellCheck={false} onChange={(event) => change(index, { key: event.target.value })} />
          <input aria-label={row.key.trim() ? `${label} ${row.key.trim()}` : `${label} value ${index + 1}`} value={row.value} placeholder="value" spellCheck={false} onChange={(event) => change(index, { value: event.target.value })} />
          <button type="button" aria-label={`Remove ${label} ${row.key.trim() || `row ${index + 1}`}`} onClick={() => onChange(rows.filter((_, at) => at !== index))}>
            ×
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...rows, { key: '', value: '' }])}>
        Add setting
      </button>
    </div>
  );
}

/** Why the rows above cannot be saved, one line each (nothing when they can). */
export function SettingsProblems({ problems }: { problems: readonly string[] }) {
  if (problems.length === 0) return null;
  return (
    <ul role="alert" className="settings-problems">
      {problems.map((problem) => (
        <li key={problem}>{problem}</li>
      ))}
    </ul>
  );
}
