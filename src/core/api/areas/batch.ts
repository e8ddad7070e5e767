import type { DiagramEdit } from '../../diagram/edits';
import type { Diagnostic } from '../../diagnostics';
import { method, type JsonSchema } from '../schema';
import type { RunStarted } from './run';

/** One cell of the batch matrix: a param's new value for one node in one environment. */
export interface CellChange {
  nodeId: string;
  environmentId: string;
  param: string;
  value: unknown;
}

/** One environment's plan after a batch change, to review side by side. */
export interface BatchPlan {
  environmentId: string;
  started: RunStarted;
}

export interface BatchPlanResponse {
  /** False when the edits were refused (nothing written, nothing planned): see diagnostics. */
  applied: boolean;
  revision: number;
  /** The undo of the whole batch. */
  inverse?: DiagramEdit;
  plans: BatchPlan[];
  diagnostics: Diagnostic[];
}

const id: JsonSchema = { type: 'string', minLength: 1, maxLength: 200 };

export const batchMethods = {
  'batch.plan': method<{ projectId: string; changes: CellChange[] }, BatchPlanResponse>(
    'Writes many cells as one batch of overrides, then plans every affected environment; nothing is applied.',
    {
      type: 'object',
      properties: {
        projectId: id,
        changes: {
          type: 'array',
          minItems: 1,
          maxItems: 10_000,
          items: {
            type: 'object',
            properties: { nodeId: id, environmentId: id, param: id, value: {} },
            required: ['nodeId', 'environmentId', 'param', 'value'],
            additionalProperties: false,
          },
        },
      },
      required: ['projectId', 'changes'],
      additionalProperties: false,
    },
  ),
  'batch.apply': method<{ runIds: string[] }, { applies: RunStarted[] }>(
    'Applies the confirmed plans of a batch, one per environment (each like run.apply).',
    { type: 'object', properties: { runIds: { type: 'array', minItems: 1, maxItems: 100, items: id } }, required: ['runIds'], additionalProperties: false },
  ),
};
