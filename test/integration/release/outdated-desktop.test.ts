/**
 * A desktop older than the minimum supported version, for real (the server in its own process, a
 * DesktopServices with its working copy and outbox): its push is refused with client_outdated, its
 * queued change is neither lost nor marked rejected, the status says why in plain words; once the
 * desktop is updated (a newer version, the same data folder) the change goes through.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { DesktopServices } from '../../../main/services/desktop';
import { realServerForThisFile } from '../sync/setup';

const { dir, server, office, open } = realServerForThisFile('sippt-outdated-');
const savedVersion = process.env.SIPPT_APP_VERSION;

afterAll(() => {
  if (savedVersion === undefined) delete process.env.SIPPT_APP_VERSION;
  else process.env.SIPPT_APP_VERSION = savedVersion;
});

async function desktopAt(version: string): Promise<DesktopServices> {
  process.env.SIPPT_APP_VERSION = version; // what the shell sets for its engine
  const core = open({ dataDir: `${dir}/pc`, serverUrl: server.url });
  await core.login('penyelia.karet', server.demo!.password);
  return core;
}

describe('minimum desktop version', () => {
  it('refuses the push of an outdated desktop without losing its queued change; the updated desktop sends it', async () => {
    const order = await office.orderInLab({ samples: 1, params: 1 });
    const sample = order.samples[0]!;
    const old = await desktopAt('1.0.0');
    await old.syncNow();
    const before = (await office.order(order.id)).samples[0]!.status;

    await office.ok('admin', 'put', '/releases/minimum-version', { version: '1.1.0' });
    old.acceptSample(order.id, sample.id, 'Segel utuh');
    expect(old.status()).toMatchObject({ pending: 1, rejected: 0 });
    await expect(old.syncNow()).rejects.toThrow(/Perbarui ke versi 1\.1\.0/);
    const st = old.status();
    expect(st).toMatchObject({ pending: 1, rejected: 0, blocked: 0 });
    expect(st.lastError).toMatch(/Update to version 1\.1\.0/);
    expect(st.lastError).toMatch(/Changes not yet sent stay saved/);
    expect((await office.order(order.id)).samples[0]!.status).toBe(before);
    // the versions in use, as Admin Satker sees them
    const clients = await office.ok<{ items: { username: string; version: string; outdated: boolean }[] }>(
      'admin',
      'get',
      '/releases/clients',
    );
    expect(clients.items).toContainEqual(
      expect.objectContaining({ username: 'penyelia.karet', version: '1.0.0', outdated: true }),
    );
    old.close();

    // Updated: the same data folder, a newer version.
    const updated = await desktopAt('1.1.0');
    expect(updated.status().pending).toBe(1);
    await updated.syncNow();
    expect(updated.status()).toMatchObject({ pending: 0, rejected: 0 });
    expect((await office.order(order.id)).samples[0]!.status).not.toBe(before); // accepted on the server
  }, 120_000);
});
