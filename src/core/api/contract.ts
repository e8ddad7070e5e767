import type { EventSpec, MethodSpec } from './schema';
import { appEvents, appMethods } from './areas/app';
import { batchMethods } from './areas/batch';
import { catalogEvents, catalogMethods } from './areas/catalog';
import { codeMethods } from './areas/code';
import { driftEvents, driftMethods } from './areas/drift';
import { environmentMethods } from './areas/environment';
import { inventoryMethods } from './areas/inventory';
import { projectMethods } from './areas/project';
import { queryMethods } from './areas/query';
import { runEvents, runMethods } from './areas/run';
import { stateMethods } from './areas/state';

/** Every request the renderer can make. Each area of the app adds its methods in `areas/`. */
export const apiMethods = {
  ...appMethods,
  ...catalogMethods,
  ...environmentMethods,
  ...inventoryMethods,
  ...projectMethods,
  ...queryMethods,
  ...stateMethods,
  ...runMethods,
  ...codeMethods,
  ...driftMethods,
  ...batchMethods,
};

/** Every event the renderer can receive. */
export const apiEvents = {
  ...appEvents,
  ...catalogEvents,
  ...runEvents,
  ...driftEvents,
};

export type ApiMethods = typeof apiMethods;
export type MethodName = keyof ApiMethods;
export type ApiEvents = typeof apiEvents;
export type EventName = keyof ApiEvents;

export type RequestOf<M extends MethodName> = ApiMethods[M] extends MethodSpec<infer Q, unknown> ? Q : never;
export type ResponseOf<M extends MethodName> = ApiMethods[M] extends MethodSpec<unknown, infer R> ? R : never;
export type PayloadOf<E extends EventName> = ApiEvents[E] extends EventSpec<infer P> ? P : never;

export const methodNames = Object.keys(apiMethods) as MethodName[];
export const eventNames = Object.keys(apiEvents) as EventName[];

/** True when `name` is a method of the contract. */
export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(apiMethods, name);
}

/** True when `name` is an event of the contract. */
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(apiEvents, name);
}

/** The IPC channel a method travels on in Electron. */
export function channelOf(name: MethodName): string {
  return `api:${name}`;
}

/** The IPC channel an event travels on in Electron. */
export function eventChannelOf(name: EventName): string {
  return `event:${name}`;
}
