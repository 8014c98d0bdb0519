/**
 * The main process's handle on the engine (DesktopServices behind the bridge) in its Electron
 * utilityProcess: forks it, correlates calls with answers, forwards its events, restarts it when
 * it dies and shuts it down on quit. `fork` is injected, so this runs and is tested in plain Node;
 * app.ts passes `utilityProcess.fork`.
 *
 * A call in flight when the engine dies is answered `internal` ("restarted"), never replayed: it may
 * have committed before the crash, and the engine's state is in SQLite, so nothing is lost. The new
 * engine has no session; the window hears `session.changed` null and shows the login.
 */
import { fail, type Envelope, type Settings } from '../../shared/bridge';
import type { Logger } from '../services/log/logger';
import { DEFAULT_RESTART_POLICY, restartDelay, type RestartPolicy } from './restart-policy';
import {
  ENGINE_CLOSING,
  ENGINE_RESTARTED,
  ENGINE_STOPPED,
  parseFromEngine,
  type EngineInit,
  type ToEngine,
} from './services-protocol';

/** What we use of Electron's UtilityProcess. */
export interface ChildLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

export interface ServicesProcessOptions {
  fork: () => ChildLike;
  /** Called at every (re)start: the settings as they are now. */
  init: () => EngineInit;
  onEvent: (event: string, payload: unknown) => void;
  /** A settings change the engine made: the main process persists it. */
  onSettings: (patch: Partial<Settings>) => void;
  log?: (line: string) => void;
  /** Where the engine's log records go (the shell's electron-log); dropped without one. */
  engineLogger?: Logger;
  policy?: RestartPolicy;
  timers?: Timers;
  /** How long `stop` waits for the engine to close its databases before killing it. */
  shutdownTimeoutMs?: number;
}

type State = 'idle' | 'running' | 'waiting_restart' | 'failed' | 'stopping' | 'stopped';

export class ServicesProcess {
  private child: ChildLike | null = null;
  private state: State = 'idle';
  private nextId = 1;
  private readonly pending = new Map<number, (envelope: Envelope<unknown>) => void>();
  /** Calls made while the engine is between lives: sent to the next one. */
  private backlog: ToEngine[] = [];
  private crashes: number[] = [];
  private restartTimer: unknown = null;
  private stopped: Promise<void> | null = null;
  private exitWaiters: (() => void)[] = [];
  private readonly log: (line: string) => void;
  private readonly timers: Timers;

  constructor(private readonly options: ServicesProcessOptions) {
    this.log = options.log ?? ((line) => console.error(line));
    this.timers = options.timers ?? realTimers;
  }

  get status(): State {
    return this.state;
  }

  /** Restarts so far (for diagnostics). */
  get restarts(): number {
    return this.crashes.length;
  }

  start(): void {
    if (this.state !== 'idle') return;
    this.spawn();
  }

  invoke(name: string, input: unknown): Promise<Envelope<unknown>> {
    if (this.state === 'failed') return Promise.resolve(ENGINE_STOPPED);
    if (this.state === 'stopping' || this.state === 'stopped') return Promise.resolve(ENGINE_CLOSING);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.send({ type: 'call', id, name, input });
    });
  }

  /** A settings change made in the main process (the window size). */
  pushSettings(patch: Partial<Settings>): void {
    if (this.state === 'running') this.send({ type: 'settings', patch });
    // Otherwise the next engine gets the full settings in its init.
  }

  /** Ask the engine to close its databases and exit; kill it if it takes too long. */
  stop(): Promise<void> {
    if (this.stopped) return this.stopped;
    if (this.restartTimer !== null) this.timers.clearTimeout(this.restartTimer);
    this.restartTimer = null;
    const child = this.child;
    const wasAlive = child !== null && this.state === 'running';
    this.state = 'stopping';
    this.backlog = [];
    this.stopped = new Promise<void>((resolve) => {
      const done = () => {
        this.state = 'stopped';
        this.child = null;
        this.answerAll(ENGINE_CLOSING);
        resolve();
      };
      if (!wasAlive || !child) {
        done();
        return;
      }
      const timer = this.timers.setTimeout(() => {
        this.log('engine: did not close in time, killed');
        child.kill();
        done();
      }, this.options.shutdownTimeoutMs ?? 5_000);
      this.exitWaiters.push(() => {
        this.timers.clearTimeout(timer);
        done();
      });
      try {
        child.postMessage({ type: 'shutdown' } satisfies ToEngine);
      } catch {
        child.kill();
      }
    });
    return this.stopped;
  }

  private spawn(): void {
    let child: ChildLike;
    try {
      child = this.options.fork();
    } catch (e) {
      this.log(`engine: fork failed: ${e instanceof Error ? e.message : String(e)}`);
      this.onExit(null, -1);
      return;
    }
    this.child = child;
    this.state = 'running';
    child.on('message', (m) => this.onMessage(child, m));
    child.on('exit', (code) => this.onExit(child, code));
    // init first: the engine handles messages in order, so calls sent after it find the bridge.
    const init: ToEngine = { type: 'init', init: this.options.init() };
    const backlog = this.backlog;
    this.backlog = [];
    for (const m of [init, ...backlog]) this.post(child, m);
  }

  private send(message: ToEngine): void {
    if (this.state === 'running' && this.child) this.post(this.child, message);
    else this.backlog.push(message);
  }

  private post(child: ChildLike, message: ToEngine): void {
    try {
      child.postMessage(message);
    } catch (e) {
      // Not cloneable (a renderer sent something odd) or the child is gone: answer the call now.
      this.log(`engine: could not send ${message.type}: ${e instanceof Error ? e.message : String(e)}`);
      if (message.type === 'call') {
        this.answer(
          message.id,
          fail('invalid_payload', {
            id: 'Permintaan tidak dapat dikirim ke mesin aplikasi.',
            en: 'The request could not be passed to the app engine.',
          }),
        );
      }
    }
  }

  private answer(id: number, envelope: Envelope<unknown>): void {
    const resolve = this.pending.get(id);
    if (!resolve) return;
    this.pending.delete(id);
    resolve(envelope);
  }

  private answerAll(envelope: Envelope<unknown>): void {
    const all = [...this.pending.values()];
    this.pending.clear();
    for (const resolve of all) resolve(envelope);
  }

  private onMessage(child: ChildLike, raw: unknown): void {
    if (child !== this.child) return; // a late message from a previous life
    const m = parseFromEngine(raw);
    if (!m) {
      this.log('engine: malformed message ignored');
      return;
    }
    switch (m.type) {
      case 'reply':
        this.answer(m.id, m.envelope);
        return;
      case 'event':
        this.options.onEvent(m.event, m.payload);
        return;
      case 'settings':
        this.options.onSettings(m.patch);
        return;
      case 'fatal':
        this.log(`engine: start failed: ${m.message}`);
        return;
      case 'log':
        this.options.engineLogger?.[m.level](m.message, { ...m.fields, process: 'engine' });
        return;
      case 'ready':
        return;
    }
  }

  private onExit(child: ChildLike | null, code: number): void {
    if (child !== null && child !== this.child) return;
    this.child = null;
    if (this.state === 'stopping' || this.state === 'stopped') {
      const waiters = this.exitWaiters;
      this.exitWaiters = [];
      for (const w of waiters) w();
      return;
    }
    this.log(`engine: exited with code ${code}`);
    this.answerAll(ENGINE_RESTARTED);
    const now = this.timers.now();
    const delay = restartDelay(this.crashes, now, this.options.policy ?? DEFAULT_RESTART_POLICY);
    this.crashes = [...this.crashes.slice(-20), now];
    // Its session died with it: the window goes back to the login.
    this.options.onEvent('session.changed', null);
    if (delay === null) {
      this.state = 'failed';
      this.log('engine: crashing repeatedly, not restarted');
      for (const m of this.backlog) if (m.type === 'call') this.answer(m.id, ENGINE_STOPPED);
      this.backlog = [];
      return;
    }
    this.state = 'waiting_restart';
    this.restartTimer = this.timers.setTimeout(() => {
      this.restartTimer = null;
      if (this.state === 'waiting_restart') this.spawn();
    }, delay);
  }
}
