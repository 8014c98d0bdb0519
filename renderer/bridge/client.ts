/**
 * The renderer's one way to the desktop engine: `bridge.call(name, input)` over whichever
 * transport this window has. In Electron the preload exposes `window.sippt`; in a plain browser
 * the loopback host serves the same calls over HTTP with the launch token from the address.
 */
import {
  BridgeCallError,
  HTTP_BRIDGE,
  isBridgeEventName,
  type BridgeCallName,
  type BridgeEventName,
  type BridgeTransport,
  type CallInput,
  type CallOutput,
  type Envelope,
  type EventPayload,
} from '../../shared/bridge';

declare global {
  interface Window {
    sippt?: BridgeTransport;
  }
}

const TOKEN_KEY = 'sippt.hostToken';

/** The launch token: from `#token=…` on first load (then removed from the address bar), else this tab's session storage. */
export function hostToken(): string | null {
  const m = /[#&]token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (m?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, m[1]);
    const rest = window.location.hash.replace(/[#&]?token=[A-Za-z0-9_-]+/, '').replace(/^#&/, '#');
    history.replaceState(
      null,
      '',
      window.location.pathname + window.location.search + (rest === '#' ? '' : rest),
    );
    return m[1];
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

type Listener = (payload: unknown) => void;

/** The HTTP transport of the loopback host: calls as POSTs, events as one streamed text/event-stream. */
export function httpTransport(token: string, base = ''): BridgeTransport {
  const listeners = new Map<string, Set<Listener>>();
  let started = false;

  const connect = async (): Promise<void> => {
    for (;;) {
      try {
        const res = await fetch(`${base}${HTTP_BRIDGE.eventsPath}`, {
          headers: { [HTTP_BRIDGE.tokenHeader]: token },
        });
        if (!res.ok || !res.body) throw new Error(`events ${res.status}`);
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let cut: number;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            const name = /^event: (.+)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (!name || data === undefined || !isBridgeEventName(name)) continue;
            const payload: unknown = JSON.parse(data);
            for (const l of listeners.get(name) ?? []) l(payload);
          }
        }
      } catch {
        // The host restarts with the app; keep trying quietly.
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  };

  return {
    async invoke<N extends BridgeCallName>(name: N, input: CallInput<N>): Promise<Envelope<CallOutput<N>>> {
      let res: Response;
      try {
        res = await fetch(`${base}${HTTP_BRIDGE.callPath}/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [HTTP_BRIDGE.tokenHeader]: token },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return {
          ok: false,
          error: {
            code: 'internal',
            message: {
              id: 'Aplikasi SIPPT Lab di komputer ini tidak menjawab. Pastikan masih berjalan, lalu muat ulang halaman.',
              en: 'The SIPPT Lab app on this computer does not answer. Make sure it is still running, then reload the page.',
            },
          },
        };
      }
      return (await res.json()) as Envelope<CallOutput<N>>;
    },
    on<E extends BridgeEventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      if (!started) {
        started = true;
        void connect();
      }
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set);
      set.add(listener as Listener);
      return () => set.delete(listener as Listener);
    },
  };
}

function pickTransport(): BridgeTransport | null {
  if (window.sippt) return window.sippt;
  const token = hostToken();
  return token ? httpTransport(token) : null;
}

let transport: BridgeTransport | null = null;

export const bridge = {
  /** Whether this window can reach the engine (false: opened without the launch token). */
  available(): boolean {
    transport ??= pickTransport();
    return transport !== null;
  },
  /** Answers the value, or throws BridgeCallError with the engine's code and message. */
  async call<N extends BridgeCallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
    transport ??= pickTransport();
    if (!transport) {
      throw new BridgeCallError({
        code: 'unauthorized',
        message: {
          id: 'Buka aplikasi dari alamat yang dicetak oleh `npm run desktop:web` (dengan token).',
          en: 'Open the app from the address `npm run desktop:web` printed (with its token).',
        },
      });
    }
    const answer = await transport.invoke(name, input);
    if (!answer.ok) throw new BridgeCallError(answer.error);
    return answer.value;
  },
  on<E extends BridgeEventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    transport ??= pickTransport();
    return transport ? transport.on(event, listener) : () => {};
  },
};
