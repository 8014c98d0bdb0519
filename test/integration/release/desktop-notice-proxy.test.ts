/**
 * Issue 11, as the desktop UI meets it through the bridge, against the real server in its own
 * process:
 * - an outdated desktop hears `client.outdated` (at login, and when its push is refused with 426),
 *   `client.notice` answers the same after a reload, its queued change stays, and once the server
 *   accepts the version again the notice is withdrawn (null) and the change goes through;
 * - the unit's proxy from the settings carries every request to the server, and a changed proxy
 *   applies to the next request without signing in again.
 */
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createBridge, type Bridge } from '../../../main/services/bridge';
import { MemorySettingsStore } from '../../../main/services/settings/settings';
import type { EventPayload } from '../../../shared/bridge';
import { services } from '../../unit/desktop/helpers';
import { realServerForThisFile } from '../sync/setup';

const { dir, server, office, closeAfter } = realServerForThisFile('sippt-notice-');
const savedVersion = process.env.SIPPT_APP_VERSION;
const bridges: Bridge[] = [];

// Before the file's server and desktops are closed (after-hooks run last registered first).
afterAll(() => {
  for (const b of bridges) b.close();
  if (savedVersion === undefined) delete process.env.SIPPT_APP_VERSION;
  else process.env.SIPPT_APP_VERSION = savedVersion;
});

async function adminToken(): Promise<string> {
  const res = await office.http.post(`${server.url}/api/v1/auth/login`, {
    username: 'admin',
    password: server.demo!.password,
  });
  return res.data.accessToken as string;
}

async function setMinimum(version: string | null): Promise<void> {
  const headers = { authorization: `Bearer ${await adminToken()}` };
  const url = `${server.url}/api/v1/releases/minimum-version`;
  const res = version
    ? await office.http.put(url, { version }, { headers })
    : await office.http.delete(url, { headers });
  expect(res.status, JSON.stringify(res.data)).toBeLessThan(300);
}

function desktop(name: string, settings = new MemorySettingsStore()) {
  const core = closeAfter(
    services(`${dir}/${name}`, server.url, { proxy: () => settings.get().proxy ?? null }),
  );
  const bridge = createBridge({
    services: core,
    settings,
    app: { version: process.env.SIPPT_APP_VERSION ?? '0.0.0', host: 'web' },
  });
  bridges.push(bridge);
  const notices: EventPayload<'client.outdated'>[] = [];
  bridge.on('client.outdated', (n) => notices.push(n));
  const call = async <T>(name: string, input: unknown = {}): Promise<T> => {
    const r = await bridge.invoke(name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message.en}`);
    return r.value as T;
  };
  return { core, bridge, notices, call, settings };
}

/** A forward HTTP proxy (absolute-URI requests, as axios sends through a proxy) that logs what passes. */
async function startForwardProxy(): Promise<{ url: string; seen: string[]; close: () => Promise<void> }> {
  const seen: string[] = [];
  const srv: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    seen.push(`${req.method} ${req.url}`);
    const target = new URL(req.url ?? '/');
    const up = request(
      {
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: req.method,
        headers: req.headers,
      },
      (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      },
    );
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(srv.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>((r) => srv.close(() => r())),
  };
}

describe('the outdated-desktop notice through the bridge', () => {
  it('is told at login and at a refused push, survives a reload of the UI, keeps the queue, and is withdrawn once the version is accepted', async () => {
    const order = await office.orderInLab({ samples: 1, params: 1 });
    const sample = order.samples[0]!;
    process.env.SIPPT_APP_VERSION = '1.0.0';
    const d = desktop('old');
    await d.call('session.login', { username: 'penyelia.karet', password: server.demo!.password });
    expect(d.notices).toEqual([]); // no minimum yet: nothing to tell
    await d.call('sync.now');
    expect(await d.call('client.notice')).toBeNull();

    await setMinimum('1.2.0');
    await d.call('sample.accept', {
      orderId: order.id,
      sampleId: sample.id,
      check: { quantity: 'cukup', condition: 'baik', container: 'baik', sealIntact: true },
    });
    const refused = await d.bridge.invoke('sync.now', {});
    expect(refused.ok).toBe(false);
    expect(d.notices.at(-1)).toMatchObject({ minimumVersion: '1.2.0', currentVersion: '1.0.0' });
    expect(d.notices.at(-1)!.message.id).toMatch(/Perbarui ke versi 1\.2\.0/);
    expect(d.notices.at(-1)!.message.en).toMatch(/Changes not yet sent stay saved/);
    // A reloaded UI asks instead of waiting for the next event.
    expect(await d.call('client.notice')).toMatchObject({ minimumVersion: '1.2.0', currentVersion: '1.0.0' });
    expect(await d.call('sync.status')).toMatchObject({ pending: 1, rejected: 0, blocked: 0 });

    // Signing in again: the login answer carries the notice again, so it is never withdrawn in between (the queue is still there).
    d.notices.length = 0;
    await d.call('session.logout');
    await d.call('session.login', {
      username: 'penyelia.karet',
      password: server.demo!.password,
      mode: 'online',
    });
    expect(d.notices).toEqual([]);
    expect(await d.call('client.notice')).toMatchObject({ minimumVersion: '1.2.0' });
    expect(await d.call('sync.status')).toMatchObject({ pending: 1 });

    // A desktop started after the minimum was raised hears it from its login answer alone.
    const fresh = desktop('fresh');
    await fresh.call('session.login', { username: 'mt.karet', password: server.demo!.password });
    expect(fresh.notices).toEqual([
      expect.objectContaining({ minimumVersion: '1.2.0', currentVersion: '1.0.0' }),
    ]);

    // The unit lowers the minimum again: the next push goes through and the notice is withdrawn.
    await setMinimum(null);
    await d.call('sync.now');
    expect(d.notices.at(-1)).toBeNull();
    expect(await d.call('client.notice')).toBeNull();
    expect(await d.call('sync.status')).toMatchObject({ pending: 0, rejected: 0 });
    expect((await office.order(order.id)).samples[0]!.status).not.toBe(sample.status);
  }, 120_000);

  it('update.install outside the installed app says how to update instead', async () => {
    const d = desktop('no-updater');
    const r = await d.bridge.invoke('update.install', {});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message.id).toMatch(/bagian TI/);
  });
});

describe('the unit proxy from the settings', () => {
  it('carries every request to the server; a changed proxy applies to the next request', async () => {
    process.env.SIPPT_APP_VERSION = '1.0.0';
    const proxy = await startForwardProxy();
    try {
      const d = desktop('proxied', new MemorySettingsStore());
      await d.call('settings.update', { proxy: proxy.url });
      await d.call('session.login', {
        username: 'analis.karet1',
        password: server.demo!.password,
        mode: 'online',
      });
      await d.call('sync.now');
      expect(proxy.seen).toContain(`POST ${server.url}/api/v1/auth/login`);
      expect(proxy.seen).toContain(`POST ${server.url}/api/v1/sync/pull`);

      // A proxy that is not there: the next sync cannot reach the server (and says so).
      const dead = await startForwardProxy();
      const deadUrl = dead.url;
      await dead.close();
      await d.call('settings.update', { proxy: deadUrl });
      const offline = await d.bridge.invoke('sync.now', {});
      expect(offline.ok).toBe(false);
      if (!offline.ok) expect(offline.error.code).toBe('offline');

      // No proxy: straight to the server again, the proxy sees nothing more.
      await d.call('settings.update', { proxy: null });
      const before = proxy.seen.length;
      await d.call('sync.now');
      expect(proxy.seen.length).toBe(before);
    } finally {
      await proxy.close();
    }
  }, 120_000);
});
