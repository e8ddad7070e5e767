import type { EventName, MethodName, PayloadOf, RequestOf, ResponseOf } from './contract';
import type { Result } from './result';

/** What the Electron preload exposes as `window.driftless`: one function per method, plus event subscription. */
export type DriftlessBridge = {
  readonly methods: { readonly [M in MethodName]: (request: RequestOf<M>) => Promise<Result<ResponseOf<M>>> };
  subscribe<E extends EventName>(event: E, listener: (payload: PayloadOf<E>) => void): () => void;
};
