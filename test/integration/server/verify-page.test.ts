/**
 * The public verification of E-LHU (issue 5, server side): the page the QR code opens, the PDF check
 * (form and JSON), amendment shown as superseded, the certificate registration by Admin Satker,
 * the survey gate on the customer's download, and a signed file of an earlier document refused
 * after a refusal and a new request (report.sign through sync).
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, expect, it } from 'vitest';
import { PushResponseSchema, type OutboxCommand } from '../../../shared/api/sync';
import { formatDateId } from '../../../shared/elhu/dates';
import { getInfoEntry } from '../../../shared/elhu/pdf-tools';
import { ELHU_INFO_KEYS } from '../../../shared/elhu/types';
import { throwawayKeystore } from '../../unit/elhu/helpers';
import { ok, suiteFlow, SURVEY, USERS } from './flow';
import { API, describeEachDialect, multipart, pdfBytes, pngBytes } from './harness';

const DEMO_NIP = '197503122000031002';
const DEMO_CERT = readFileSync(
  new URL('../../../resources/demo-keystore/kepala-balai-demo.pem', import.meta.url),
  'utf8',
);

describeEachDialect('public E-LHU verification', (dialect) => {
  const { s, f } = suiteFlow(dialect);
  /** A released report, signed with the demo keystore. */
  let released: { orderId: string; sampleId: string; reportId: string; number: string; pdf: Buffer };

  beforeAll(async () => {
    // One sample, so that the order completes and the customer can fill in the survey.
    const orderId = await f.toPaid(USERS.customer, f.oneSample());
    await f.sampleTo(orderId, 0, 'awaiting_signature');
    const signed = await f.uploadSignedPdf(orderId, 0);
    await f.release(orderId, 0);
    const report = f.reportOf(await f.order(orderId), 0);
    released = {
      orderId,
      sampleId: signed.sampleId,
      reportId: signed.reportId,
      number: report.number,
      pdf: Buffer.from(signed.pdf),
    };
  }, 60_000);

  /** The verification URL the report's QR code encodes (the PDF's information dictionary), as a path. */
  async function qrPath(pdf: Uint8Array): Promise<string> {
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    const url = getInfoEntry(doc, ELHU_INFO_KEYS.verificationUrl);
    expect(url).toMatch(/^https?:\/\/.+\/verify\/[0-9a-f-]{36}$/);
    return new URL(url!).pathname;
  }
  const page = (path: string) => s.request('GET', path, { headers: { accept: 'text/html' } });
  const text = (raw: Buffer) => raw.toString('utf8');
  const dropPdf = (data: Buffer, fields: Record<string, string> = {}) => {
    const m = multipart({ data, filename: 'laporan.pdf', contentType: 'application/pdf' }, fields);
    return s.request('POST', '/verifikasi', {
      rawBody: m.body,
      headers: { 'content-type': m.contentType, accept: 'text/html' },
    });
  };

  it('the QR code opens a page with number, customer, sample, issue date, signer, hash and "Sah / Valid"; strict CSP, no script', async () => {
    const path = await qrPath(released.pdf);
    expect(path).toBe(`/verify/${released.reportId}`);
    const r = await page(path);
    expect(r.status).toBe(200);
    expect(String(r.headers['content-type'])).toContain('text/html');
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    const html = text(r.raw);
    expect(html).not.toMatch(/<script|https?:\/\/[^"<\s]*\.(css|js)|style="/i);
    const o = await f.order(released.orderId);
    const customer = ok(await s.as(USERS.admin).get(`customers/${o.customerId}`)).customer;
    const kepala = s.user(USERS.kepala);
    const sha = createHash('sha256').update(released.pdf).digest('hex');
    for (const expected of [
      released.number,
      customer.companyName,
      o.samples[0]!.number!,
      o.samples[0]!.sampleTypeName,
      kepala.name,
      DEMO_NIP,
      formatDateId(o.samples[0]!.reports[0]!.issuedAt!.slice(0, 10)),
      sha,
      'Sah',
      'Valid',
    ]) {
      expect(html, expected).toContain(expected.replace(/&/g, '&#38;'));
    }
    expect(html).toContain('data-status="valid"');
    // Bahasa Indonesia first, English second.
    expect(html.indexOf('Nomor laporan')).toBeLessThan(html.indexOf('Report number'));
    // The same as JSON: Accept header, and the API twin.
    const viaAccept = await s.request('GET', path, { headers: { accept: 'application/json' } });
    expect(viaAccept.status).toBe(200);
    const api = ok(await s.request('GET', `${API}/verify/${released.reportId}`));
    expect(viaAccept.body).toEqual(api);
    expect(api.report).toMatchObject({
      number: released.number,
      validity: 'valid',
      signedSha256: sha,
      signer: { name: kepala.name, nip: DEMO_NIP },
    });
    expect(api.status).toEqual({ id: 'Sah', en: 'Valid' });
  });

  it('an unknown or malformed address answers a 404 page in the same style (JSON 404 for programs)', async () => {
    for (const path of [
      `/verify/${randomUUID()}`,
      '/verify/not-a-report',
      `/verify/${encodeURIComponent("1' or '1'='1")}`,
    ]) {
      const r = await page(path);
      expect(r.status, path).toBe(404);
      expect(text(r.raw)).toContain('Laporan tidak ditemukan');
      expect(String(r.headers['content-security-policy'])).toContain("default-src 'none'");
    }
    const api = await s.request('GET', `${API}/verify/${randomUUID()}`);
    expect(api.status).toBe(404);
    expect(api.body.error.code).toBe('not_found');
    expect((await s.request('GET', `${API}/verify/nope`)).status).toBe(400);
    const general = await page('/verifikasi');
    expect(general.status).toBe(200);
    expect(text(general.raw)).toMatch(
      /<form method="post" action="verifikasi" enctype="multipart\/form-data">/,
    );
  });

  it('a dropped PDF: the signed file is genuine; a flipped byte, an unsigned PDF, another file type and an oversized file are not', async () => {
    const genuine = await dropPdf(released.pdf, { reportId: released.reportId });
    expect(genuine.status).toBe(200);
    expect(text(genuine.raw)).toContain('data-verdict="genuine"');
    expect(text(genuine.raw)).toContain(released.number);

    const flipped = Buffer.from(released.pdf);
    const at = Math.floor(flipped.length / 3);
    flipped[at] = flipped[at]! ^ 0x01;
    const altered = await dropPdf(flipped);
    expect(altered.status).toBe(200);
    expect(text(altered.raw)).toContain('TIDAK ASLI');
    expect(text(altered.raw)).not.toContain('data-verdict="genuine"');

    const unsigned = await dropPdf(pdfBytes('bukan E-LHU'));
    expect(text(unsigned.raw)).toContain('data-verdict="unknown_document"');

    const png = await dropPdf(pngBytes());
    expect(png.status).toBe(415);
    expect(text(png.raw)).toContain('Jenis berkas tidak diterima');

    const big = await dropPdf(Buffer.concat([pdfBytes(), Buffer.alloc(10 * 1024 * 1024 + 10, 0x20)]));
    expect(big.status).toBe(413);
    expect(text(big.raw)).toContain('terlalu besar');

    // JSON for programs.
    const m = multipart({ data: released.pdf, filename: 'x.pdf' });
    const api = ok(
      await s.request('POST', `${API}/verify`, {
        rawBody: m.body,
        headers: { 'content-type': m.contentType },
      }),
    );
    expect(api).toMatchObject({
      verdict: 'genuine',
      genuine: true,
      report: { reportId: released.reportId, validity: 'valid' },
    });
    const m2 = multipart({ data: flipped, filename: 'x.pdf' });
    const bad = ok(
      await s.request('POST', `${API}/verify`, {
        rawBody: m2.body,
        headers: { 'content-type': m2.contentType },
      }),
    );
    expect(bad.genuine).toBe(false);
    expect(['altered', 'signature_invalid']).toContain(bad.verdict);
    expect(bad.reason.id.length).toBeGreaterThan(10);
  });

  it('an amended report: the old page shows "Digantikan oleh <new>" with the reason and a link; the old file is still genuine but superseded', async () => {
    const orderId = await f.toPaid();
    await f.sampleTo(orderId, 0, 'released');
    let o = await f.order(orderId);
    const old = f.reportOf(o, 0);
    const oldFile = (
      await s.as(USERS.cs).get(`orders/${orderId}/samples/${o.samples[0]!.id}/reports/${old.id}/file`)
    ).raw;
    const reason = 'Satuan kadar abu salah cetak.';
    o = ok(
      await s
        .as(USERS.ketua)
        .post(`orders/${orderId}/samples/${o.samples[0]!.id}/reports/${old.id}/amend`, { reason }),
    ).order;
    const next = o.samples[0]!.reports.find((r) => r.replaces === old.id)!;

    const r = await page(`/verify/${old.id}`);
    expect(r.status).toBe(200);
    const html = text(r.raw);
    expect(html).toContain('data-status="superseded"');
    expect(html).toContain(`Digantikan oleh <a href="${next.id}">${next.number}</a>`);
    expect(html).toContain('Superseded by');
    expect(html).toContain(reason);
    const api = ok(await s.request('GET', `${API}/verify/${old.id}`));
    expect(api.report).toMatchObject({
      validity: 'superseded',
      supersededBy: { reportId: next.id, number: next.number, reason },
    });

    // The new one: not signed yet, names the report it replaces.
    const nextPage = text((await page(`/verify/${next.id}`)).raw);
    expect(nextPage).toContain('data-status="not_signed"');
    expect(nextPage).toContain('Belum ditandatangani');
    expect(nextPage).toContain(`<a href="${old.id}">${old.number}</a>`);

    const check = text((await dropPdf(oldFile)).raw);
    expect(check).toContain('data-verdict="genuine"');
    expect(check).toContain('Digantikan');
    expect(check).toContain(`href="verify/${next.id}"`);
  });

  it('Admin Satker registers a Kepala Balai certificate; garbage, expired, not-yet-valid, a private key or a non-Kepala Balai are refused with a reason', async () => {
    const kepala = s.user(USERS.kepala);
    const url = `users/${kepala.id}/certificate`;
    const admin = s.as(USERS.admin);
    const refused = async (certificatePem: string, id: RegExp, userUrl = url) => {
      const r = await admin.put(userUrl, { certificatePem });
      expect(r.status, JSON.stringify(r.body)).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      expect(r.body.error.message.id).toMatch(id);
      expect(r.body.error.message.en.length).toBeGreaterThan(5);
    };
    await refused('hello', /PEM/);
    await refused(
      '-----BEGIN CERTIFICATE-----\nAAAAbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n',
      /tidak dapat dibaca/,
    );
    const now = Date.now();
    const expired = throwawayKeystore({
      notBefore: new Date(now - 400 * 86_400_000),
      notAfter: new Date(now - 86_400_000),
    });
    await refused(expired.certPem, /kedaluwarsa/);
    const future = throwawayKeystore({
      notBefore: new Date(now + 30 * 86_400_000),
      notAfter: new Date(now + 400 * 86_400_000),
    });
    await refused(future.certPem, /belum berlaku/);
    await refused(expired.caPem, /CA/);
    await refused(
      `${DEMO_CERT}\n-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n`,
      /kunci privat/,
    );
    await refused(
      DEMO_CERT,
      /hanya didaftarkan untuk Kepala Balai/,
      `users/${s.user(USERS.cs).id}/certificate`,
    );
    expect((await s.as(USERS.cs).put(url, { certificatePem: DEMO_CERT })).status).toBe(403);
    expect((await s.as(USERS.kepala).put(url, { certificatePem: DEMO_CERT })).status).toBe(403);

    const good = throwawayKeystore({
      notBefore: new Date(now - 86_400_000),
      notAfter: new Date(now + 365 * 86_400_000),
      cn: 'Kepala Balai Uji',
    });
    const res = ok(await admin.put(url, { certificatePem: good.certPem }));
    expect(res).toMatchObject({ userId: kepala.id, fingerprint: good.fingerprint });
    expect(res.subject).toContain('Kepala Balai Uji');
    // Back to the demo certificate (the other tests sign with the demo keystore).
    const demo = ok(await admin.put(url, { certificatePem: DEMO_CERT }));
    expect(demo.fingerprint).toBe(
      readFileSync(
        new URL('../../../resources/demo-keystore/kepala-balai-demo.sha256', import.meta.url),
        'utf8',
      ).trim(),
    );
  });

  it('the customer downloads the signed E-LHU only after the survey: 403 with the survey message before, the signed bytes after', async () => {
    const base = `orders/${released.orderId}/samples/${released.sampleId}/reports/${released.reportId}/file`;
    const before = await s.as(USERS.customer).get(base);
    expect(before.status).toBe(403);
    expect(before.body.error).toMatchObject({ code: 'survey_required' });
    expect(before.body.error.message.id).toContain('survei');
    ok(await s.as(USERS.customer).post(`orders/${released.orderId}/survey`, SURVEY));
    const after = await s.as(USERS.customer).get(base);
    expect(after.status).toBe(200);
    expect(String(after.headers['content-type'])).toBe('application/pdf');
    expect(Buffer.compare(after.raw, released.pdf)).toBe(0);
  });

  it('after a refusal and a new request, a file signed from the earlier document is refused, also when it was stored ahead and report.sign comes by sync', async () => {
    const orderId = await f.toPaid();
    await f.sampleTo(orderId, 0, 'awaiting_signature');
    const first = await f.signedPdf(orderId, 0);
    const base = `orders/${orderId}/samples/${first.sampleId}/reports/${first.reportId}`;
    // The desktop stored the signed file ahead (verified against the document then queued)...
    const stored = ok(
      await s.as(USERS.kepala).upload(`${base}/signed-file`, { data: Buffer.from(first.pdf) }),
    );
    const oldHash = f.reportOf(await f.order(orderId), 0).documentHash;
    // ...but the report is refused (another desktop, or on the web) and asked again the next day: a new document.
    ok(await s.as(USERS.kepala).post(`${base}/refuse`, { reason: 'Alamat pelanggan perlu diperbaiki.' }));
    s.clock.advance(86_400_000);
    await f.requestSignature(orderId, 0);
    const renewed = f.reportOf(await f.order(orderId), 0);
    expect(renewed.id).toBe(first.reportId);
    expect(renewed.documentHash).not.toBe(oldHash);

    const clientId = randomUUID();
    const cmd: OutboxCommand = {
      id: randomUUID(),
      seq: 1,
      type: 'report.sign',
      aggregateId: orderId,
      payload: { sampleId: first.sampleId, reportId: first.reportId, signedHash: stored.signedHash },
      baseVersion: null,
      issuedAt: new Date().toISOString(),
    };
    const pushed = PushResponseSchema.parse(
      ok(await s.as(USERS.kepala).post('sync/push', { clientId, commands: [cmd] })),
    );
    expect(pushed.outcomes[0]).toMatchObject({ status: 'rejected', code: 'invalid_payload' });
    expect(JSON.stringify(pushed.outcomes[0])).toContain('dokumen lama');
    expect(f.reportOf(await f.order(orderId), 0).status).toBe('awaiting_signature');
    // Uploading the old file again is refused by the signature check (it names the earlier document).
    expect(
      (await s.as(USERS.kepala).upload(`${base}/signed-file`, { data: Buffer.from(first.pdf) })).status,
    ).toBe(422);
    expect((await s.as(USERS.kepala).upload(`${base}/sign`, { data: Buffer.from(first.pdf) })).status).toBe(
      422,
    );
    // Signing the new document works, by sync as well.
    const second = await f.signedPdf(orderId, 0);
    const stored2 = ok(
      await s.as(USERS.kepala).upload(`${base}/signed-file`, { data: Buffer.from(second.pdf) }),
    );
    const cmd2 = {
      ...cmd,
      id: randomUUID(),
      seq: 2,
      payload: { ...(cmd.payload as object), signedHash: stored2.signedHash },
    };
    const pushed2 = PushResponseSchema.parse(
      ok(await s.as(USERS.kepala).post('sync/push', { clientId, commands: [cmd2] })),
    );
    expect(pushed2.outcomes[0]!.status).toBe('applied');
    expect(f.reportOf(await f.order(orderId), 0)).toMatchObject({
      status: 'signed',
      signedHash: stored2.signedHash,
    });
  });
});
