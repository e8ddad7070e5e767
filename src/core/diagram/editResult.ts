import type { Diagnostic } from '../diagnostics';
import type { Project } from '../model/diagram';
import type { DiagramEdit } from './edits';

/** The outcome of an edit: the new project and the edit that undoes it, or why the edit does not apply. */
export type EditResult = { ok: true; project: Project; inverse: DiagramEdit } | { ok: false; diagnostics: Diagnostic[] };

/** An edit refused with one diagnostic. */
export function editFailure(diagnostic: Diagnostic): EditResult {
  return { ok: false, diagnostics: [diagnostic] };
}
