/** One figure of a benchmark. `baseline` names the case (of the same benchmark) it is compared with. */
export interface Measurement {
  case: string;
  value: number;
  unit: string;
  baseline?: string;
  /** What the issue asks of the ratio, printed beside it (for example "≤ 1.5×"). */
  target?: string;
}

export interface Benchmark {
  name: string;
  run(): Promise<Measurement[]>;
}

/** Median time in milliseconds of `iterations` calls of `fn`, after a warm-up. */
export async function medianMs(fn: () => unknown, iterations = 50, warmup = 5): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
