/**
 * The Kepala Balai's signing queue says who asked for each signature ("diminta oleh", CS at step
 * 18): the order does not record it, so after a pull the desktop fetches the history of queued
 * orders and keeps it, and the queue still says it offline.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DesktopServices } from '../../../main/services/desktop';
import type { Order } from '../../../shared/domain/entities';
import { currentReport } from '../../../shared/domain/state';
import { services, tempDir } from '../../unit/desktop/helpers';
import { Office, Proxy, ServerProcess } from '../sync/harness';

let tmp: ReturnType<typeof tempDir>;
let server: ServerProcess;
let office: Office;
let proxy: Proxy;
const desktops: DesktopServices[] = [];

beforeAll(async () => {
  tmp = tempDir('sippt-requested-');
  server = await new ServerProcess(join(tmp.dir, 'server'), { realReports: true }).start();
  office = new Office(server);
  proxy = await new Proxy(() => server.url).start();
}, 120_000);
afterAll(async () => {
  for (const d of desktops) d.close();
  await proxy?.stop();
  await server?.stop();
  tmp?.cleanup();
});

/** Steps 5-18 over HTTP: the sample's report waits for the demo Kepala Balai's signature, asked by cs1. */
async function awaitingSignature(): Promise<Order> {
  let o = await office.orderInTesting({ samples: 1, params: 1 });
  const s = o.samples[0]!;
  for (const a of s.analyses) {
    await office.ok('analis.karet1', 'put', `/orders/${o.id}/samples/${s.id}/analyses/${a.id}/result`, {
      result: { value: '1,5', numeric: 1.5, unit: a.unit, testedOn: '2025-03-10' },
    });
    o = (await office.ok('analis.karet1', 'post', `/orders/${o.id}/samples/${s.id}/analyses/${a.id}/submit`))
      .order;
  }
  o = (await office.ok('penyelia.karet', 'post', `/orders/${o.id}/samples/${s.id}/results/verify`)).order;
  o = (await office.ok('mt.karet', 'post', `/orders/${o.id}/samples/${s.id}/results/validate`)).order;
  o = (await office.ok('ketuatim', 'post', `/orders/${o.id}/samples/${s.id}/reports`)).order;
  const r = currentReport(o.samples.find((x) => x.id === s.id)!)!;
  return (
    await office.ok('cs1', 'post', `/orders/${o.id}/samples/${s.id}/reports/${r.id}/request-signature`, {
      kepalaBalaiId: server.user('kepala').id,
    })
  ).order;
}

describe('signing queue: requested by', () => {
  it('names who asked for the signature, online and then offline', async () => {
    const order = await awaitingSignature();
    const core = services(join(tmp.dir, 'kb'), proxy.url, { http: { timeoutMs: 20_000 } });
    desktops.push(core);
    await core.login('kepala', server.demo!.password);
    await core.syncNow();
    const cs = server.user('cs1');
    const item = core.signingQueue().find((q) => q.orderId === order.id);
    expect(item?.requestedBy).toBe(cs.name);

    // Offline, signed in again: still said, from the kept history.
    proxy.offline = true;
    await core.logout({ revoke: false });
    await core.login('kepala', server.demo!.password, 'offline');
    expect(core.signingQueue().find((q) => q.orderId === order.id)?.requestedBy).toBe(cs.name);
  }, 180_000);
});
