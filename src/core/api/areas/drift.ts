import type { DiagramEdit } from '../../diagram/edits';
import type { Diagnostic } from '../../diagnostics';
import { event, method, type JsonSchema } from '../schema';
import type { RunStarted } from './run';

/** One resource that no longer matches what Driftless applied. */
export interface DriftedResource {
  address: string;
  type: string;
  /** `outside`: the refresh saw reality change; `state`: the recorded state no longer matches the unchanged diagram. */
  source: 'outside' | 'state';
  /** Top-level attributes whose values differ (masked values are never compared). */
  attributes: string[];
}

/** A param edit that would make the next plan clean after Accept; applied only when confirmed. */
export interface ParamSuggestion {
  nodeId: string;
  param: string;
  /** The value the environment plans with now. */
  from: unknown;
  /** The value reality has. */
  to: unknown;
  /** The resource attribute the value was traced through. */
  attribute: string;
  address: string;
  edit: DiagramEdit;
}

/** The result of a drift check of one environment. */
export interface DriftReport {
  projectId: string;
  environmentId: string;
  /** The refresh-only plan: apply it (Accept) so state records reality. */
  driftRunId: string;
  /** The normal plan: apply it (Revert) to put reality back as the diagram says. */
  planRunId: string;
  /** False when a run failed: see `message` and the runs' output. */
  ok: boolean;
  message?: string;
  drifted: boolean;
  /** Drifted resources per node id (badges: a node is drifted when it has an entry). */
  nodes: Record<string, DriftedResource[]>;
  suggestions: ParamSuggestion[];
  checkedAt: string;
}

export interface DriftSchedule {
  projectId: string;
  environmentId: string;
  /** Minutes between checks while the app runs; null = off. */
  intervalMinutes: number | null;
}

const id: JsonSchema = { type: 'string', minLength: 1, maxLength: 200 };
const environment: JsonSchema = {
  type: 'object',
  properties: { projectId: id, environmentId: id },
  required: ['projectId', 'environmentId'],
  additionalProperties: false,
};

export const driftMethods = {
  'drift.check': method<{ projectId: string; environmentId: string }, DriftReport>(
    'Checks one environment for drift (a refresh-only plan and a normal plan); answers once both have finished.',
    environment,
  ),
  'drift.accept': method<{ driftRunId: string; planRunId: string; applyParamEdits?: boolean }, { apply: RunStarted; suggestions: ParamSuggestion[]; paramEditsApplied: boolean; diagnostics: Diagnostic[] }>(
    'Accept: applies the refresh-only plan so state records reality; applies the suggested param edits only with applyParamEdits:true.',
    {
      type: 'object',
      properties: { driftRunId: id, planRunId: id, applyParamEdits: { type: 'boolean' } },
      required: ['driftRunId', 'planRunId'],
      additionalProperties: false,
    },
  ),
  'drift.revert': method<{ planRunId: string }, RunStarted>(
    'Revert: applies the normal plan of a drift check, putting reality back as the diagram says.',
    { type: 'object', properties: { planRunId: id }, required: ['planRunId'], additionalProperties: false },
  ),
  'drift.schedule.get': method<{ projectId: string; environmentId: string }, DriftSchedule>('The drift check schedule of an environment (off by default).', environment),
  'drift.schedule.set': method<DriftSchedule, DriftSchedule>('Checks an environment for drift every intervalMinutes while the app runs; null turns it off.', {
    type: 'object',
    properties: { projectId: id, environmentId: id, intervalMinutes: { anyOf: [{ type: 'integer', minimum: 1, maximum: 10_080 }, { type: 'null' }] } },
    required: ['projectId', 'environmentId', 'intervalMinutes'],
    additionalProperties: false,
  }),
};

export const driftEvents = {
  'drift.checked': event<DriftReport>('A drift check (scheduled or requested) finished.'),
};
