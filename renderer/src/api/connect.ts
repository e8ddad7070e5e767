import type { DriftlessBridge } from '../../../src/core/api/bridge';
import type { ApiClient } from '../../../src/core/api/client';
import { connectWebSocket } from './webSocketClient';

declare global {
  interface Window {
    driftless?: DriftlessBridge;
  }
}

/** The API client of this window: the preload's bridge in Electron, the WebSocket in the web shell. */
export function connectApi(): ApiClient {
  const bridge = window.driftless;
  if (bridge) {
    return {
      call: (method, request) => bridge.methods[method](request as never) as never,
      subscribe: (event, listener) => bridge.subscribe(event, listener),
    };
  }
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return connectWebSocket(`${scheme}//${location.host}/api`);
}
