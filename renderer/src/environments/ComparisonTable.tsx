import type { Comparison } from '../../../src/core/environments/compare';
import { shownValue } from './shownValue';

/** Params of environments side by side, one column per environment; differing rows marked. */
export function ComparisonTable({ comparison, label }: { comparison: Comparison; label: string }) {
  return (
    <table className="comparison-table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Node</th>
          <th scope="col">Param</th>
          {comparison.environments.map((environment) => (
            <th key={environment.id} scope="col">
              {environment.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {comparison.rows.map((row) => (
          <tr key={`${row.nodeId}:${row.param}`} className={row.identical ? 'identical' : 'differs'}>
            <td>{row.node}</td>
            <th scope="row">{row.param}</th>
            {row.cells.map((cell) => (
              <td key={cell.environmentId} title={cell.source}>
                {shownValue(cell)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
