import { describe, expect, it, vi } from 'vitest';
import { BRIDGE_EVENT_NAMES, ok, type BridgeEventName, type Envelope } from '../../../shared/bridge';
import { DEFAULT_SETTINGS } from '../../../main/services/settings/settings';
import {
  MirrorSettings,
  serveEngine,
  type EngineBridge,
  type EngineInit,
  type FromEngine,
  type ParentPortLike,
} from '../../../main/shell/services-protocol';

const init: EngineInit = {
  settings: { ...DEFAULT_SETTINGS, serverUrl: 'http://s:1' },
  app: { version: '1', host: 'electron' },
  dataDir: '/d',
  fontsDir: '/f',
};
const tick = () => new Promise((r) => setTimeout(r, 0));

function harness(bridgeImpl?: Partial<EngineBridge>) {
  let deliver: (e: { data: unknown }) => void = () => {};
  const out: FromEngine[] = [];
  const port: ParentPortLike = {
    on: (_e, l) => {
      deliver = l;
    },
    postMessage: (m) => out.push(structuredClone(m) as FromEngine),
  };
  const listeners = new Map<BridgeEventName, (p: unknown) => void>();
  const bridge: EngineBridge = {
    invoke: vi.fn(async (name: string): Promise<Envelope<unknown>> => ok(`answer:${name}`)),
    on: (event, l) => {
      listeners.set(event, l);
      return () => listeners.delete(event);
    },
    close: vi.fn(),
    ...bridgeImpl,
  };
  const exit = vi.fn();
  let settingsSeen: MirrorSettings | null = null;
  serveEngine({
    port,
    makeBridge: (_init, settings) => {
      settingsSeen = settings as MirrorSettings;
      return bridge;
    },
    exit,
    log: () => {},
  });
  return {
    send: (data: unknown) => deliver({ data }),
    out,
    bridge,
    exit,
    listeners,
    settings: () => settingsSeen!,
  };
}

describe('serveEngine (the utility process side)', () => {
  it('starts the bridge on init, answers calls by id, forwards every event', async () => {
    const h = harness();
    h.send({ type: 'init', init });
    h.send({ type: 'call', id: 7, name: 'app.info', input: {} });
    await tick();
    expect(h.out).toContainEqual({ type: 'ready' });
    expect(h.out).toContainEqual({ type: 'reply', id: 7, envelope: ok('answer:app.info') });
    expect([...h.listeners.keys()].sort()).toEqual([...BRIDGE_EVENT_NAMES].sort());
    h.listeners.get('sync.status')!({ pending: 3 });
    expect(h.out.at(-1)).toEqual({ type: 'event', event: 'sync.status', payload: { pending: 3 } });
  });

  it('a bridge that throws still answers an internal envelope', async () => {
    const h = harness({
      invoke: async () => {
        throw new Error('raw database connection is not open');
      },
    });
    h.send({ type: 'init', init });
    h.send({ type: 'call', id: 1, name: 'worklist.page', input: {} });
    await tick();
    const reply = h.out.find((m) => m.type === 'reply');
    expect(reply).toMatchObject({
      type: 'reply',
      id: 1,
      envelope: { ok: false, error: { code: 'internal' } },
    });
  });

  it('settings written by the bridge go to the main process; the main process’s patches come back in', async () => {
    const h = harness();
    h.send({ type: 'init', init });
    await tick();
    const s = h.settings();
    expect(s.get().serverUrl).toBe('http://s:1');
    s.update({ lastUser: 'mt.karet' });
    expect(h.out).toContainEqual({ type: 'settings', patch: { lastUser: 'mt.karet' } });
    h.send({ type: 'settings', patch: { window: { width: 1300, height: 800 } } });
    expect(s.get()).toMatchObject({ lastUser: 'mt.karet', window: { width: 1300, height: 800 } });
    // An invalid remote patch is ignored rather than corrupting the copy.
    h.send({ type: 'settings', patch: { language: 'xx' } });
    expect(s.get().language).toBe('id');
  });

  it('shutdown closes the bridge, refuses later calls, and exits 0', async () => {
    const h = harness();
    h.send({ type: 'init', init });
    await tick();
    h.send({ type: 'shutdown' });
    h.send({ type: 'call', id: 2, name: 'app.info', input: {} });
    await tick();
    expect(h.bridge.close).toHaveBeenCalledTimes(1);
    expect(h.exit).toHaveBeenCalledWith(0);
    expect(h.out.find((m) => m.type === 'reply' && m.id === 2)).toMatchObject({ envelope: { ok: false } });
  });

  it('a start failure is reported and exits non-zero', async () => {
    let deliver: (e: { data: unknown }) => void = () => {};
    const out: unknown[] = [];
    const exit = vi.fn();
    serveEngine({
      port: { on: (_e, l) => void (deliver = l), postMessage: (m) => out.push(m) },
      makeBridge: () => {
        throw new Error('cannot open settings');
      },
      exit,
      log: () => {},
    });
    deliver({ data: { type: 'init', init } });
    await tick();
    expect(out).toContainEqual({ type: 'fatal', message: 'cannot open settings' });
    expect(exit).toHaveBeenCalledWith(1);
  });

  it('ignores malformed messages', async () => {
    const h = harness();
    for (const m of [null, 'x', { type: 'call' }, { type: 'call', id: '1', name: 'a' }, { type: 'nope' }])
      h.send(m);
    await tick();
    expect(h.out).toEqual([]);
  });
});

describe('MirrorSettings', () => {
  it('refuses an invalid update whole and sends nothing', () => {
    const sent: unknown[] = [];
    const m = new MirrorSettings({ ...DEFAULT_SETTINGS }, (p) => sent.push(p));
    expect(() => m.update({ language: 'fr' as never })).toThrow();
    expect(sent).toEqual([]);
  });
});
