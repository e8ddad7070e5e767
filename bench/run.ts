// `npm run bench [-- --json] [-- name-filter]`: runs every bench/*.bench.ts and prints one table of
// figures, each with its ratio to a baseline measured in the same run.
import { readdirSync } from 'node:fs';
import type { Benchmark, Measurement } from './harness';

const args = process.argv.slice(2);
const json = args.includes('--json');
const filters = args.filter((arg) => !arg.startsWith('--'));
const dir = new URL('.', import.meta.url);
const files = readdirSync(dir)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
  .sort();

interface Row extends Measurement {
  benchmark: string;
  ratio?: number;
}

const rows: Row[] = [];
for (const file of files) {
  const benchmark = (await import(new URL(file, dir).href)).default as Benchmark;
  if (!json) process.stderr.write(`running ${benchmark.name}…\n`);
  const measurements = await benchmark.run();
  for (const measurement of measurements) {
    const baseline = measurements.find((candidate) => candidate.case === measurement.baseline);
    rows.push({ benchmark: benchmark.name, ...measurement, ratio: baseline ? measurement.value / baseline.value : undefined });
  }
}

if (json) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  const table = rows.map((row) => ({
    benchmark: row.benchmark,
    case: row.case,
    value: `${row.value < 10 ? row.value.toFixed(3) : row.value.toFixed(1)} ${row.unit}`,
    ratio: row.ratio === undefined ? '' : `${row.ratio.toFixed(2)}× ${row.baseline}`,
    target: row.target ?? '',
  }));
  console.table(table);
}
process.exit(0);
