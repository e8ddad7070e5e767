import { isMethodName, type MethodName, type RequestOf, type ResponseOf } from '../../core/api/contract';
import { ApiFailure } from '../../core/api/errors';
import { fail, ok, type Result } from '../../core/api/result';
import { validateRequest } from './validateRequest';

/** One implementation per method of the contract; a missing one fails to compile. */
export type Handlers = {
  [M in MethodName]: (request: RequestOf<M>) => Promise<ResponseOf<M>> | ResponseOf<M>;
};

export interface Dispatcher {
  /** Validates and runs one call. Never throws: every failure is a result. */
  call(method: unknown, request: unknown): Promise<Result<unknown>>;
}

/** Binds the contract to its handlers, with validation in front of every one. */
export function createDispatcher(handlers: Handlers, onInternalError: (error: unknown) => void): Dispatcher {
  return {
    async call(method, request) {
      if (!isMethodName(method)) return fail('unknown_method', `Unknown API method "${String(method)}".`);
      const invalid = validateRequest(method, request);
      if (invalid) return { ok: false, error: invalid };
      try {
        const handler = handlers[method] as (request: unknown) => unknown;
        return ok(await handler(request));
      } catch (error) {
        if (error instanceof ApiFailure) return fail(error.code, error.message);
        onInternalError(error);
        const detail = error instanceof Error ? error.message : String(error);
        return fail('internal', `${method} failed unexpectedly: ${detail}`);
      }
    },
  };
}
