/**
 * The setup the bridge tests against the real server share: one in-process test server for the
 * describe block (or file), listening on a port, the online roles' `Flow` over it, and desktops
 * signed in through the bridge, each in its own data folder, all closed at the end.
 *
 *   const real = bridgesOnTestServer();
 *   const cs = await real.desktopAs(USERS.cs);
 *   await cs.call('orders.register', { ... });
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect } from 'vitest';
import { createBridge, type Bridge } from '../../../main/services/bridge';
import type { DesktopServices } from '../../../main/services/desktop';
import { MemorySettingsStore } from '../../../main/services/settings/settings';
import { BRIDGE_CALLS, type Envelope } from '../../../shared/bridge';
import { Flow } from '../../integration/server/flow';
import { startTestServer, type DialectName, type TestServer } from '../../integration/server/harness';
import { services, tempDir } from './helpers';

type Extra = Parameters<typeof services>[2];

export interface BridgeDesktop {
  bridge: Bridge;
  core: DesktopServices;
  /** Invoke a bridge call that must succeed; its value. */
  call<T = unknown>(name: string, input?: unknown): Promise<T>;
  /** Invoke a bridge call that must be refused; its error. */
  fails(name: string, input?: unknown): Promise<Extract<Envelope<unknown>, { ok: false }>['error']>;
}

export interface BridgesOnTestServer {
  readonly server: TestServer;
  /** The server's address on the loopback. */
  readonly url: string;
  readonly flow: Flow;
  /** The temporary folder of the block. */
  readonly dir: string;
  /** A desktop signed in online as `username`, the bridge in front of it. */
  desktopAs(username: string, extra?: Extra): Promise<BridgeDesktop>;
}

export function bridgesOnTestServer(dialect: DialectName = 'sqlite'): BridgesOnTestServer {
  let server: TestServer | null = null;
  let url = '';
  let flow: Flow | null = null;
  let tmp: ReturnType<typeof tempDir> | null = null;
  const opened: { bridge: Bridge; core: DesktopServices }[] = [];

  beforeAll(async () => {
    server = await startTestServer(dialect);
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
    flow = new Flow(server);
    tmp = tempDir();
  }, 60_000);
  afterAll(async () => {
    for (const o of opened) {
      o.bridge.close();
      o.core.close();
    }
    await server?.close();
    tmp?.cleanup();
  });

  return {
    get server() {
      return server!;
    },
    get url() {
      return url;
    },
    get flow() {
      return flow!;
    },
    get dir() {
      return tmp!.dir;
    },
    async desktopAs(username, extra = {}) {
      const core = services(`${tmp!.dir}/${username}-${opened.length}`, url, extra);
      const bridge = createBridge({
        services: core,
        settings: new MemorySettingsStore(),
        app: { version: 'test', host: 'web' },
      });
      opened.push({ bridge, core });
      const password =
        server!.demo.users.find((u) => u.username === username)?.password ?? server!.demo.password;
      const login = await bridge.invoke('session.login', { username, password, mode: 'online' });
      expect(login.ok, JSON.stringify(login)).toBe(true);
      return {
        bridge,
        core,
        async call<T = unknown>(name: string, input: unknown = {}): Promise<T> {
          const r = await bridge.invoke(name, input);
          if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message.en}`);
          return r.value as T;
        },
        async fails(name: string, input: unknown = {}) {
          const r: Envelope<unknown> = await bridge.invoke(name, input);
          if (r.ok) throw new Error(`${name}: expected a refusal`);
          return r.error;
        },
      };
    },
  };
}

/** Each of `calls` (a map by call name) is in the bridge contract, marked online, and needs a session. */
export function expectOnlineWithSession(calls: Record<string, unknown>): void {
  for (const name of Object.keys(calls)) {
    const spec = BRIDGE_CALLS[name as keyof typeof BRIDGE_CALLS] as { online?: boolean; session: boolean };
    expect(spec.online, name).toBe(true);
    expect(spec.session, name).toBe(true);
  }
}

/**
 * Runs `act` with the desktop's server address pointing nowhere (a port nobody listens on), then
 * points it back: the server "cannot be reached" for that call alone.
 */
export async function whileUnreachable<T>(core: DesktopServices, act: () => Promise<T>): Promise<T> {
  const api = (core as unknown as { open: { api: { http: { defaults: { baseURL: string } } } } }).open.api;
  const address = api.http.defaults.baseURL;
  api.http.defaults.baseURL = 'http://127.0.0.1:9/api/v1';
  try {
    return await act();
  } finally {
    api.http.defaults.baseURL = address;
  }
}
