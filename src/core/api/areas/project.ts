import type { DiagramEdit } from '../../diagram/edits';
import type { Diagnostic } from '../../diagnostics';
import type { Project } from '../../model/diagram';
import { emptyRequest, method, type JsonSchema } from '../schema';

/** A project in a list: no diagram. `revision` counts the edits saved. */
export interface ProjectSummary {
  id: string;
  name: string;
  revision: number;
  createdAt: string;
  updatedAt: string;
}

/** A project with the diagnostics of its whole diagram. */
export interface ProjectView {
  project: Project;
  revision: number;
  diagnostics: Diagnostic[];
}

export type ApplyResponse =
  /** Saved as `revision`; send `inverse` to undo exactly (and the inverse's inverse to redo). */
  | { applied: true; revision: number; inverse: DiagramEdit; diagnostics: Diagnostic[] }
  /** Not applied, nothing written: the diagnostics say why. */
  | { applied: false; revision: number; diagnostics: Diagnostic[] };

export interface SecretSlotRequest {
  projectId: string;
  nodeId: string;
  param: string;
  /** Unset: the value for every environment; set: this environment's own value. */
  environmentId?: string;
}

export type ImportResponse =
  | { imported: true; projectId: string; name: string; diagnostics: Diagnostic[] }
  /** Nothing was imported; every problem is listed, each with its JSON pointer. */
  | { imported: false; diagnostics: Diagnostic[] };

/** The largest diagram file text accepted (characters). */
export const MAX_DIAGRAM_FILE_CHARS = 20_000_000;

const id: JsonSchema = { type: 'string', minLength: 1, maxLength: 200 };
const name: JsonSchema = { type: 'string', minLength: 1, maxLength: 200 };
const byId: JsonSchema = { type: 'object', properties: { id }, required: ['id'], additionalProperties: false };
const slot = { projectId: id, nodeId: id, param: { type: 'string', minLength: 1, maxLength: 500 }, environmentId: id };

export const projectMethods = {
  'project.list': method<Record<string, never>, { projects: ProjectSummary[] }>('Every project, by name.', emptyRequest),
  'project.create': method<{ name: string; environments?: string[] }, ProjectView>(
    'Creates an empty project with one embedded-state environment per name (default: "default").',
    {
      type: 'object',
      properties: { name, environments: { type: 'array', items: name, minItems: 1, maxItems: 50, uniqueItems: true } },
      required: ['name'],
      additionalProperties: false,
    },
  ),
  'project.get': method<{ id: string }, ProjectView>('A project with the diagnostics of its whole diagram.', byId),
  'project.delete': method<{ id: string }, { deleted: true }>('Deletes a project with its environments, secrets and history.', byId),
  'project.export': method<{ id: string }, { fileName: string; text: string }>(
    'The project as a *.driftless.json file (secrets only as "set").',
    byId,
  ),
  'project.import': method<{ text: string; name?: string }, ImportResponse>(
    'Imports a *.driftless.json file as a new project: all or nothing.',
    {
      type: 'object',
      properties: { text: { type: 'string', maxLength: MAX_DIAGRAM_FILE_CHARS }, name },
      required: ['text'],
      additionalProperties: false,
    },
  ),
  'diagram.apply': method<{ projectId: string; edit: DiagramEdit; baseRevision?: number }, ApplyResponse>(
    'Applies one edit in one transaction; answers with the diagnostics of the whole diagram.',
    {
      type: 'object',
      properties: {
        projectId: id,
        // The pure applyEdit checks the rest of an edit and answers with diagnostics.
        edit: { type: 'object', properties: { kind: { type: 'string', minLength: 1, maxLength: 100 } }, required: ['kind'] },
        baseRevision: { type: 'integer', minimum: 0 },
      },
      required: ['projectId', 'edit'],
      additionalProperties: false,
    },
  ),
  'secret.set': method<SecretSlotRequest & { value: string | null }, { diagnostics: Diagnostic[] }>(
    'Stores a sensitive param encrypted (null clears it). The value is never returned.',
    {
      type: 'object',
      properties: { ...slot, value: { anyOf: [{ type: 'string', maxLength: 65536 }, { type: 'null' }] } },
      required: ['projectId', 'nodeId', 'param', 'value'],
      additionalProperties: false,
    },
  ),
  'secret.clear': method<SecretSlotRequest, { diagnostics: Diagnostic[] }>('Forgets a sensitive param\'s value.', {
    type: 'object',
    properties: slot,
    required: ['projectId', 'nodeId', 'param'],
    additionalProperties: false,
  }),
};
