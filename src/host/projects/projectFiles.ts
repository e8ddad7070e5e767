import type { ImportResponse } from '../../core/api/areas/project';
import { ApiFailure } from '../../core/api/errors';
import type { ProjectService } from './projectService';

/** The project as a `*.driftless.json` file text. */
export function exportProject(service: ProjectService, id: string): { fileName: string; text: string } {
  void service;
  void id;
  throw new ApiFailure('unavailable', 'Export is not available yet.');
}

/** Imports a file as a new project, all or nothing. */
export function importProject(service: ProjectService, text: string, name?: string): ImportResponse {
  void service;
  void text;
  void name;
  throw new ApiFailure('unavailable', 'Import is not available yet.');
}
