import { describe, expect, it, vi } from 'vitest';
import { ok, type Envelope } from '../../../shared/bridge';
import { DEFAULT_SETTINGS } from '../../../main/services/settings/settings';
import { restartDelay } from '../../../main/shell/restart-policy';
import { ServicesProcess, type ChildLike, type Timers } from '../../../main/shell/services-process';
import {
  ENGINE_CLOSING,
  ENGINE_RESTARTED,
  ENGINE_STOPPED,
  type EngineInit,
  type ToEngine,
} from '../../../main/shell/services-protocol';

class FakeChild implements ChildLike {
  sent: ToEngine[] = [];
  killed = false;
  private onMessage: ((m: unknown) => void)[] = [];
  private onExit: ((code: number) => void)[] = [];
  postMessage(message: unknown): void {
    this.sent.push(structuredClone(message) as ToEngine);
  }
  on(event: 'message' | 'exit', listener: (arg: never) => void): this {
    if (event === 'message') this.onMessage.push(listener as (m: unknown) => void);
    else this.onExit.push(listener as (c: number) => void);
    return this;
  }
  kill(): boolean {
    this.killed = true;
    return true;
  }
  reply(m: unknown) {
    for (const l of this.onMessage) l(m);
  }
  exit(code: number) {
    for (const l of this.onExit) l(code);
  }
  calls() {
    return this.sent.filter((m): m is Extract<ToEngine, { type: 'call' }> => m.type === 'call');
  }
}

class FakeTimers implements Timers {
  t = 0;
  private queue: { at: number; fn: () => void; id: number }[] = [];
  private seq = 0;
  setTimeout(fn: () => void, ms: number) {
    const id = ++this.seq;
    this.queue.push({ at: this.t + ms, fn, id });
    return id;
  }
  clearTimeout(h: unknown) {
    this.queue = this.queue.filter((q) => q.id !== h);
  }
  now() {
    return this.t;
  }
  advance(ms: number) {
    this.t += ms;
    for (;;) {
      const due = this.queue.filter((q) => q.at <= this.t).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.queue = this.queue.filter((q) => q !== due);
      due.fn();
    }
  }
}

const init = (): EngineInit => ({
  settings: { ...DEFAULT_SETTINGS },
  app: { version: '0.1.0', host: 'electron' },
  dataDir: '/data',
  fontsDir: '/fonts',
});

function setup() {
  const children: FakeChild[] = [];
  const timers = new FakeTimers();
  const events: [string, unknown][] = [];
  const patches: unknown[] = [];
  const sp = new ServicesProcess({
    fork: () => {
      const c = new FakeChild();
      children.push(c);
      return c;
    },
    init,
    onEvent: (e, p) => events.push([e, p]),
    onSettings: (p) => patches.push(p),
    timers,
    log: () => {},
  });
  return { sp, children, timers, events, patches, last: () => children[children.length - 1]! };
}

describe('ServicesProcess', () => {
  it('sends init first, then correlates calls with answers by id', async () => {
    const { sp, last } = setup();
    sp.start();
    const a = sp.invoke('app.info', {});
    const b = sp.invoke('settings.get', {});
    const child = last();
    expect(child.sent[0]).toMatchObject({
      type: 'init',
      init: { dataDir: '/data', app: { host: 'electron' } },
    });
    const [ca, cb] = child.calls();
    // Answered out of order.
    child.reply({ type: 'reply', id: cb!.id, envelope: ok('B') });
    child.reply({ type: 'reply', id: ca!.id, envelope: ok('A') });
    expect(await a).toEqual(ok('A'));
    expect(await b).toEqual(ok('B'));
  });

  it('forwards events and settings patches; ignores malformed messages and unknown ids', () => {
    const { sp, last, events, patches } = setup();
    sp.start();
    last().reply({ type: 'event', event: 'sync.status', payload: { pending: 2 } });
    last().reply({ type: 'settings', patch: { lastUser: 'analis1' } });
    last().reply({ type: 'reply', id: 999, envelope: ok(1) });
    last().reply('garbage');
    last().reply({ type: 'reply', id: 'x' });
    expect(events).toEqual([['sync.status', { pending: 2 }]]);
    expect(patches).toEqual([{ lastUser: 'analis1' }]);
  });

  it('pushes the main process’s settings changes to the engine', () => {
    const { sp, last } = setup();
    sp.start();
    sp.pushSettings({ window: { width: 1200, height: 800 } });
    expect(last().sent.at(-1)).toEqual({ type: 'settings', patch: { window: { width: 1200, height: 800 } } });
  });

  it('when the engine dies: calls in flight answer "restarted", the window is told the session ended, a new engine starts', async () => {
    const { sp, children, last, events, timers } = setup();
    sp.start();
    const inFlight = sp.invoke('signing.sign', { reports: [], passphrase: 'x' });
    const first = last();
    first.exit(1);
    expect(await inFlight).toEqual(ENGINE_RESTARTED);
    expect(events).toContainEqual(['session.changed', null]);
    // First crash: restarted at once (delay 0), with a fresh init.
    timers.advance(0);
    expect(children).toHaveLength(2);
    expect(last().sent[0]!.type).toBe('init');
    // Nothing is replayed to the new engine.
    expect(last().calls()).toEqual([]);
    // A late message from the dead engine is ignored.
    first.reply({ type: 'event', event: 'sync.status', payload: {} });
    expect(events.filter(([e]) => e === 'sync.status')).toEqual([]);
    const next = sp.invoke('app.info', {});
    last().reply({ type: 'reply', id: last().calls()[0]!.id, envelope: ok('again') });
    expect(await next).toEqual(ok('again'));
  });

  it('calls made while a restart is pending go to the next engine', async () => {
    const { sp, children, last, timers } = setup();
    sp.start();
    last().exit(1);
    timers.advance(0);
    last().exit(1); // second crash within a minute: restart after 1 s
    expect(sp.status).toBe('waiting_restart');
    const waiting = sp.invoke('app.info', {});
    timers.advance(999);
    expect(children).toHaveLength(2);
    timers.advance(1);
    expect(children).toHaveLength(3);
    const call = last().calls()[0]!;
    expect(call.name).toBe('app.info');
    expect(last().sent.findIndex((m) => m.type === 'init')).toBe(0);
    last().reply({ type: 'reply', id: call.id, envelope: ok('late') });
    expect(await waiting).toEqual(ok('late'));
  });

  it('gives up after a crash loop and answers every call plainly', async () => {
    const { sp, children, last, timers } = setup();
    sp.start();
    for (let i = 0; i < 5; i++) {
      last().exit(1);
      timers.advance(60_000 - 1);
      if (i < 4) expect(sp.status).toBe('running');
      timers.t -= 60_000 - 1; // keep every crash inside one minute
    }
    last().exit(1);
    expect(sp.status).toBe('failed');
    expect(children).toHaveLength(6);
    expect(await sp.invoke('app.info', {})).toEqual(ENGINE_STOPPED);
  });

  it('stop asks the engine to close its databases and waits for it to exit', async () => {
    const { sp, last } = setup();
    sp.start();
    const pending = sp.invoke('sync.now', {});
    const stopped = sp.stop();
    const child = last();
    expect(child.sent.at(-1)).toEqual({ type: 'shutdown' });
    child.exit(0);
    await stopped;
    expect(sp.status).toBe('stopped');
    expect(child.killed).toBe(false);
    expect(await pending).toEqual(ENGINE_CLOSING);
    expect(await sp.invoke('app.info', {})).toEqual(ENGINE_CLOSING);
    // An exit during stop is not a crash: no restart.
    expect(sp.restarts).toBe(0);
  });

  it('stop kills an engine that does not close in time', async () => {
    const { sp, last, timers, children } = setup();
    sp.start();
    const stopped = sp.stop();
    timers.advance(5_000);
    await stopped;
    expect(last().killed).toBe(true);
    last().exit(-1);
    expect(children).toHaveLength(1);
  });

  it('stop during a pending restart does not start another engine', async () => {
    const { sp, children, last, timers } = setup();
    sp.start();
    last().exit(1);
    timers.advance(0);
    last().exit(1);
    await sp.stop();
    timers.advance(60_000);
    expect(children).toHaveLength(2);
    expect(sp.status).toBe('stopped');
  });

  it('a call that cannot be posted is answered at once', async () => {
    const { sp, last } = setup();
    sp.start();
    last().postMessage = () => {
      throw new Error('could not be cloned');
    };
    const env = (await sp.invoke('app.info', { f: () => 1 })) as Envelope<unknown>;
    expect(env.ok === false && env.error.code).toBe('invalid_payload');
  });

  it('a fork that throws counts as a crash', () => {
    let n = 0;
    const timers = new FakeTimers();
    const sp = new ServicesProcess({
      fork: () => {
        n++;
        throw new Error('no such file');
      },
      init,
      onEvent: vi.fn(),
      onSettings: vi.fn(),
      timers,
      log: () => {},
    });
    sp.start();
    for (let i = 0; i < 100; i++) timers.advance(1_000);
    expect(sp.status).toBe('failed');
    expect(n).toBe(6);
  });
});

describe('restartDelay', () => {
  it('restarts at once, then backs off, then gives up within the window', () => {
    expect(restartDelay([], 0)).toBe(0);
    expect(restartDelay([0], 10)).toBe(1_000);
    expect(restartDelay([0, 1, 2], 10)).toBe(10_000);
    expect(restartDelay([0, 1, 2, 3], 10)).toBe(30_000);
    expect(restartDelay([0, 1, 2, 3, 4], 10)).toBeNull();
  });
  it('forgets crashes older than the window', () => {
    expect(restartDelay([0, 1, 2, 3, 4], 60_000 + 5)).toBe(0);
    expect(restartDelay([0, 1, 2, 3, 59_000], 60_010)).toBe(1_000);
  });
});
