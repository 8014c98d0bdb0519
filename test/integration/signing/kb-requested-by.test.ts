/**
 * The Kepala Balai's signing queue says who asked for each signature ("diminta oleh", CS at step
 * 18): the order does not record it, so after a pull the desktop fetches the history of queued
 * orders and keeps it, and the queue still says it offline.
 */
import { describe, expect, it } from 'vitest';
import { onSigningOffice } from './support/kb-desktops';

const signing = onSigningOffice('sippt-requested-');

describe('signing queue: requested by', () => {
  it('names who asked for the signature, online and then offline', async () => {
    const order = await signing.office.orderAwaitingSignature({ params: 1 });
    const { core, proxy } = await signing.kbDesktop('kb');
    await core.syncNow();
    const cs = signing.server.user('cs1');
    const item = core.signingQueue().find((q) => q.orderId === order.id);
    expect(item?.requestedBy).toBe(cs.name);

    // Offline, signed in again: still said, from the kept history.
    proxy.offline = true;
    await core.logout({ revoke: false });
    await core.login('kepala', signing.server.demo!.password, 'offline');
    expect(core.signingQueue().find((q) => q.orderId === order.id)?.requestedBy).toBe(cs.name);
  }, 180_000);
});
