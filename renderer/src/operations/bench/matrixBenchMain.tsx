// Benchmark page (bench/batchMatrix.bench.ts): renders the batch matrix, or a plain table of the same
// cell texts, `rounds` times and publishes the median time from render to the next painted frame.
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { Project } from '../../../../src/core/model/diagram';
import { MatrixTable } from '../MatrixTable';
import { shownValue } from '../../environments/shownValue';
import { buildMatrix, type MatrixRow } from '../matrixModel';

const search = new URLSearchParams(location.search);
const mode = search.get('mode') ?? 'matrix';
const nodeCount = Number(search.get('nodes') ?? 500);
const environmentCount = Number(search.get('environments') ?? 5);
const rounds = Number(search.get('rounds') ?? 15);

function project(): Project {
  const environments = Array.from({ length: environmentCount }, (_, index) => ({
    id: `e${index}`,
    name: `env-${index}`,
    providers: {},
    backend: { type: 'embedded' as const },
    // Every other node overridden in every other environment: a realistic mix of sources.
    overrides: Object.fromEntries(Array.from({ length: nodeCount }, (_, node) => [`n${node}`, { instance_class: `db.r6g.${node % 3 === index % 3 ? 'large' : 'xlarge'}` }]).filter((_, node) => node % 2 === index % 2)),
  }));
  const nodes = Array.from({ length: nodeCount }, (_, index) => ({ id: `n${index}`, name: `db_${index}`, bundle: 'aws-rds-postgres@1.0.0', position: { x: 0, y: 0 }, params: { instance_class: 'db.t3.micro' } }));
  return { id: 'bench', name: 'bench', diagram: { nodes, edges: [] }, environments } as unknown as Project;
}

function PlainTable({ rows, names }: { rows: MatrixRow[]; names: string[] }) {
  return (
    <table>
      <thead>
        <tr>
          <th>Node</th>
          {names.map((name) => (
            <th key={name}>{name}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.nodeId}>
            <th>{row.node}</th>
            {row.cells.map((cell) => (
              <td key={cell.environmentId}>{shownValue(cell)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

async function main() {
  const source = project();
  const names = source.environments.map((environment) => environment.name);
  const times: number[] = [];
  const container = document.getElementById('root')!;
  for (let round = 0; round < rounds; round++) {
    const root = createRoot(container);
    const start = performance.now();
    // The matrix includes building its rows from the project (what the view does on every change).
    const rows = buildMatrix(source, 'aws-rds-postgres', 'instance_class');
    flushSync(() =>
      root.render(mode === 'plain' ? <PlainTable rows={rows} names={names} /> : <MatrixTable param="instance_class" rows={rows} environments={source.environments} selected={new Set()} onSelect={() => undefined} />),
    );
    await nextFrame();
    times.push(performance.now() - start);
    root.unmount();
  }
  times.sort((a, b) => a - b);
  (window as { benchResult?: number }).benchResult = times[Math.floor(times.length / 2)];
}

void main();
