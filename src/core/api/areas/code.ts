import type { Diagnostic } from '../../diagnostics';
import { method, type JsonSchema } from '../schema';

/** The compiled root module of one environment, as terraform would get it. */
export interface CodePreview {
  /** File name → content; empty when the diagram has errors (see diagnostics). */
  files: Record<string, string>;
  diagnostics: Diagnostic[];
}

const id: JsonSchema = { type: 'string', minLength: 1, maxLength: 200 };

export const codeMethods = {
  'code.preview': method<{ projectId: string; environmentId: string }, CodePreview>(
    'Compiles a project for one environment without running anything: the root module files, read-only.',
    { type: 'object', properties: { projectId: id, environmentId: id }, required: ['projectId', 'environmentId'], additionalProperties: false },
  ),
};
