import type { Handlers } from '../api/dispatcher';
import type { BatchService } from '../batch/batchService';
import type { DriftService } from './driftService';

/** The `drift` and `batch` areas' handlers. */
export function driftHandlers(drift: DriftService, batch: BatchService): Pick<Handlers, (`drift.${string}` | `batch.${string}`) & keyof Handlers> {
  return {
    'drift.check': (request) => drift.check(request.projectId, request.environmentId),
    'drift.accept': (request) => drift.accept(request.driftRunId, request.planRunId, request.applyParamEdits ?? false),
    'drift.revert': (request) => drift.revert(request.planRunId),
    'drift.schedule.get': (request) => drift.getSchedule(request.projectId, request.environmentId),
    'drift.schedule.set': (request) => drift.setSchedule(request),
    'batch.plan': (request) => batch.plan(request.projectId, request.changes),
    'batch.apply': (request) => batch.apply(request.runIds),
  };
}
