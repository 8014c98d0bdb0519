/**
 * Long-term signatures (issue 10): when step 19 accepts a signed E-LHU the server adds B-T, B-LT and
 * B-LTA with the demo TSA and the demo CA's CRL; pdfsig, qpdf and openssl check the result; the public
 * verification shows level, the timestamp's time and the certificate's validity then; a TSA that
 * cannot be reached leaves the report valid at B-B, pending, and never blocks the release.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signatureSlots } from '../../../server/elhu/ltv/pdf-signatures';
import { parseSignerCms } from '../../../server/elhu/ltv/timestamp-attribute';
import { Flow, ok, USERS } from '../server/flow';
import { API, describeEachDialect, multipart, startTestServer, type TestServer } from '../server/harness';
import { KEYSTORE_DIR, requireTools, run } from '../../unit/elhu/helpers';

requireTools('pdfsig', 'qpdf', 'openssl');

async function signedReport(f: Flow) {
  const orderId = await f.toPaid(USERS.customer, f.oneSample());
  await f.sampleTo(orderId, 0, 'awaiting_signature');
  const signed = await f.uploadSignedPdf(orderId, 0);
  return { orderId, ...signed };
}

async function waitFor<T>(fn: () => Promise<T>, done: (v: T) => boolean, ms = 30_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (done(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describeEachDialect('E-LHU long-term signature on the server', (dialect) => {
  let s: TestServer;
  let f: Flow;
  const dir = mkdtempSync(join(tmpdir(), 'ltv-'));
  let archived = '';

  beforeAll(async () => {
    s = await startTestServer(dialect, { demoPki: true });
    f = new Flow(s);
  }, 60_000);
  afterAll(async () => s?.close());

  it('step 19 accepted: the report reaches B-LTA; the page and JSON show the level, the timestamp time and the certificate valid then', async () => {
    const r = await signedReport(f);
    archived = r.reportId;
    const view = await waitFor(
      () => s.request('GET', `${API}/verify/${r.reportId}`),
      (v) => v.body.report?.longTerm?.level === 'B-LTA',
    );
    const lt = view.body.report.longTerm;
    expect(lt).toMatchObject({ level: 'B-LTA', pending: false, certificateValidAtTimestamp: true });
    expect(Math.abs(Date.parse(lt.timestampTime) - Date.now())).toBeLessThan(120_000);
    expect(Date.parse(lt.archiveUntil)).toBe(Date.parse('2031-12-31T23:59:59Z'));

    const html = (
      await s.request('GET', `/verify/${r.reportId}`, { headers: { accept: 'text/html' } })
    ).raw.toString('utf8');
    expect(html).toContain('data-field="ltv-level">B-LTA<');
    expect(html).toContain('Waktu menurut cap waktu');
    expect(html).toContain('data-field="certificate-valid" data-value="yes"');

    // The file the server keeps now.
    const row = await s.handle.db
      .selectFrom('elhu_ltv_files')
      .select(['data', 'sha256'])
      .where('report_id', '=', r.reportId)
      .where('level', '=', 'B-LTA')
      .executeTakeFirstOrThrow();
    const pdf = new Uint8Array(row.data);
    const file = join(dir, `${dialect}-blta.pdf`);
    writeFileSync(file, pdf);

    // pdfsig: the Kepala Balai's signature still valid; the document timestamp is a second signature.
    const sig = run('pdfsig', [file]).stdout;
    expect(sig).toMatch(
      /Signature #1:[\s\S]*Signer Certificate Common Name: Hendra Gunawan Siregar[\s\S]*Signature Validation: Signature is Valid\./,
    );
    expect(sig).toMatch(/Signature #2:[\s\S]*Signer Certificate Common Name: SIPPT Demo TSA - DEMO ONLY/);
    expect(sig).toMatch(/Signature #2:[\s\S]*Total document signed/);
    // qpdf: no damage after the incremental updates.
    expect(run('qpdf', ['--check', file]).status).toBe(0);

    // openssl ts -verify on the signature timestamp token, against the demo TSA chain.
    const slots = signatureSlots(pdf);
    const cms = parseSignerCms(slots[0]!.der);
    expect(cms.timestampToken).not.toBeNull();
    writeFileSync(join(dir, 'sig.tst'), cms.timestampToken!);
    const v = run('openssl', [
      'ts',
      '-verify',
      '-token_in',
      '-in',
      join(dir, 'sig.tst'),
      '-digest',
      sha256(cms.signatureValue),
      '-CAfile',
      join(KEYSTORE_DIR, 'demo-ca.pem'),
      '-untrusted',
      join(KEYSTORE_DIR, 'demo-tsa.pem'),
    ]);
    expect(v.stdout + v.stderr).toContain('Verification: OK');
    // And the document timestamp's token over the file up to it.
    const dts = slots[1]!;
    writeFileSync(join(dir, 'doc.tst'), dts.der);
    const covered = Buffer.concat([
      pdf.subarray(0, dts.byteRange[1]),
      pdf.subarray(dts.byteRange[2], dts.byteRange[2] + dts.byteRange[3]),
    ]);
    const v2 = run('openssl', [
      'ts',
      '-verify',
      '-token_in',
      '-in',
      join(dir, 'doc.tst'),
      '-digest',
      sha256(covered),
      '-CAfile',
      join(KEYSTORE_DIR, 'demo-ca.pem'),
    ]);
    expect(v2.stdout + v2.stderr).toContain('Verification: OK');

    // The DSS holds the signer's and the TSA's chains and the demo CA's CRL.
    const text = Buffer.from(pdf).toString('latin1');
    expect(text).toMatch(/\/Type \/DSS/);
    expect(text).toMatch(/\/CRLs \[/);

    // The public check: the B-LTA file is genuine, and says what it proves.
    const m = multipart({ data: Buffer.from(pdf), filename: 'lhu.pdf', contentType: 'application/pdf' });
    const check = await s.request('POST', `${API}/verify`, {
      rawBody: m.body,
      headers: { 'content-type': m.contentType },
    });
    expect(check.status).toBe(200);
    expect(check.body.verdict).toBe('genuine');
    expect(check.body.signature.longTerm).toMatchObject({
      level: 'B-LTA',
      certificateValidAtTimestamp: true,
      documentTimestamps: 1,
    });

    // Tampering after B-LTA (a byte in the DSS update) is caught.
    const dssAt = text.indexOf('/Type /DSS');
    const bad = Buffer.from(pdf);
    bad[dssAt + 2] = bad[dssAt + 2]! ^ 0x01;
    const m2 = multipart({ data: bad, filename: 'lhu.pdf', contentType: 'application/pdf' });
    const tampered = await s.request('POST', `${API}/verify`, {
      rawBody: m2.body,
      headers: { 'content-type': m2.contentType },
    });
    expect(tampered.body.verdict).not.toBe('genuine');
  }, 120_000);

  it('Admin Satker re-timestamps archived reports before their timestamp certificate ends (others may not)', async () => {
    expect((await s.as(USERS.cs).post('elhu/retimestamp', { withinDays: 36_500 })).status).toBe(403);
    const before = await s.handle.db
      .selectFrom('elhu_ltv')
      .selectAll()
      .where('report_id', '=', archived)
      .executeTakeFirstOrThrow();
    // Nothing ends within a day: nothing to do.
    expect(ok(await s.as(USERS.admin).post('elhu/retimestamp', { withinDays: 1 })).reports).toEqual([]);
    const res = ok(await s.as(USERS.admin).post('elhu/retimestamp', { withinDays: 36_500 }));
    const mine = res.reports.find((x: { reportId: string }) => x.reportId === archived);
    expect(mine).toMatchObject({ ok: true, level: 'B-LTA', error: null });
    const after = await s.handle.db
      .selectFrom('elhu_ltv')
      .selectAll()
      .where('report_id', '=', archived)
      .executeTakeFirstOrThrow();
    expect(after.current_sha256).not.toBe(before.current_sha256);
    const row = await s.handle.db
      .selectFrom('elhu_ltv_files')
      .select('data')
      .where('sha256', '=', after.current_sha256)
      .executeTakeFirstOrThrow();
    const file = join(dir, `${dialect}-re.pdf`);
    writeFileSync(file, row.data);
    const sig = run('pdfsig', [file]).stdout;
    expect(sig).toMatch(/Signature #1:[\s\S]*Signature Validation: Signature is Valid\./);
    expect(sig).toMatch(/Signature #3:[\s\S]*SIPPT Demo TSA - DEMO ONLY[\s\S]*Total document signed/);
    expect(run('qpdf', ['--check', file]).status).toBe(0);
    // Every version stays a genuine copy.
    const m = multipart({ data: Buffer.from(row.data), filename: 'lhu.pdf', contentType: 'application/pdf' });
    const check = await s.request('POST', `${API}/verify`, {
      rawBody: m.body,
      headers: { 'content-type': m.contentType },
    });
    expect(check.body.verdict).toBe('genuine');
    expect(check.body.signature.longTerm).toMatchObject({ level: 'B-LTA', documentTimestamps: 2 });
  }, 120_000);
});

describeEachDialect('E-LHU long-term signature, TSA unreachable', (dialect) => {
  let s: TestServer;
  let f: Flow;
  beforeAll(async () => {
    // Port 7519 is ours and nothing listens on it.
    s = await startTestServer(dialect, { demoPki: true, tsaUrl: 'http://127.0.0.1:7519/tsa' });
    f = new Flow(s);
  }, 60_000);
  afterAll(async () => s?.close());

  it('the report stays valid at B-B, marked "timestamp pending" and retried; the release is not blocked', async () => {
    const r = await signedReport(f);
    const rec = (await waitFor(
      () =>
        s.handle.db.selectFrom('elhu_ltv').selectAll().where('report_id', '=', r.reportId).executeTakeFirst(),
      (v) => !!v && Number(v.attempts) >= 1,
    ))!;
    const view = ok(await s.request('GET', `${API}/verify/${r.reportId}`));
    expect(view.report.longTerm).toMatchObject({ level: 'B-B', pending: true, timestampTime: null });
    expect(rec.last_error).toMatch(/cannot be reached/);
    expect(Number(rec.attempts)).toBeGreaterThanOrEqual(1);
    expect(Date.parse(rec.next_attempt_at!)).toBeGreaterThan(Date.now());
    await f.release(r.orderId, 0);
    const after = ok(await s.request('GET', `${API}/verify/${r.reportId}`));
    expect(after.report.validity).toBe('valid');
    const html = (
      await s.request('GET', `/verify/${r.reportId}`, { headers: { accept: 'text/html' } })
    ).raw.toString('utf8');
    expect(html).toContain('cap waktu menunggu');
    expect(html).toContain('timestamp pending');
  }, 120_000);
});
