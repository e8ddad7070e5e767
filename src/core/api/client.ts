import type { EventName, MethodName, PayloadOf, RequestOf, ResponseOf } from './contract';
import type { Result } from './result';

/** The typed API as the renderer (or any client) sees it, whatever the transport. */
export interface ApiClient {
  call<M extends MethodName>(method: M, request: RequestOf<M>): Promise<Result<ResponseOf<M>>>;
  /** Starts delivering `event` to `listener`; returns the unsubscribe function. */
  subscribe<E extends EventName>(event: E, listener: (payload: PayloadOf<E>) => void): () => void;
}
