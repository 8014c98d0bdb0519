/**
 * The Kepala Balai's offline signing against the real server process (real E-LHU rendering and
 * PAdES verification against the registered demo certificate): CS requests the signature over
 * HTTP (step 18), the Kepala Balai's desktop pulls and keeps the unsigned E-LHUs, signs offline,
 * and sync uploads the signed files before pushing the 'report.sign' commands.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DesktopServices } from '../../../main/services/desktop';
import { currentReport } from '../../../shared/domain/state';
import { services } from '../../unit/desktop/helpers';
import { REPO } from '../sync/harness';
import { onSigningOffice, refsOf, signingError } from './support/kb-desktops';

const KEYSTORE = join(REPO, 'resources', 'demo-keystore', 'kepala-balai-demo.p12');
const PASSPHRASE = 'demo-tte-2025';

const signing = onSigningOffice('sippt-signing-');

function signedRows(core: DesktopServices): number {
  return (
    core.diagnostics.store.ws.db.prepare('SELECT count(*) AS n FROM ob.signed_reports').get() as { n: number }
  ).n;
}

describe('Kepala Balai signs offline; sync uploads', () => {
  it('pulls and keeps the E-LHUs, signs a batch of two offline, and everything goes up when the network returns', async () => {
    const order = await signing.office.orderAwaitingSignature({ samples: 2 });
    const { core, proxy } = await signing.kbDesktop('kb-full');
    await core.syncNow();
    const queue = core.signingQueue().filter((q) => q.orderId === order.id);
    expect(queue).toHaveLength(2);
    expect(queue.every((q) => q.documentReady)).toBe(true);
    core.importKeystore(new Uint8Array(readFileSync(KEYSTORE)));

    proxy.offline = true;
    const signed = await core.signReports(refsOf(order), PASSPHRASE);
    expect(signed).toHaveLength(2);
    expect(core.order(order.id)!.samples.map((s) => currentReport(s)!.status)).toEqual(['signed', 'signed']);
    expect(core.signingQueue().filter((q) => q.orderId === order.id)).toHaveLength(0);
    expect(core.status()).toMatchObject({ signedAwaitingUpload: 2, pending: 2 });
    await expect(core.syncNow()).rejects.toThrow();
    expect(core.status()).toMatchObject({ signedAwaitingUpload: 2, online: false });
    expect(core.keystore()!.fingerprint).toBe(
      readFileSync(join(REPO, 'resources', 'demo-keystore', 'kepala-balai-demo.sha256'), 'utf8')
        .trim()
        .split(/\s/)[0],
    );

    proxy.offline = false;
    proxy.log.length = 0;
    await core.syncNow();
    expect(core.status()).toMatchObject({ signedAwaitingUpload: 0, pending: 0, rejected: 0 });
    // Each file went up before the commands that name it.
    const paths = proxy.log.map((l) => l.path);
    const lastUpload = Math.max(...paths.map((p, i) => (p.endsWith('/signed-file') ? i : -1)));
    const firstPush = paths.findIndex((p) => p.endsWith('/sync/push'));
    expect(paths.filter((p) => p.endsWith('/signed-file'))).toHaveLength(2);
    expect(lastUpload).toBeLessThan(firstPush);

    const onServer = await signing.office.order(order.id);
    expect(onServer.samples.map((s) => currentReport(s)!.status)).toEqual(['signed', 'signed']);
    for (const [i, s] of onServer.samples.entries()) {
      const r = currentReport(s)!;
      expect(r.signedHash).toBe(signed.find((x) => x.reportId === r.id)!.signedHash);
      const file = await signing.office.http.get(
        `${signing.server.url}/api/v1/orders/${order.id}/samples/${s.id}/reports/${r.id}/file`,
        {
          responseType: 'arraybuffer',
          headers: {
            authorization: `Bearer ${(await signing.office.http.post(`${signing.server.url}/api/v1/auth/login`, { username: 'cs1', password: signing.server.demo!.password })).data.accessToken}`,
          },
        },
      );
      expect(file.status).toBe(200);
      const path = join(signing.dir, `signed-${i}.pdf`);
      writeFileSync(path, Buffer.from(file.data as ArrayBuffer));
      const out = execFileSync('pdfsig', [path], { encoding: 'utf8' });
      expect(out).toContain('Signature Validation: Signature is Valid.');
      expect(out).toContain('Total document signed');
      expect(out).toContain('Hendra Gunawan Siregar');
    }
  });

  it('a wrong passphrase writes nothing; five lock signing out, also after a restart of the services', async () => {
    const order = await signing.office.orderAwaitingSignature({ samples: 1 });
    const { core, proxy, dataDir } = await signing.kbDesktop('kb-lockout');
    await core.syncNow();
    core.importKeystore(readFileSync(KEYSTORE), PASSPHRASE);
    proxy.offline = true;
    const outboxBefore = core.diagnostics.store.commands().length;
    const first = await signingError(core.signReports(refsOf(order), 'salah'));
    expect(first.code).toBe('wrong_passphrase');
    expect(first.details.attemptsLeft).toBe(4);
    expect(signedRows(core)).toBe(0);
    expect(core.diagnostics.store.commands().length).toBe(outboxBefore);
    expect(currentReport(core.order(order.id)!.samples[0]!)!.status).toBe('awaiting_signature');
    for (let i = 0; i < 3; i++)
      expect((await signingError(core.signReports(refsOf(order), `salah-${i}`))).code).toBe(
        'wrong_passphrase',
      );
    const fifth = await signingError(core.signReports(refsOf(order), 'salah-lagi'));
    expect(fifth.code).toBe('wrong_passphrase');
    expect(fifth.details.attemptsLeft).toBe(0);
    expect((await signingError(core.signReports(refsOf(order), PASSPHRASE))).code).toBe('locked_out');

    // Restart: a new DesktopServices on the same data folder (offline login), still locked.
    core.close();
    const again = signing.closeAfter(services(dataDir, proxy.url));
    await again.login('kepala', signing.server.demo!.password, 'offline');
    const locked = await signingError(again.signReports(refsOf(order), PASSPHRASE));
    expect(locked.code).toBe('locked_out');
    expect(locked.details.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect(signedRows(again)).toBe(0);
    expect(again.diagnostics.store.commands().filter((c) => c.type === 'report.sign')).toHaveLength(0);
  });

  it('refuses offline with a reason: the server shows the report refused with it', async () => {
    const order = await signing.office.orderAwaitingSignature({ samples: 1 });
    const { core, proxy } = await signing.kbDesktop('kb-refuse');
    await core.syncNow();
    const [ref] = refsOf(order);
    proxy.offline = true;
    const reason = 'Nama parameter pada halaman 1 salah ketik; mohon diperbaiki.';
    core.refuseReport(ref!.orderId, ref!.sampleId, ref!.reportId, reason);
    expect(core.signingQueue().filter((q) => q.orderId === order.id)).toHaveLength(0);
    await expect(core.syncNow()).rejects.toThrow();
    proxy.offline = false;
    await core.syncNow();
    expect(core.status()).toMatchObject({ pending: 0, rejected: 0 });
    const onServer = await signing.office.order(order.id);
    const r = onServer.samples[0]!.reports.find((x) => x.id === ref!.reportId)!;
    expect(r.status).toBe('refused');
    expect(JSON.stringify(onServer)).toContain(reason);
  });

  it('a report changed on the server after it was queued: signing refuses a changed document, and a signature made offline is rejected visibly, nothing lost', async () => {
    const order = await signing.office.orderAwaitingSignature({ samples: 1 });
    const { core, proxy } = await signing.kbDesktop('kb-changed');
    await core.syncNow();
    core.importKeystore(new Uint8Array(readFileSync(KEYSTORE)));
    const [ref] = refsOf(order);

    // The local copy of the document no longer is the one queued: refused, nothing written.
    const docs = readdirSync(join(core.session!.workspace, 'elhu-unsigned')).filter((f) =>
      f.startsWith(`${ref!.reportId}.`),
    );
    expect(docs).toHaveLength(1);
    const docPath = join(core.session!.workspace, 'elhu-unsigned', docs[0]!);
    const original = readFileSync(docPath);
    const tampered = Buffer.from(original);
    tampered[tampered.length - 20] = tampered[tampered.length - 20]! ^ 1;
    writeFileSync(docPath, tampered);
    const changed = await signingError(core.signReports([ref!], PASSPHRASE));
    expect(changed.code).toBe('document_changed');
    expect(changed.details.expectedHash).toBe(
      core.signingQueue().find((q) => q.reportId === ref!.reportId)!.documentHash,
    );
    expect(signedRows(core)).toBe(0);
    writeFileSync(docPath, original);

    // Signed offline; meanwhile the report is refused elsewhere and requested again by CS.
    proxy.offline = true;
    const [signed] = await core.signReports([ref!], PASSPHRASE);
    await signing.office.ok(
      'kepala',
      'post',
      `/orders/${ref!.orderId}/samples/${ref!.sampleId}/reports/${ref!.reportId}/refuse`,
      { reason: 'Ditolak dari perangkat lain' },
    );
    await signing.office.ok(
      'cs1',
      'post',
      `/orders/${ref!.orderId}/samples/${ref!.sampleId}/reports/${ref!.reportId}/request-signature`,
      { kepalaBalaiId: signing.server.user('kepala').id },
    );

    proxy.offline = false;
    await core.syncNow();
    const rejected = core.rejectedCommands();
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.type).toBe('report.sign');
    expect(rejected[0]!.rejection!.message.en.length).toBeGreaterThan(0);
    expect(core.status()).toMatchObject({ rejected: 1, signedAwaitingUpload: 0 });
    // Nothing lost: the signed file is still here, and the server did not take the old signature.
    expect(core.diagnostics.signing.signedFile(ref!.reportId)!.signedHash).toBe(signed!.signedHash);
    const onServer = await signing.office.order(order.id);
    expect(currentReport(onServer.samples[0]!)!.status).toBe('awaiting_signature');
    expect(currentReport(onServer.samples[0]!)!.signedHash).toBeNull();

    // The report is back in the queue: dismiss the rejection, sign the current document again.
    core.dismiss(rejected[0]!.id);
    await core.syncNow();
    expect(core.signingQueue().map((q) => q.reportId)).toContain(ref!.reportId);
    expect(core.signingQueue().find((q) => q.reportId === ref!.reportId)!.documentReady).toBe(true);
    await core.signReports([ref!], PASSPHRASE);
    await core.syncNow();
    expect(core.status()).toMatchObject({ rejected: 0, pending: 0, signedAwaitingUpload: 0 });
    expect(currentReport((await signing.office.order(order.id)).samples[0]!)!.status).toBe('signed');
    // The documents of reports no longer queued are cleaned up.
    expect(existsSync(docPath)).toBe(false);
  });

  it('a 5xx on the upload is retried by itself; a signed file the server refuses (422) is a visible rejection with its message and holds back later commands on the order', async () => {
    const order = await signing.office.orderAwaitingSignature({ samples: 2 });
    const { core, proxy } = await signing.kbDesktop('kb-upload-faults');
    await core.syncNow();
    core.importKeystore(new Uint8Array(readFileSync(KEYSTORE)));
    const [a, b] = refsOf(order);
    proxy.offline = true;
    const [signed] = await core.signReports([a!], PASSPHRASE);
    core.refuseReport(b!.orderId, b!.sampleId, b!.reportId, 'Alasan penolakan uji');
    // The stored signed file is damaged (a flipped byte): its signature no longer verifies.
    const row = core.diagnostics.store.ws.db
      .prepare('SELECT data FROM ob.signed_reports WHERE command_id = ?')
      .get(signed!.commandId) as { data: Buffer };
    const bad = Buffer.from(row.data);
    const at = Math.floor(bad.length / 3);
    bad[at] = bad[at]! ^ 1;
    core.diagnostics.store.ws.db
      .prepare('UPDATE ob.signed_reports SET data = ? WHERE command_id = ?')
      .run(bad, signed!.commandId);

    // Back online, but the upload meets a 503 first: the cycle fails and is retried like a push.
    proxy.offline = false;
    let failures = 1;
    proxy.rule = (r) =>
      r.path.endsWith('/signed-file') && failures-- > 0 ? { kind: 'status', status: 503 } : { kind: 'pass' };
    await expect(core.syncNow()).rejects.toThrow(/503/);
    expect(core.status()).toMatchObject({ online: false, signedAwaitingUpload: 1, pending: 2 });
    await core.syncNow();
    const rejected = core.rejectedCommands();
    expect(rejected.map((c) => c.type)).toEqual(['report.sign']);
    expect(rejected[0]!.rejection!.code).toBe('invalid_payload');
    expect(rejected[0]!.rejection!.message.en).toMatch(/signature|digest|document|altered/i);
    expect(core.status()).toMatchObject({ rejected: 1, blocked: 1, signedAwaitingUpload: 0 });
    expect(proxy.log.filter((l) => l.path.endsWith('/sync/push'))).toHaveLength(0);
    const onServer = await signing.office.order(order.id);
    expect(onServer.samples.map((s) => currentReport(s)!.status)).toEqual([
      'awaiting_signature',
      'awaiting_signature',
    ]);

    // Dismissing it lets the held-back refusal go; the file stays here.
    core.dismiss(rejected[0]!.id);
    await core.syncNow();
    expect(core.status()).toMatchObject({ rejected: 0, blocked: 0, pending: 0 });
    expect(currentReport((await signing.office.order(order.id)).samples[1]!)!.status).toBe('refused');
    expect(core.diagnostics.signing.signedFile(a!.reportId)).not.toBeNull();
  });
});
