import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/** The machine's CPU counters (all cores, in clock ticks) from /proc/stat; `undefined` off Linux. */
function counters(): { busy: number; total: number } | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const idle = fields[3]! + fields[4]!; // idle + iowait
    const total = fields.reduce((sum, value) => sum + value, 0);
    return { busy: total - idle, total };
  } catch {
    return undefined;
  }
}

/**
 * Runs `work` and reports how many cores the whole machine kept busy meanwhile (every process,
 * the kernel included): a figure near the core count means the case was bound by this machine's CPU.
 */
export async function withBusyCores<T>(work: () => Promise<T>): Promise<{ value: T; busyCores: number | undefined }> {
  const before = counters();
  const value = await work();
  const after = counters();
  if (!before || !after || after.total === before.total) return { value, busyCores: undefined };
  return { value, busyCores: ((after.busy - before.busy) / (after.total - before.total)) * availableParallelism() };
}
