/** Run ids of the shells this window opened: their output belongs to the Shell tab, not the run terminal. */
const shells = new Set<string>();

export function claimShellRun(runId: string): void {
  shells.add(runId);
}

export function releaseShellRun(runId: string): void {
  shells.delete(runId);
}

/** Is this run a shell of this window (so the run terminal neither shows nor acknowledges its output)? */
export function isShellRun(runId: string): boolean {
  return shells.has(runId);
}
