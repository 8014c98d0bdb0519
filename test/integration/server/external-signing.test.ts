/**
 * Issue 12: signing without this product's desktop. The Kepala Balai's own tool fetches the
 * signing package (the unsigned E-LHU prepared exactly as the desktop prepares it: signature block
 * and PAdES placeholder; its byte ranges and their SHA-256), signs the digest as a detached CMS
 * (built here with node-forge and node:crypto, not SIPPT's signer), and sends it back; the server
 * embeds it and checks it as a desktop upload, then signs the report. pdfsig (poppler) finds the
 * signature valid. A CMS over other bytes, with another certificate, or for another signing time is
 * refused with a clear message.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from './harness';
import { ok, suiteFlow, USERS } from './flow';
import { demoKepalaSigner, detachedCms, strangerSigner } from './support/external-cms';

describeEachDialect('signing with another tool (detached CMS)', (dialect) => {
  const { s, f } = suiteFlow(dialect);
  let orderId: string;
  let url: string;
  beforeAll(async () => {
    orderId = await f.toPaid();
    url = f.reportPath(await f.sampleTo(orderId, 0, 'awaiting_signature'), 0);
  }, 180_000);

  const fetchPackage = async () => ok(await s.as(USERS.kepala).get(`${url}/signing-package`));

  it('only the Kepala Balai whose queue it is gets the package; it is the prepared E-LHU with its byte ranges and digest', async () => {
    expect((await s.as(USERS.cs).get(`${url}/signing-package`)).status).toBe(403);
    expect((await s.as(USERS.customer).get(`${url}/signing-package`)).status).toBe(403);
    expect((await s.as(USERS.customer2).get(`${url}/signing-package`)).status).toBe(404);
    const p = await fetchPackage();
    const pdf = Buffer.from(p.pdfBase64, 'base64');
    const [a, b, c, d] = p.byteRange as number[];
    expect(a).toBe(0);
    expect(c! + d!).toBe(pdf.length);
    expect(pdf.subarray(b!, c!).toString('latin1')).toMatch(/^<0+>$/);
    const digest = createHash('sha256')
      .update(pdf.subarray(a!, b!))
      .update(pdf.subarray(c!, c! + d!))
      .digest('hex');
    expect(p.digestSha256).toBe(digest);
    expect(pdf.toString('latin1')).toContain('/SubFilter /ETSI.CAdES.detached');
    expect(p.subFilter).toBe('ETSI.CAdES.detached');
    // The signing time handed out is the one written in the document (/M), in whole seconds.
    expect(p.signingTime).toMatch(/:[0-9]{2}\.000Z$/);
  });

  it('a CMS over other bytes is refused, saying the signature does not match the document', async () => {
    const p = await fetchPackage();
    const cms = detachedCms(createHash('sha256').update('bukan dokumen ini').digest(), demoKepalaSigner());
    const r = await s
      .as(USERS.kepala)
      .put(`${url}/detached-signature`, { cms: cms.toString('base64'), signingTime: p.signingTime });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('invalid_signature');
    expect(`${r.body.error.message.id} ${r.body.error.message.en}`).toMatch(/hash|digest/i);
  });

  it('a CMS made with another certificate is refused, naming the certificate', async () => {
    const p = await fetchPackage();
    const cms = detachedCms(Buffer.from(p.digestSha256, 'hex'), strangerSigner());
    const r = await s
      .as(USERS.kepala)
      .put(`${url}/detached-signature`, { cms: cms.toString('base64'), signingTime: p.signingTime });
    expect(r.status).toBe(422);
    expect(r.body.error.message.en).toMatch(/certificate/i);
    expect(r.body.error.message.id).toMatch(/sertifikat/i);
  });

  it('a good CMS sent with another signing time is refused (the document it signed is not the one rebuilt)', async () => {
    const p = await fetchPackage();
    const cms = detachedCms(Buffer.from(p.digestSha256, 'hex'), demoKepalaSigner());
    const other = new Date(new Date(p.signingTime).getTime() - 60_000).toISOString();
    const r = await s
      .as(USERS.kepala)
      .put(`${url}/detached-signature`, { cms: cms.toString('base64'), signingTime: other });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('invalid_signature');
  });

  it('the right CMS is embedded, checked as a desktop upload, the report is signed, and pdfsig finds the signature valid', async () => {
    expect(
      (
        await s.as(USERS.cs).put(`${url}/detached-signature`, {
          cms: 'MIIBIjANBgkqhkiG9w0BAQ==',
          signingTime: new Date().toISOString(),
        })
      ).status,
    ).toBe(403);
    const p = await fetchPackage();
    const cms = detachedCms(Buffer.from(p.digestSha256, 'hex'), demoKepalaSigner());
    const signed = ok(
      await s
        .as(USERS.kepala)
        .put(`${url}/detached-signature`, { cms: cms.toString('base64'), signingTime: p.signingTime }),
    );
    const report = signed.order.samples[0].reports.find((x: { id: string }) => x.id === p.reportId);
    expect(report.status).toBe('signed');
    const file = await s.as(USERS.kepala).get(`${url}/file`);
    expect(file.status).toBe(200);
    const pdf = Buffer.from(file.raw);
    // The signed file is the package with the CMS in the placeholder: same byte ranges, same digest.
    const [a, b, c, d] = p.byteRange as number[];
    expect(
      createHash('sha256')
        .update(pdf.subarray(a!, b!))
        .update(pdf.subarray(c!, c! + d!))
        .digest('hex'),
    ).toBe(p.digestSha256);
    expect(report.signedHash).toBe(createHash('sha256').update(pdf).digest('hex'));
    const dir = mkdtempSync(join(tmpdir(), 'sippt-ext-'));
    try {
      writeFileSync(join(dir, 'signed.pdf'), pdf);
      let out: string;
      try {
        out = execFileSync('pdfsig', [join(dir, 'signed.pdf')], { encoding: 'utf8' });
      } catch (e) {
        // pdfsig exits non-zero when the issuer is not trusted; its report is still on stdout.
        out = String((e as { stdout?: string }).stdout ?? '');
      }
      expect(out).toContain('Signature Validation: Signature is Valid.');
      expect(out).toContain('ETSI.CAdES.detached');
      expect(out).toMatch(/Total document signed/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // Signed once: a second CMS is refused (nothing waits for a signature now).
    expect(
      (
        await s
          .as(USERS.kepala)
          .put(`${url}/detached-signature`, { cms: cms.toString('base64'), signingTime: p.signingTime })
      ).status,
    ).toBe(409);
  });
});
