import type { Environment } from '../../../src/core/model/diagram';
import { shownValue } from '../environments/shownValue';
import { cellKey, type MatrixRow } from './matrixModel';

interface MatrixTableProps {
  param: string;
  rows: MatrixRow[];
  environments: Environment[];
  selected: ReadonlySet<string>;
  onSelect(selected: ReadonlySet<string>): void;
}

const isSecret = (value: unknown) => value !== null && typeof value === 'object' && '$secret' in value;

/** The param's effective value per node (rows) × environment (columns); cells toggle selection, headers select a column. */
export function MatrixTable({ param, rows, environments, selected, onSelect }: MatrixTableProps) {
  const toggle = (keys: string[]) => {
    const next = new Set(selected);
    const all = keys.every((key) => next.has(key));
    for (const key of keys) {
      if (all) next.delete(key);
      else next.add(key);
    }
    onSelect(next);
  };
  const selectable = (row: MatrixRow, environmentId: string) => !isSecret(row.cells.find((cell) => cell.environmentId === environmentId)?.value);
  return (
    <table aria-label={`Matrix of ${param}`} className="matrix">
      <thead>
        <tr>
          <th scope="col">
            <button type="button" aria-label="Select every cell" onClick={() => toggle(rows.flatMap((row) => environments.filter((environment) => selectable(row, environment.id)).map((environment) => cellKey(row.nodeId, environment.id))))}>
              Node
            </button>
          </th>
          {environments.map((environment) => (
            <th key={environment.id} scope="col">
              <button type="button" aria-label={`Select column ${environment.name}`} onClick={() => toggle(rows.filter((row) => selectable(row, environment.id)).map((row) => cellKey(row.nodeId, environment.id)))}>
                {environment.name}
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.nodeId}>
            <th scope="row">
              {row.node} <small className="operations-note">{row.bundle}</small>
            </th>
            {row.cells.map((cell, index) => {
              const key = cellKey(row.nodeId, cell.environmentId);
              const environment = environments[index];
              return (
                <td key={cell.environmentId}>
                  <button
                    type="button"
                    className={`matrix-cell ${cell.source}`}
                    aria-pressed={selected.has(key)}
                    aria-label={`${param} of ${row.node} in ${environment?.name ?? cell.environmentId}`}
                    title={cell.source === 'override' ? 'Overridden in this environment' : cell.source === 'node' ? "The node's value" : 'Bundle default'}
                    disabled={isSecret(cell.value)}
                    onClick={() => toggle([key])}
                  >
                    {shownValue(cell)}
                  </button>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
