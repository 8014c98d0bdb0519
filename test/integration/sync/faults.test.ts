/**
 * Faults between a desktop and the real server, through a loopback proxy the tests steer, and
 * crashes of either process. In every case: each command has exactly one effect on the server
 * (checked in the server's audit trail) and the desktop's copy ends equal to the server's.
 */
import { describe, expect, it } from 'vitest';
import { SessionEndedError } from '../../../main/services/auth/session';
import type { DesktopServices } from '../../../main/services/desktop';
import type { Order } from '../../../shared/domain/entities';
import { Office, ServerProcess, waitFor } from './harness';
import { loginPullAccept, realServerForThisFile } from './setup';

const {
  dir,
  server,
  office,
  proxy: openProxy,
  open,
  nextDataDir,
  desktop,
  desktopProcess,
} = realServerForThisFile('sippt-faults-', {
  http: { timeoutMs: 2000 },
  sync: { backoffBaseMs: 50, backoffMaxMs: 400, debounceMs: 5, pullIntervalMs: 60_000 },
});

/** Every command of the desktop was applied exactly once on the server, and its copy equals the server's. */
async function expectExactlyOnceAndConverged(core: DesktopServices, orders: readonly Order[]) {
  await core.syncNow();
  const applications = await office.applications(orders.map((o) => o.id));
  const commands = core.diagnostics.store.commands();
  expect(commands.length).toBeGreaterThan(0);
  for (const c of commands) {
    expect(c.status, `${c.type} ${c.id}`).toBe('applied');
    expect(applications.get(c.id)?.size, `${c.type} ${c.id} applications`).toBe(1);
  }
  for (const o of orders) {
    const local = core.order(o.id);
    if (local) expect(local).toEqual(await office.order(o.id));
  }
}

function saveAll(core: DesktopServices, orders: readonly Order[], value: string): number {
  let count = 0;
  for (const o of orders) {
    for (const s of o.samples) {
      for (const a of s.analyses) {
        core.saveResult(o.id, s.id, a.id, { value });
        count += 1;
      }
    }
  }
  return count;
}

const isPush = (path: string) => path.endsWith('/sync/push');

describe('faults between desktop and server', () => {
  it('server killed in the middle of a push: retried by itself once it is back, each command applied once', async () => {
    const orders = [];
    for (let i = 0; i < 8; i++) orders.push(await office.orderInTesting({ params: 6 }));
    const { core, proxy } = await desktop('analis.karet1');
    expect(saveAll(core, orders, '0,11')).toBe(48);
    let inFlightAtKill = false;
    proxy.rule = (r) => {
      if (isPush(r.path) && !proxy.log.some((e) => isPush(e.path) && e.n < r.n)) {
        // The first push: kill the server while it works on it.
        setTimeout(() => {
          inFlightAtKill = proxy.log.find((e) => e.n === r.n)?.status === null;
          void server.kill();
        }, 10);
      }
      return { kind: 'pass' };
    };
    core.diagnostics.sync.start();
    await waitFor(() => server.proc === null, 10_000, 'server killed');
    expect(inFlightAtKill).toBe(true);
    await waitFor(() => core.status().online === false, 10_000, 'client sees the failure');
    expect(core.status().pending).toBe(48);
    await server.start();
    await waitFor(
      () => core.status().pending === 0 && !core.status().syncing,
      20_000,
      'queue drained by itself',
    );
    core.diagnostics.sync.stop();
    await expectExactlyOnceAndConverged(core, orders);
  });

  it('answer lost after the server committed: the commands are resent and applied once', async () => {
    const order = await office.orderInTesting({ params: 4 });
    const { core, proxy } = await desktop('analis.karet1');
    saveAll(core, [order], '0,2');
    let dropped = 0;
    proxy.rule = (r) => (isPush(r.path) && dropped++ === 0 ? { kind: 'drop' } : { kind: 'pass' });
    await expect(core.syncNow()).rejects.toThrow();
    expect(proxy.log.find((e) => e.action === 'drop')?.status).toBe(200); // the server did answer: it had committed
    expect(core.status().pending).toBe(4);
    await core.syncNow();
    await expectExactlyOnceAndConverged(core, [order]);
  });

  it('answers delayed past the client timeout: retried, applied once, copy converges', async () => {
    const order = await office.orderInTesting({ params: 3 });
    const { core, proxy } = await desktop('analis.karet1', {
      http: { timeoutMs: 1000, pullTimeoutMs: 1000 },
    });
    saveAll(core, [order], '0,3');
    let delayed = 0;
    // The first two pushes are answered after the client has given up on them.
    proxy.rule = (r) => (isPush(r.path) && delayed++ < 2 ? { kind: 'delay', ms: 1600 } : { kind: 'pass' });
    await expect(core.syncNow()).rejects.toThrow(); // push times out
    await expect(core.syncNow()).rejects.toThrow(); // the resent push answers late too
    await core.syncNow();
    await new Promise((r) => setTimeout(r, 1700)); // the late answers arrive on closed connections
    await expectExactlyOnceAndConverged(core, [order]);
  });

  it('requests duplicated on the way: the server applies each command once', async () => {
    const order = await office.orderInTesting({ params: 5 });
    const { core, proxy } = await desktop('analis.karet1');
    proxy.rule = () => ({ kind: 'duplicate' });
    saveAll(core, [order], '0,4');
    await core.syncNow();
    const s = order.samples[0]!;
    for (const a of s.analyses) core.submitResults(order.id, s.id, [a.id]);
    await core.syncNow();
    expect(proxy.log.filter((e) => isPush(e.path)).length).toBeGreaterThanOrEqual(2);
    await expectExactlyOnceAndConverged(core, [order]);
  });

  it('requests and answers reordered: an old push arriving after a newer one changes nothing', async () => {
    const order = await office.orderInTesting({ params: 4 });
    const { core, proxy } = await desktop('analis.karet1', {
      http: { timeoutMs: 1000, pullTimeoutMs: 1000 },
    });
    const s = order.samples[0]!;
    const [a1, a2, a3, a4] = s.analyses;
    core.saveResult(order.id, s.id, a1!.id, { value: '1' });
    core.saveResult(order.id, s.id, a2!.id, { value: '2' });
    // The first push is held on the way to the server; the client gives up on it.
    let first = true;
    proxy.rule = (r) => {
      if (isPush(r.path) && first) {
        first = false;
        return { kind: 'hold-request' };
      }
      return { kind: 'pass' };
    };
    await expect(core.syncNow()).rejects.toThrow();
    expect(proxy.heldCount()).toBe(1);
    // Meanwhile more work, and a retry that carries old and new commands: it arrives first.
    core.saveResult(order.id, s.id, a3!.id, { value: '3' });
    core.saveResult(order.id, s.id, a4!.id, { value: '4' });
    await core.syncNow();
    expect(core.status().pending).toBe(0);
    // Now the old request reaches the server, after the newer one: stored outcomes, nothing applied again.
    proxy.release();
    await waitFor(
      () => proxy.log.filter((e) => isPush(e.path) && e.status !== null).length >= 2,
      5000,
      'old push answered',
    );
    // Answers out of order: hold two pulls' answers and release the newer first.
    proxy.rule = (r) => (r.path.endsWith('/sync/pull') ? { kind: 'hold' } : { kind: 'pass' });
    const p1 = core.diagnostics.sync.pullNow().catch(() => null);
    await waitFor(() => proxy.heldCount() === 1, 5000, 'first pull held');
    core.submitResults(order.id, s.id, [a1!.id]);
    proxy.rule = () => ({ kind: 'pass' });
    await p1; // timed out
    await core.syncNow();
    proxy.release();
    await new Promise((r) => setTimeout(r, 100));
    await expectExactlyOnceAndConverged(core, [order]);
  });

  it('client killed between the local commit and the upload: delivered once after restart', async () => {
    const order = await office.orderInLab({ params: 2 });
    const proxy = await openProxy();
    const penyelia = desktopProcess('penyelia.karet', proxy);
    const c1 = penyelia.run([...loginPullAccept(order), { do: 'hang' }]);
    const accepted = await c1.line(2);
    await c1.line(3);
    await c1.kill();
    expect(proxy.log.filter((e) => isPush(e.path))).toHaveLength(0);
    const c2 = penyelia.run([{ do: 'login', mode: 'offline' }, { do: 'drain' }, { do: 'status' }]);
    const status = (await c2.line(2)) as {
      status: { pending: number };
      commands: { id: string; status: string }[];
    };
    expect(await c2.exited).toBe(0);
    expect(status.commands).toEqual([{ id: accepted.commandId, seq: 1, status: 'applied' }]);
    const applications = await office.applications([order.id]);
    expect(applications.get(accepted.commandId as string)?.size).toBe(1);
    expect((await office.order(order.id)).samples[0]!.status).toBe('received');
  });

  it('client killed after the server committed, before it recorded the answer: delivered once after restart', async () => {
    const order = await office.orderInLab({ params: 2 });
    const proxy = await openProxy();
    proxy.rule = (r) => (isPush(r.path) ? { kind: 'hold' } : { kind: 'pass' });
    const penyelia = desktopProcess('penyelia.karet', proxy);
    const c1 = penyelia.run([...loginPullAccept(order), { do: 'sync' }]);
    const accepted = await c1.line(2);
    await waitFor(() => proxy.heldCount() === 1, 10_000, 'push answered by the server and held');
    expect((await office.order(order.id)).samples[0]!.status).toBe('received');
    await c1.kill();
    proxy.release();
    proxy.rule = () => ({ kind: 'pass' });
    const c2 = penyelia.run([{ do: 'login' }, { do: 'status' }, { do: 'drain' }, { do: 'status' }]);
    const before = (await c2.line(1)) as { commands: { status: string }[] };
    expect(before.commands[0]!.status).toBe('sent'); // it may have reached the server: resent, never renumbered
    const after = (await c2.line(3)) as { commands: { id: string; status: string }[] };
    expect(after.commands).toEqual([{ id: accepted.commandId, seq: 1, status: 'applied' }]);
    const applications = await office.applications([order.id]);
    expect(applications.get(accepted.commandId as string)?.size).toBe(1);
  });

  it('session expiring while offline: renewed on return; a refresh token that expired too ends the session, the queue stays and goes after login', async () => {
    // A server whose access tokens live 2 s and refresh tokens 4 s.
    const short = await new ServerProcess(`${dir}/server-short`, {
      accessTtlSeconds: 2,
      refreshTtlSeconds: 4,
    }).start();
    try {
      const shortOffice = new Office(short);
      const order = await shortOffice.orderInLab({ params: 2 });
      const proxy = await openProxy(short);
      const core = open({ dataDir: nextDataDir(), serverUrl: proxy.url });
      await core.login('penyelia.karet', short.demo!.password);
      await core.syncNow();
      // Offline past the access token's life: renewed at reconnection, queue delivered.
      proxy.offline = true;
      core.acceptSample(order.id, order.samples[0]!.id, 'Segel utuh');
      await new Promise((r) => setTimeout(r, 2200));
      proxy.offline = false;
      await core.syncNow();
      expect(core.status()).toMatchObject({ pending: 0, session: 'active' });
      // Offline past the refresh token's life too: the session ends, the queue stays.
      proxy.offline = true;
      const sample = order.samples[0]!;
      core.assignAnalysts(
        order.id,
        sample.id,
        sample.analyses.map((a) => ({ analysisId: a.id, analystId: short.user('analis.karet1').id })),
      );
      await new Promise((r) => setTimeout(r, 4500));
      proxy.offline = false;
      await expect(core.syncNow()).rejects.toBeInstanceOf(SessionEndedError);
      expect(core.status()).toMatchObject({ session: 'ended', pending: 1 });
      await core.relogin(short.demo!.password);
      await core.syncNow();
      expect(core.status()).toMatchObject({ pending: 0, session: 'active' });
      expect((await shortOffice.order(order.id)).samples[0]!.status).toBe('assigned');
      const applications = await shortOffice.applications([order.id]);
      for (const c of core.diagnostics.store.commands()) expect(applications.get(c.id)?.size).toBe(1);
    } finally {
      await short.stop();
    }
  });

  it('a lab change and a deactivation by the Admin Satker take effect at the next sync', async () => {
    const user = server.user('analis.karet2');
    const otherLab = server.demo!.labs['KIM']!;
    const { core, proxy: p, dataDir } = await desktop('analis.karet2');
    try {
      await office.ok('admin', 'patch', `/users/${user.id}`, { labId: otherLab });
      await core.syncNow();
      expect(core.session!.user.labId).toBe(otherLab);
      await office.ok('admin', 'patch', `/users/${user.id}`, { active: false });
      await expect(core.syncNow()).rejects.toBeInstanceOf(SessionEndedError);
      expect(core.status().session).toBe('ended');
      core.close();
      const again = open({ dataDir, serverUrl: p.url });
      await expect(again.login('analis.karet2', server.demo!.password, 'offline')).rejects.toMatchObject({
        code: 'offline_disabled',
      });
      await expect(again.login('analis.karet2', server.demo!.password, 'online')).rejects.toMatchObject({
        code: 'server_refused',
      });
    } finally {
      await office.ok('admin', 'patch', `/users/${user.id}`, { active: true, labId: user.labId });
    }
  });
});
