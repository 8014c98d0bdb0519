/** Every event the desktop UI listens to, with its payload schema. */
import { z } from 'zod';
import { SessionInfoSchema, SigningProgressSchema, SyncStatusSchema } from './models';

export const BRIDGE_EVENTS = {
  /** After every sync state change; survives a re-login (the subscription is the app's, not the session's). */
  'sync.status': SyncStatusSchema,
  /** Signed in, signed out, session ended by the server, online/offline. */
  'session.changed': SessionInfoSchema.nullable(),
  /** Orders changed in the working copy (a pull or a local action): lists reload. Null: everything. */
  'data.changed': z.object({ orderIds: z.array(z.string()).nullable() }),
  /** One report of a signing batch done. */
  'signing.progress': SigningProgressSchema,
} as const;

export type BridgeEvents = typeof BRIDGE_EVENTS;
export type BridgeEventName = keyof BridgeEvents;
export const BRIDGE_EVENT_NAMES = Object.keys(BRIDGE_EVENTS) as BridgeEventName[];
export type EventPayload<E extends BridgeEventName> = z.output<BridgeEvents[E]>;

export function isBridgeEventName(name: string): name is BridgeEventName {
  return Object.prototype.hasOwnProperty.call(BRIDGE_EVENTS, name);
}
