import type { BatchPlanResponse, CellChange } from '../../core/api/areas/batch';
import type { RunStarted } from '../../core/api/areas/run';
import { ApiFailure } from '../../core/api/errors';
import type { DiagramEdit } from '../../core/diagram/edits';
import type { ProjectService } from '../projects/projectService';
import type { RunService } from '../runs/runService';

/** Batch changes across environments: one edit of many overrides, a plan per affected environment, applies only when confirmed. */
export function createBatchService(options: { projects: ProjectService; runs: RunService }) {
  const { projects, runs } = options;

  async function plan(projectId: string, changes: CellChange[]): Promise<BatchPlanResponse> {
    const { project } = await projects.get(projectId);
    const edits: DiagramEdit[] = changes.map((change) => ({ kind: 'setOverride', environmentId: change.environmentId, nodeId: change.nodeId, param: change.param, value: change.value }));
    // One batch: all cells are written in one transaction, or none (the diagnostics say which edit is wrong).
    const outcome = await projects.apply(projectId, { kind: 'batch', edits });
    if (!outcome.applied) return { applied: false, revision: outcome.revision, plans: [], diagnostics: outcome.diagnostics };
    const environments = project.environments.map((environment) => environment.id).filter((environmentId) => changes.some((change) => change.environmentId === environmentId));
    const plans = [];
    for (const environmentId of environments) plans.push({ environmentId, started: await runs.plan({ projectId, environmentId }) });
    return { applied: true, revision: outcome.revision, inverse: outcome.inverse, plans, diagnostics: outcome.diagnostics };
  }

  /** Applies each confirmed plan (by run id); each must be a planned, not yet applied run. */
  function apply(runIds: string[]): { applies: RunStarted[] } {
    const environments = runIds.map((runId) => runs.get(runId).environmentId);
    if (new Set(environments).size !== environments.length) throw new ApiFailure('conflict', 'Two of these runs are plans of one environment. Confirm one plan per environment.');
    return { applies: runIds.map((runId) => runs.apply(runId)) };
  }

  return { plan, apply };
}

export type BatchService = ReturnType<typeof createBatchService>;
