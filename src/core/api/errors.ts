/** Every error code an API call can answer with. Operational failures carry one of these; user mistakes are diagnostics. */
export type ErrorCode =
  | 'invalid_request'
  | 'unknown_method'
  | 'not_found'
  | 'conflict'
  | 'unavailable'
  | 'timeout'
  | 'internal';

export interface ApiError {
  code: ErrorCode;
  message: string;
}

/** Thrown by a service for an operational failure; the host turns it into `{ok:false, error}`. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}
