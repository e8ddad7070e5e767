import type { DiagramEdit } from '../../diagram/edits';
import type { Diagnostic } from '../../diagnostics';
import type { DestroyTargets } from '../../destroy/destroyTargets';
import type { Comparison } from '../../environments/compare';
import { method, type JsonSchema } from '../schema';

export interface ForkResponse {
  applied: boolean;
  /** The new environment's id, when applied. */
  environmentId?: string;
  revision: number;
  /** Environment-specific secrets copied (only with `copySecrets`). */
  secretsCopied: number;
  diagnostics: Diagnostic[];
}

export interface PromoteResponse {
  /** The edits of the target environment, to review; applied as one batch only with `confirm`. */
  edits: DiagramEdit[];
  applied: boolean;
  revision?: number;
  diagnostics: Diagnostic[];
}

const id: JsonSchema = { type: 'string', minLength: 1, maxLength: 200 };
const revision: JsonSchema = { type: 'integer', minimum: 0 };
const nodeRequest: JsonSchema = { type: 'object', properties: { projectId: id, nodeId: id }, required: ['projectId', 'nodeId'], additionalProperties: false };

export const environmentMethods = {
  'environment.fork': method<{ projectId: string; environmentId: string; name: string; copySecrets?: boolean; baseRevision?: number }, ForkResponse>(
    "A new environment with a copy of one's provider settings and overrides; never its state, and its secrets only with copySecrets.",
    {
      type: 'object',
      properties: { projectId: id, environmentId: id, name: { type: 'string', minLength: 1, maxLength: 100 }, copySecrets: { type: 'boolean' }, baseRevision: revision },
      required: ['projectId', 'environmentId', 'name'],
      additionalProperties: false,
    },
  ),
  'environment.compare': method<{ projectId: string; environmentIds?: string[]; hideIdentical?: boolean }, Comparison>(
    'Params and effective values of environments side by side (default: all of the project).',
    {
      type: 'object',
      properties: { projectId: id, environmentIds: { type: 'array', items: id, minItems: 1, maxItems: 50, uniqueItems: true }, hideIdentical: { type: 'boolean' } },
      required: ['projectId'],
      additionalProperties: false,
    },
  ),
  'environment.promote': method<{ projectId: string; nodeId: string; from: string; to: string; confirm?: boolean; baseRevision?: number }, PromoteResponse>(
    "The edits that take a node's params from one environment to another; applied only with confirm.",
    {
      type: 'object',
      properties: { projectId: id, nodeId: id, from: id, to: id, confirm: { type: 'boolean' }, baseRevision: revision },
      required: ['projectId', 'nodeId', 'from', 'to'],
      additionalProperties: false,
    },
  ),
  'environment.destroyTargets': method<{ projectId: string; nodeId: string }, DestroyTargets & { nodes: string[] }>(
    'A node and everything that depends on it: what destroying it takes with it.',
    nodeRequest,
  ),
};
