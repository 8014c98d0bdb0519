/**
 * The messages between the main process and the engine's utility process, and the engine side of
 * them (`serveEngine`, run by main/host/utility.ts). Plain Node, no electron: the utility process
 * only sees `process.parentPort`, which tests replace with a fake.
 *
 * Settings: the main process owns the file (electron-store). The engine keeps a copy (`MirrorSettings`)
 * so the bridge, the one map of call names, answers `settings.get`/`settings.update` like every other
 * call and reads the server address and last user synchronously. Each side sends the other the
 * patches it makes; the main process persists every patch. Patches are shallow merges of top-level
 * keys, and the main process only ever writes `window`, so the two copies agree.
 */
import {
  BRIDGE_EVENT_NAMES,
  fail,
  SettingsSchema,
  type BridgeEventName,
  type Envelope,
  type Settings,
} from '../../shared/bridge';
import type { LogFields, Logger, LogLevel } from '../services/log/logger';
import { redactSecrets } from '../../node-shared/log-secrets';
import type { SettingsStore } from '../services/settings/settings';

export interface EngineInit {
  settings: Settings;
  app: { version: string; host: 'electron' };
  /** The app's data folder (workspaces, keystore, lockout state). */
  dataDir: string;
  /** The E-LHU fonts (the packaged app's resources, or resources/fonts in development). */
  fontsDir: string;
}

export type ToEngine =
  | { type: 'init'; init: EngineInit }
  | { type: 'call'; id: number; name: string; input: unknown }
  | { type: 'settings'; patch: Partial<Settings> }
  | { type: 'shutdown' };

export type FromEngine =
  | { type: 'ready' }
  | { type: 'reply'; id: number; envelope: Envelope<unknown> }
  | { type: 'event'; event: BridgeEventName; payload: unknown }
  | { type: 'settings'; patch: Partial<Settings> }
  /** A record of the engine's Logger, written by the main process's electron-log. */
  | { type: 'log'; level: LogLevel; message: string; fields?: Record<string, unknown> }
  /** Start-up failed; the process exits next. */
  | { type: 'fatal'; message: string };

/** What the engine needs of the bridge (main/services/bridge's createBridge answers it). */
export interface EngineBridge {
  invoke(name: string, input: unknown): Promise<Envelope<unknown>>;
  on(event: BridgeEventName, listener: (payload: unknown) => void): () => void;
  close(): void | Promise<void>;
}

/** `process.parentPort` in a utility process, as much of it as we use. */
export interface ParentPortLike {
  on(event: 'message', listener: (e: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

export const ENGINE_RESTARTED: Envelope<never> = fail('internal', {
  id: 'Mesin aplikasi dimulai ulang sebelum permintaan ini selesai. Periksa hasilnya, lalu coba lagi bila perlu; data yang tersimpan tidak hilang.',
  en: 'The app engine restarted before this request finished. Check the result and try again if needed; saved data is not lost.',
});
export const ENGINE_STOPPED: Envelope<never> = fail('internal', {
  id: 'Mesin aplikasi berhenti berulang kali. Tutup dan buka kembali aplikasi.',
  en: 'The app engine keeps stopping. Close and reopen the app.',
});
export const ENGINE_CLOSING: Envelope<never> = fail('internal', {
  id: 'Aplikasi sedang ditutup.',
  en: 'The app is closing.',
});
export const ENGINE_FAILED_REPLY: Envelope<never> = fail('internal', {
  id: 'Jawaban mesin aplikasi tidak dapat dikirim ke jendela.',
  en: 'The app engine could not send its answer to the window.',
});

/** A copy of the settings in the engine that writes through to the main process. */
export class MirrorSettings implements SettingsStore {
  private value: Settings;
  constructor(
    initial: Settings,
    private readonly sendPatch: (patch: Partial<Settings>) => void,
  ) {
    this.value = SettingsSchema.parse(initial);
  }
  get(): Settings {
    return structuredClone(this.value);
  }
  update(patch: Partial<Settings>): Settings {
    // Refused whole when the result would be invalid, like the other stores.
    this.value = SettingsSchema.parse({ ...this.value, ...patch });
    this.sendPatch(structuredClone(patch));
    return this.get();
  }
  /** A patch the main process made (the window size). */
  applyRemote(patch: Partial<Settings>): void {
    const next = SettingsSchema.safeParse({ ...this.value, ...patch });
    if (next.success) this.value = next.data;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Shape check of a message from the other side (it is our own process, but a bug must not crash us). */
export function parseToEngine(data: unknown): ToEngine | null {
  if (!isObject(data)) return null;
  switch (data.type) {
    case 'init':
      return isObject(data.init) ? (data as ToEngine) : null;
    case 'call':
      return typeof data.id === 'number' && typeof data.name === 'string' ? (data as ToEngine) : null;
    case 'settings':
      return isObject(data.patch) ? (data as ToEngine) : null;
    case 'shutdown':
      return { type: 'shutdown' };
    default:
      return null;
  }
}

export function parseFromEngine(data: unknown): FromEngine | null {
  if (!isObject(data)) return null;
  switch (data.type) {
    case 'ready':
      return { type: 'ready' };
    case 'reply':
      return typeof data.id === 'number' && isObject(data.envelope) && typeof data.envelope.ok === 'boolean'
        ? (data as FromEngine)
        : null;
    case 'event':
      return typeof data.event === 'string' ? (data as FromEngine) : null;
    case 'settings':
      return isObject(data.patch) ? (data as FromEngine) : null;
    case 'fatal':
      return typeof data.message === 'string' ? (data as FromEngine) : null;
    case 'log':
      return LOG_LEVELS.includes(data.level as LogLevel) &&
        typeof data.message === 'string' &&
        (data.fields === undefined || isObject(data.fields))
        ? (data as FromEngine)
        : null;
    default:
      return null;
  }
}

const LOG_LEVELS: readonly LogLevel[] = ['info', 'warn', 'error'];

/**
 * The engine's Logger: each record goes to the main process. Redacted here already, so no secret
 * crosses the process boundary either; fields that cannot be cloned are sent as their JSON.
 */
export function relayLogger(post: (message: FromEngine) => void): Logger {
  const send =
    (level: LogLevel) =>
    (message: string, fields?: LogFields): void => {
      const clean = fields === undefined ? undefined : (redactSecrets(fields) as Record<string, unknown>);
      try {
        post({ type: 'log', level, message, ...(clean ? { fields: clean } : {}) });
      } catch {
        post({ type: 'log', level, message, fields: { json: JSON.stringify(clean) } });
      }
    };
  return { info: send('info'), warn: send('warn'), error: send('error') };
}

export interface ServeEngineOptions {
  port: ParentPortLike;
  makeBridge: (
    init: EngineInit,
    settings: SettingsStore,
    logger: Logger,
  ) => EngineBridge | Promise<EngineBridge>;
  exit: (code: number) => void;
  log?: (line: string) => void;
}

/**
 * The engine's side: waits for `init`, creates the bridge, answers every `call` with an envelope,
 * forwards every bridge event, and closes the bridge (its databases) on `shutdown`.
 */
export function serveEngine(options: ServeEngineOptions): void {
  const { port, exit } = options;
  const log = options.log ?? ((line: string) => console.error(line));
  let settings: MirrorSettings | null = null;
  let bridge: Promise<EngineBridge> | null = null;
  let closing = false;

  const post = (message: FromEngine) => port.postMessage(message);

  const start = (init: EngineInit) => {
    settings = new MirrorSettings(init.settings, (patch) => post({ type: 'settings', patch }));
    const s = settings;
    bridge = (async () => {
      const b = await options.makeBridge(init, s, relayLogger(post));
      for (const event of BRIDGE_EVENT_NAMES) {
        b.on(event, (payload) => {
          try {
            post({ type: 'event', event, payload });
          } catch {
            log(`engine: event ${event} could not be sent`);
          }
        });
      }
      return b;
    })();
    bridge.then(
      () => post({ type: 'ready' }),
      (e: unknown) => {
        // Logged without the init (it holds settings, never secrets, but keep logs short).
        log(`engine: start failed: ${e instanceof Error ? e.message : String(e)}`);
        post({ type: 'fatal', message: e instanceof Error ? e.message : String(e) });
        exit(1);
      },
    );
  };

  const answer = async (id: number, name: string, input: unknown) => {
    let envelope: Envelope<unknown>;
    try {
      if (!bridge) throw new Error('engine not initialised');
      envelope = await (await bridge).invoke(name, input);
    } catch (e) {
      // The bridge turns errors into envelopes itself; this is the net under it. Never log input:
      // it may hold a passphrase or password.
      log(`engine: ${name} threw: ${e instanceof Error ? e.message : String(e)}`);
      envelope = fail('internal', {
        id: 'Terjadi kesalahan di aplikasi.',
        en: 'Something went wrong in the app.',
      });
    }
    try {
      post({ type: 'reply', id, envelope });
    } catch {
      // Not structured-cloneable (a bug in an output): the caller still gets an answer.
      post({ type: 'reply', id, envelope: ENGINE_FAILED_REPLY });
    }
  };

  port.on('message', (e) => {
    const message = parseToEngine(e?.data);
    if (!message) {
      log('engine: malformed message ignored');
      return;
    }
    switch (message.type) {
      case 'init':
        if (!bridge) start(message.init);
        return;
      case 'call':
        if (closing) {
          post({ type: 'reply', id: message.id, envelope: ENGINE_CLOSING });
          return;
        }
        void answer(message.id, message.name, message.input);
        return;
      case 'settings':
        settings?.applyRemote(message.patch);
        return;
      case 'shutdown':
        if (closing) return;
        closing = true;
        void (async () => {
          let code = 0;
          try {
            if (bridge) await (await bridge).close();
          } catch (e) {
            log(`engine: close failed: ${e instanceof Error ? e.message : String(e)}`);
            code = 1;
          }
          exit(code);
        })();
        return;
    }
  });
}
