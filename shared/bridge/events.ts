/** Every event the desktop UI listens to, with its payload schema. */
import { z } from 'zod';
import { EVENT_NAMES, type EventName, type SameNames } from './names';
import { SessionInfoSchema, SigningProgressSchema, SyncStatusSchema } from './models';

/** The server refused this desktop's version (issue 11): the version it needs, and its words. */
export const OutdatedNoticeSchema = z.object({
  minimumVersion: z.string(),
  currentVersion: z.string(),
  message: z.object({ id: z.string(), en: z.string() }),
});
export type OutdatedNoticeView = z.infer<typeof OutdatedNoticeSchema>;

export const BRIDGE_EVENTS = {
  /** After every sync state change; survives a re-login (the subscription is the app's, not the session's). */
  'sync.status': SyncStatusSchema,
  /** Signed in, signed out, session ended by the server, online/offline. */
  'session.changed': SessionInfoSchema.nullable(),
  /** Orders changed in the working copy (a pull or a local action): lists reload. Null: everything. */
  'data.changed': z.object({ orderIds: z.array(z.string()).nullable() }),
  /** One report of a signing batch done. */
  'signing.progress': SigningProgressSchema,
  /** The installed app's update (main/services/update/flow.ts): checking, downloading with progress, waiting, ready. */
  'update.status': z.object({
    state: z.enum([
      'idle',
      'checking',
      'available',
      'downloading',
      'downloaded',
      'waiting',
      'installing',
      'error',
    ]),
    currentVersion: z.string(),
    version: z.string().nullable(),
    releaseNotes: z.string().nullable(),
    percent: z.number().nullable(),
    message: z.object({ id: z.string(), en: z.string() }).nullable(),
    checkedAt: z.string().nullable(),
  }),
  /**
   * The server told this desktop it is older than the minimum supported version (at login, or by
   * refusing its push with 426 client_outdated); null once it accepts it again. Queued changes stay.
   */
  'client.outdated': OutdatedNoticeSchema.nullable(),
} as const;

export type BridgeEvents = typeof BRIDGE_EVENTS;
export type BridgeEventName = keyof BridgeEvents;
export const BRIDGE_EVENT_NAMES: readonly BridgeEventName[] = EVENT_NAMES;
const _namesMatch: SameNames<BridgeEventName, EventName> = true;
void _namesMatch;
export type EventPayload<E extends BridgeEventName> = z.output<BridgeEvents[E]>;

export { isBridgeEventName } from './names';
