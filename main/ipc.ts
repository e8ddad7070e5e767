import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channelOf, eventChannelOf, isEventName, methodNames, type EventName } from '../src/core/api/contract';
import { fail, type Result } from '../src/core/api/result';
import type { Host } from '../src/host/createHost';

/** The only file that touches ipcMain. Every message's sender frame is checked before the host sees it. */
export function bindApi(host: Host, isTrustedFrameUrl: (url: string) => boolean): () => void {
  const trusted = (event: { senderFrame: { url: string; parent: unknown } | null }) =>
    event.senderFrame !== null && event.senderFrame.parent === null && isTrustedFrameUrl(event.senderFrame.url);

  for (const method of methodNames) {
    ipcMain.handle(channelOf(method), (event: IpcMainInvokeEvent, request: unknown): Promise<Result<unknown>> | Result<unknown> => {
      if (!trusted(event)) return fail('invalid_request', `Refused ${method}: the request did not come from Driftless's own window.`);
      return host.dispatcher.call(method, request);
    });
  }

  // Event subscriptions: the renderer asks, main forwards host events to that sender only.
  const subscriptions = new Map<string, () => void>();
  const onSubscribe = (event: Electron.IpcMainEvent, name: unknown, subscribe: unknown) => {
    if (!trusted(event) || !isEventName(name)) return;
    const key = `${event.sender.id}:${name}`;
    subscriptions.get(key)?.();
    subscriptions.delete(key);
    if (subscribe !== true) return;
    const sender = event.sender;
    const unsubscribe = host.events.subscribe(name as EventName, (payload) => {
      if (!sender.isDestroyed()) sender.send(eventChannelOf(name as EventName), payload);
    });
    subscriptions.set(key, unsubscribe);
    sender.once('destroyed', () => {
      subscriptions.get(key)?.();
      subscriptions.delete(key);
    });
  };
  ipcMain.on('events:subscribe', onSubscribe);

  return () => {
    for (const method of methodNames) ipcMain.removeHandler(channelOf(method));
    ipcMain.removeListener('events:subscribe', onSubscribe);
    for (const unsubscribe of subscriptions.values()) unsubscribe();
    subscriptions.clear();
  };
}
