/**
 * The object the preload exposes as `window.sippt`, built from an ipcRenderer-like so it can be
 * tested in plain Node. Exactly `invoke` and `on`: no channel names, no ipcRenderer, no Node
 * objects ever cross into the page (Actual Budget's preload, checked with `satisfies`).
 */
// Names and the wire only: the preload's bundle must not carry the contract's schemas.
import { isBridgeCallName, isBridgeEventName } from '../../shared/bridge/names';
import { fail, IPC_CHANNELS } from '../../shared/bridge/wire';
import type {
  BridgeCallName,
  BridgeEventName,
  BridgeTransport,
  CallInput,
  CallOutput,
  Envelope,
  EventPayload,
} from '../../shared/bridge';

/** What the preload needs of `ipcRenderer`. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** The main process's request on `sippt:invoke`. */
export interface InvokeRequest {
  name: string;
  input: unknown;
}

/** The main process's message on `sippt:event`. */
export interface EventMessage {
  event: string;
  payload: unknown;
}

/** The type of `window.sippt` (the renderer declares its global with the shared BridgeTransport). */
export type SipptBridgeApi = BridgeTransport;

export function makeBridgeApi(ipc: IpcRendererLike) {
  // A wrapper per subscription: the same function subscribed twice is two subscriptions.
  const listeners = new Map<string, Set<{ cb: (payload: never) => void }>>();
  let subscribed = false;

  const dispatch = (_event: unknown, message: unknown) => {
    if (typeof message !== 'object' || message === null) return;
    const { event, payload } = message as Partial<EventMessage>;
    if (typeof event !== 'string') return;
    for (const entry of [...(listeners.get(event) ?? [])]) {
      try {
        entry.cb(payload as never);
      } catch (e) {
        // One screen's broken listener must not starve the others of the event.
        console.error(`sippt: listener of ${event} threw`, e);
      }
    }
  };

  const api = {
    invoke<N extends BridgeCallName>(name: N, input: CallInput<N>): Promise<Envelope<CallOutput<N>>> {
      if (typeof name !== 'string' || !isBridgeCallName(name)) {
        return Promise.resolve(
          fail('unknown_call', {
            id: `Panggilan tidak dikenal: ${String(name)}`,
            en: `Unknown call: ${String(name)}`,
          }) as Envelope<CallOutput<N>>,
        );
      }
      const request: InvokeRequest = { name, input: input === undefined ? {} : input };
      return ipc.invoke(IPC_CHANNELS.invoke, request).then(
        (envelope) => envelope as Envelope<CallOutput<N>>,
        // The main process always answers an envelope; a rejection here means IPC itself broke.
        () =>
          fail('internal', {
            id: 'Aplikasi tidak dapat menjawab permintaan ini; coba lagi.',
            en: 'The app could not answer this request; please try again.',
          }) as Envelope<CallOutput<N>>,
      );
    },
    on<E extends BridgeEventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      if (typeof event !== 'string' || !isBridgeEventName(event))
        throw new TypeError(`Unknown event: ${String(event)}`);
      if (typeof listener !== 'function') throw new TypeError('listener must be a function');
      if (!subscribed) {
        // One IPC listener for all events, so unsubscribing never leaks ipcRenderer listeners.
        ipc.on(IPC_CHANNELS.event, dispatch);
        subscribed = true;
      }
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const entry = { cb: listener as (payload: never) => void };
      set.add(entry);
      return () => {
        set.delete(entry);
      };
    },
  } satisfies BridgeTransport;
  return api;
}
