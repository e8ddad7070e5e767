import { contextBridge, ipcRenderer } from 'electron';
import type { DriftlessBridge } from '../src/core/api/bridge';
import { channelOf, eventChannelOf, isEventName, methodNames } from '../src/core/api/contract';

// One function per API method; the renderer never sees ipcRenderer itself.
const methods = Object.fromEntries(
  methodNames.map((method) => [method, (request: unknown) => ipcRenderer.invoke(channelOf(method), request)]),
) as DriftlessBridge['methods'];

const bridge: DriftlessBridge = {
  methods,
  subscribe(event, listener) {
    if (!isEventName(event)) throw new Error(`Unknown event "${String(event)}"`);
    const channel = eventChannelOf(event);
    const handler = (_: Electron.IpcRendererEvent, payload: unknown) => listener(payload as never);
    ipcRenderer.on(channel, handler);
    if (ipcRenderer.listenerCount(channel) === 1) ipcRenderer.send('events:subscribe', event, true);
    return () => {
      ipcRenderer.removeListener(channel, handler);
      if (ipcRenderer.listenerCount(channel) === 0) ipcRenderer.send('events:subscribe', event, false);
    };
  },
};

contextBridge.exposeInMainWorld('driftless', bridge);
