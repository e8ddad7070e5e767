/** Where live terminal output goes: the terminal registers one sink; chunks never pass through a store. */
export interface OutputSink {
  /** Writes run output; `done` is called once the terminal has processed it (for run.ack). */
  write(data: string, done: () => void): void;
  reset(): void;
}

let sink: OutputSink | undefined;
// Output that arrived before the terminal mounted.
let backlog: string[] = [];

/** The terminal view registers itself here; returns the function that unregisters it. */
export function attachSink(next: OutputSink): () => void {
  sink = next;
  const pending = backlog.join('');
  backlog = [];
  if (pending) next.write(pending, () => undefined);
  return () => {
    if (sink === next) sink = undefined;
  };
}

/** Sends output to the terminal (or keeps it until one is attached). */
export function writeOutput(data: string, done: () => void): void {
  if (sink) sink.write(data, done);
  else {
    backlog.push(data);
    done();
  }
}

/** Clears the terminal before a new run or a replay. */
export function resetOutput(): void {
  backlog = [];
  sink?.reset();
}
