import type { ApiError, ErrorCode } from './errors';

/** What every API call answers: plain data, because thrown errors do not survive Electron's invoke. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** A successful result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** A failed result with a code and a message that says what to do. */
export function fail<T = never>(code: ErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}
