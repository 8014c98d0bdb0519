import { describe, expect, it, vi } from 'vitest';
import { BRIDGE_CALL_NAMES, IPC_CHANNELS, type BridgeTransport, type Envelope } from '../../../shared/bridge';
import { makeBridgeApi, type IpcRendererLike } from '../../../main/shell/bridge-api';

function fakeIpc(
  answer: (channel: string, ...args: unknown[]) => Promise<unknown> = async () => ({ ok: true, value: 'x' }),
) {
  const listeners = new Map<string, ((event: unknown, ...args: unknown[]) => void)[]>();
  const invoke = vi.fn(answer);
  const ipc: IpcRendererLike = {
    invoke,
    on: (channel, listener) => {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
    },
  };
  const emit = (channel: string, message: unknown) => {
    for (const l of listeners.get(channel) ?? []) l({ sender: 'ipc' }, message);
  };
  return { ipc, invoke, emit, listeners };
}

describe('the preload API (window.sippt)', () => {
  it('exposes exactly invoke and on, as plain functions', () => {
    const api = makeBridgeApi(fakeIpc().ipc);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect(typeof api.invoke).toBe('function');
    expect(typeof api.on).toBe('function');
    const typed: BridgeTransport = api; // and it is the shared transport
    expect(typed).toBe(api);
  });

  it('invoke sends {name, input} on sippt:invoke and answers the envelope', async () => {
    const f = fakeIpc(async () => ({ ok: true, value: { version: '1' } }));
    const api = makeBridgeApi(f.ipc);
    const env = await api.invoke('app.info', {});
    expect(env).toEqual({ ok: true, value: { version: '1' } });
    expect(f.invoke).toHaveBeenCalledWith(IPC_CHANNELS.invoke, { name: 'app.info', input: {} });
  });

  it('refuses an unknown call name without sending anything', async () => {
    const f = fakeIpc();
    const api = makeBridgeApi(f.ipc);
    const env = (await api.invoke('fs.readFile' as never, {} as never)) as Envelope<unknown>;
    expect(env.ok).toBe(false);
    if (!env.ok) expect(env.error.code).toBe('unknown_call');
    const env2 = (await api.invoke('toString' as never, {} as never)) as Envelope<unknown>;
    expect(env2.ok).toBe(false);
    expect(f.invoke).not.toHaveBeenCalled();
  });

  it('every contract call name passes the check', async () => {
    const f = fakeIpc();
    const api = makeBridgeApi(f.ipc);
    for (const name of BRIDGE_CALL_NAMES) await api.invoke(name, {} as never);
    expect(f.invoke).toHaveBeenCalledTimes(BRIDGE_CALL_NAMES.length);
  });

  it('an IPC failure still answers an envelope', async () => {
    const api = makeBridgeApi(fakeIpc(async () => Promise.reject(new Error('boom'))).ipc);
    const env = await api.invoke('app.info', {});
    expect(env.ok).toBe(false);
    if (!env.ok) expect(env.error.code).toBe('internal');
  });

  it('on delivers its event only, returns an unsubscribe, and refuses unknown events', () => {
    const f = fakeIpc();
    const api = makeBridgeApi(f.ipc);
    const status = vi.fn();
    const session = vi.fn();
    const off = api.on('sync.status', status);
    api.on('session.changed', session);
    // One ipcRenderer listener, however many subscriptions.
    expect(f.listeners.get(IPC_CHANNELS.event)).toHaveLength(1);
    f.emit(IPC_CHANNELS.event, { event: 'sync.status', payload: { pending: 1 } });
    expect(status).toHaveBeenCalledWith({ pending: 1 });
    expect(session).not.toHaveBeenCalled();
    off();
    f.emit(IPC_CHANNELS.event, { event: 'sync.status', payload: { pending: 2 } });
    expect(status).toHaveBeenCalledTimes(1);
    f.emit(IPC_CHANNELS.event, { event: 'session.changed', payload: null });
    expect(session).toHaveBeenCalledWith(null);
    expect(() => api.on('nope' as never, () => {})).toThrow(TypeError);
    expect(() => api.on('constructor' as never, () => {})).toThrow(TypeError);
  });

  it('the same function subscribed twice is two subscriptions; a throwing listener does not starve others', () => {
    const f = fakeIpc();
    const api = makeBridgeApi(f.ipc);
    const cb = vi.fn();
    const off1 = api.on('data.changed', cb);
    api.on('data.changed', cb);
    api.on('data.changed', () => {
      throw new Error('screen bug');
    });
    const after = vi.fn();
    api.on('data.changed', after);
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    f.emit(IPC_CHANNELS.event, { event: 'data.changed', payload: { orderIds: null } });
    expect(cb).toHaveBeenCalledTimes(2);
    expect(after).toHaveBeenCalledTimes(1);
    off1();
    f.emit(IPC_CHANNELS.event, { event: 'data.changed', payload: { orderIds: null } });
    expect(cb).toHaveBeenCalledTimes(3);
    err.mockRestore();
  });

  it('ignores malformed event messages', () => {
    const f = fakeIpc();
    const api = makeBridgeApi(f.ipc);
    const cb = vi.fn();
    api.on('sync.status', cb);
    f.emit(IPC_CHANNELS.event, null);
    f.emit(IPC_CHANNELS.event, 'sync.status');
    f.emit(IPC_CHANNELS.event, { event: 7 });
    expect(cb).not.toHaveBeenCalled();
  });
});
