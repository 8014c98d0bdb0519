/**
 * The desktop bridge: one contract, two transports (Electron IPC through the preload, and HTTP on
 * 127.0.0.1 with a per-launch token for a plain browser). Model: Actual Budget's typed `send` over
 * several connections; Signal-Desktop's channel constants and `{ok, value | error}` answers.
 */
import type { BridgeCallName, CallInput } from './calls';
import type { Envelope } from './envelope';
import type { CallOutput } from './calls';
import type { BridgeEventName, EventPayload } from './events';

export * from './calls';
export * from './envelope';
export * from './events';
export * from './models';
export { CALL_NAMES, EVENT_NAMES } from './names';

/** What a transport gives the renderer: the preload's `window.sippt`, or the HTTP client. */
export interface BridgeTransport {
  invoke<N extends BridgeCallName>(name: N, input: CallInput<N>): Promise<Envelope<CallOutput<N>>>;
  /** Returns the unsubscribe function. */
  on<E extends BridgeEventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export { HTTP_BRIDGE, IPC_CHANNELS } from './wire';
