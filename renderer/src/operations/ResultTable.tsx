import type { QueryResult } from '../../../src/core/api/areas/query';

/** One query's rows as a table; nulls shown as such. */
export function ResultTable({ result }: { result: QueryResult }) {
  return (
    <>
      <p className="operations-note" role="status" aria-label="Query status">
        {result.rows.length} row{result.rows.length === 1 ? '' : 's'}
        {result.truncated ? ' (more rows exist: add a LIMIT or narrow the query)' : ''} in {Math.round(result.elapsedMs)} ms
      </p>
      <table aria-label="Query results">
        <thead>
          <tr>
            {result.columns.map((column, index) => (
              <th key={`${column}:${index}`} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.rows.map((row, rowIndex) => (
            <tr key={rowIndex}>
              {row.map((cell, index) => (
                <td key={index} className={cell === null ? 'operations-note' : undefined}>
                  {cell === null ? 'NULL' : String(cell)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
