interface Job {
  runId: string;
  environmentId: string;
  start: () => Promise<void>;
}

/**
 * One active run per environment; runs of different environments in parallel, at most `limit`
 * at once. Waiting runs start in the order they were queued.
 */
export class RunQueue {
  private readonly waiting: Job[] = [];
  private readonly active = new Map<string, string>(); // environment id → run id

  constructor(private readonly limit: number) {}

  /** Queues a run; `start` is called when its turn comes. */
  enqueue(runId: string, environmentId: string, start: () => Promise<void>): void {
    this.waiting.push({ runId, environmentId, start });
    this.pump();
  }

  /** Drops a run that has not started; false when it is not waiting. */
  remove(runId: string): boolean {
    const index = this.waiting.findIndex((job) => job.runId === runId);
    if (index < 0) return false;
    this.waiting.splice(index, 1);
    return true;
  }

  isWaiting(runId: string): boolean {
    return this.waiting.some((job) => job.runId === runId);
  }

  /** The run active in an environment, if any. */
  activeIn(environmentId: string): string | undefined {
    return this.active.get(environmentId);
  }

  /** Resolves once nothing is active or waiting. */
  async idle(): Promise<void> {
    while (this.active.size > 0 || this.waiting.length > 0) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  private pump(): void {
    for (let index = 0; index < this.waiting.length && this.active.size < this.limit; ) {
      const job = this.waiting[index]!;
      if (this.active.has(job.environmentId)) {
        index++;
        continue;
      }
      this.waiting.splice(index, 1);
      this.active.set(job.environmentId, job.runId);
      void job
        .start()
        .catch(() => undefined) // the job records its own failure
        .finally(() => {
          this.active.delete(job.environmentId);
          this.pump();
        });
    }
  }
}
