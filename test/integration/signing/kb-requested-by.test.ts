/**
 * The Kepala Balai's signing queue says who asked for each signature ("diminta oleh", CS at step
 * 18): the order does not record it, so after a pull the desktop fetches the history of queued
 * orders and keeps it, and the queue still says it offline.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DesktopServices } from '../../../main/services/desktop';
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

describe('signing queue: requested by', () => {
  it('names who asked for the signature, online and then offline', async () => {
    const order = await office.orderAwaitingSignature({ params: 1 });
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
