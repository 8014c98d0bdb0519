/**
 * Issue 12: the server's database is restored from a backup taken while desktops worked. Every
 * desktop then converges on the server (its copy equals its bucket on the server), and no command
 * any desktop still holds is lost: each ends applied, exactly once in the restored history.
 *
 * The backup is an online copy of the SQLite file (the backup API: a consistent snapshot) made
 * while two analysts save results with their sync loops running. After it, more work is acknowledged
 * by the server and pulled by every desktop (their cursors pass the backup's feed). Then the server
 * is stopped, the copy put back, and the server started. The history mark next to the database is
 * removed too (as when the whole data folder is put back): the desktops alone must notice, by the
 * server refusing a push from a client it lost commands of, and cursors ahead of its feed.
 */
import { copyFileSync, rmSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { DesktopServices } from '../../../main/services/desktop';
import type { Order } from '../../../shared/domain/entities';
import { waitFor } from './harness';
import { realServerForThisFile } from './setup';

const { dir, server, office, open } = realServerForThisFile('sippt-restore-');
/** Every desktop of the test, with whom it works for (its bucket is checked at the end). */
const desktops: { username: string; core: DesktopServices }[] = [];

async function desktop(username: string) {
  // Straight to the server, no proxy: the restore is what the test does to it.
  const core = open({
    dataDir: `${dir}/pc-${username}`,
    serverUrl: server.url,
    http: { timeoutMs: 5000 },
    sync: { backoffBaseMs: 50, backoffMaxMs: 400, debounceMs: 5, pullIntervalMs: 200 },
  });
  desktops.push({ username, core });
  await core.login(username, server.demo!.password);
  await core.syncNow();
  return core;
}

function saveAll(core: DesktopServices, order: Order, value: string): number {
  let n = 0;
  for (const s of order.samples) {
    for (const a of s.analyses) {
      core.saveResult(order.id, s.id, a.id, { value });
      n += 1;
    }
  }
  return n;
}

const idle = (core: DesktopServices) => core.status().pending === 0 && !core.status().syncing;

describe('restore of the server database from a backup', () => {
  it('every desktop converges on the restored server and no command a desktop holds is lost', async () => {
    const orders1 = [
      await office.orderInTesting({ params: 3 }),
      await office.orderInTesting({ params: 3 }),
      await office.orderInTesting({ params: 3 }),
    ];
    const orders2 = [
      await office.orderInTesting({ params: 3, analyst: 'analis.karet2' }),
      await office.orderInTesting({ params: 3, analyst: 'analis.karet2' }),
      await office.orderInTesting({ params: 3, analyst: 'analis.karet2' }),
    ];
    const a1 = await desktop('analis.karet1');
    const a2 = await desktop('analis.karet2');
    const watchers = [await desktop('penyelia.karet'), await desktop('mt.karet'), await desktop('cs1')];
    const all = [a1, a2, ...watchers];

    // Before the backup: work synced.
    saveAll(a1, orders1[0]!, '0,11');
    saveAll(a2, orders2[0]!, '0,21');
    for (const c of all) await c.syncNow();

    // The backup, taken while both analysts save results with their sync loops running.
    for (const c of all) c.diagnostics.sync.start();
    const file = `${server.dataDir}/sippt.sqlite`;
    const backup = `${dir}/backup.sqlite`;
    let saving = true;
    const work = (async () => {
      for (let i = 0; saving && i < 40; i++) {
        saveAll(a1, orders1[1]!, `0,${30 + (i % 9)}`);
        saveAll(a2, orders2[1]!, `0,${40 + (i % 9)}`);
        await new Promise((r) => setTimeout(r, 15));
      }
    })();
    await new Promise((r) => setTimeout(r, 120));
    const src = new BetterSqlite3(file, { readonly: true });
    await src.backup(backup);
    src.close();
    saving = false;
    await work;

    // After the backup: more work acknowledged by the server, and new orders every desktop pulls.
    saveAll(a1, orders1[2]!, '0,51');
    saveAll(a2, orders2[2]!, '0,52');
    const later = await office.orderInLab({ params: 2 });
    await waitFor(() => all.every(idle), 30_000, 'every desktop drained');
    for (const c of all) await c.syncNow();
    for (const c of all) c.diagnostics.sync.stop();
    const heldBefore = new Map(all.map((c) => [c, c.diagnostics.store.commands().length]));

    // The restore: stop, put the copy back (the history mark too is lost), start.
    await server.stop();
    for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}.history.json`]) rmSync(f, { force: true });
    copyFileSync(backup, file);
    await server.start(false);
    office.forget();

    // The restored server is behind: the later order is gone, so are results acknowledged after the backup.
    expect((await office.call('admin', 'get', `/orders/${later.id}`)).status).toBe(404);

    // The desktops work on: the analysts first (their pushes reveal the loss), then everyone.
    saveAll(a1, orders1[0]!, '0,61');
    for (const c of [a1, a2, ...watchers]) c.diagnostics.sync.start();
    // New work on the restored server meanwhile (its feed passes the old cursors).
    const fresh = await office.orderInTesting({ params: 2 });
    await waitFor(() => all.every(idle), 60_000, 'every desktop drained after the restore');
    for (const c of all) c.diagnostics.sync.stop();
    for (const c of all) await c.syncNow();

    // No command lost: each one a desktop holds is applied, once, in the restored history.
    const allOrders = [...orders1, ...orders2, fresh];
    const applications = await office.applications(allOrders.map((o) => o.id));
    for (const c of all) {
      const commands = c.diagnostics.store.commands();
      expect(commands.length).toBeGreaterThanOrEqual(heldBefore.get(c)!);
      for (const cmd of commands) {
        expect(cmd.status, `${cmd.type} ${cmd.id}`).toBe('applied');
        expect(applications.get(cmd.id)?.size, `${cmd.type} ${cmd.id} applications`).toBe(1);
      }
    }

    // Every desktop converged: its copy is its bucket on the server, order by order.
    for (const { username, core } of desktops) {
      const bucket = await office.bucket(username);
      const local = core.diagnostics.store.orderIds().sort();
      expect(local, `${username}: orders`).toEqual(bucket.map((o) => o.id));
      for (const o of bucket) expect(core.order(o.id), `${username}: ${o.id}`).toEqual(o);
    }
    // The fresh order reached its watchers; the lost one left them.
    const penyelia = watchers[0]!;
    expect(penyelia.order(fresh.id)).not.toBeNull();
    expect(penyelia.order(later.id)).toBeNull();
    // The analysts' last values are on the server.
    const o10 = await office.order(orders1[0]!.id);
    expect(o10.samples[0]!.analyses.every((a) => a.result?.value === '0,61')).toBe(true);
    const o22 = await office.order(orders2[2]!.id);
    expect(o22.samples[0]!.analyses.every((a) => a.result?.value === '0,52')).toBe(true);
  }, 240_000);
});
