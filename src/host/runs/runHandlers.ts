import type { Handlers } from '../api/dispatcher';
import type { RunService } from './runService';

/** The `run` area's handlers over the run service. */
export function runHandlers(runs: RunService): Pick<Handlers, `run.${string}` & keyof Handlers> {
  return {
    'run.plan': (request) => runs.plan(request),
    'run.destroy': (request) => runs.destroy(request),
    'run.drift': (request) => runs.drift(request),
    'run.apply': (request) => runs.apply(request.runId),
    'run.cancel': (request) => runs.cancel(request.runId, request.kill ?? false),
    'run.list': (request) => runs.list(request.environmentId, request),
    'run.get': (request) => runs.get(request.runId),
    'run.output': (request) => runs.output(request.runId, request.fromSeq ?? 0),
    'run.ack': (request) => runs.ack(request.runId, request.characters),
    'run.shell': (request) => runs.shell(request),
    'run.input': (request) => runs.input(request.runId, request.data),
    'run.resize': (request) => runs.resize(request.runId, request.cols, request.rows),
    'run.outputs': (request) => runs.outputs(request.runId),
  };
}
