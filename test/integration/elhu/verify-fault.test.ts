/**
 * A server that cannot re-create the signed E-LHU (its fonts unreadable, a misconfiguration) must
 * say so as a logged server error (500, in the error shape), not refuse the Kepala Balai's report
 * as "document altered"; once the server is fixed, the same signed file is accepted: nothing lost.
 * Through the HTTP API (step 19 upload), and at the verifier's entry point.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../main/services/signing/index';
import { seedDemo } from '../../../server/demo';
import {
  SignatureCheckFault,
  loadElhuFonts,
  verifyUploadedElhu,
} from '../../../server/elhu/verify-signature';
import { buildServer } from '../../../server/http/app';
import { localElhuReportServices } from '../../../server/reports/elhu';
import { placeholderReportServices } from '../../../server/reports/placeholder';
import type { ReportServices } from '../../../server/reports/services';
import { demoElhuData } from '../../../shared/elhu/demo-data';
import { renderElhu } from '../../../shared/elhu/render';
import type { ElhuFonts } from '../../../shared/elhu/types';
import { demoCertPem } from '../../unit/elhu/helpers';
import { Flow, USERS } from '../server/flow';
import { TestClock, TestServer, createTestDatabase, testConfig } from '../server/harness';
import { signAsKepalaBalai } from '../../unit/elhu/demo-signing';

/** Font files that are there but cannot be read (a truncated copy, a wrong file in resources/fonts). */
const UNREADABLE_FONTS: ElhuFonts = {
  regular: new Uint8Array(64),
  bold: new Uint8Array(64),
  italic: new Uint8Array(64),
};

describe('step 19 when the server cannot re-create the signed report', () => {
  let s: TestServer;
  let f: Flow;
  const logs: string[] = [];
  let fontsBroken = false;

  beforeAll(async () => {
    const db = await createTestDatabase('sqlite');
    const handle = await db.open();
    const clock = new TestClock();
    const config = testConfig(clock);
    const demo = await seedDemo({ handle, config, reports: placeholderReportServices });
    const good = localElhuReportServices({ requireRegisteredCertificate: true });
    const broken = localElhuReportServices({ requireRegisteredCertificate: true, fonts: UNREADABLE_FONTS });
    // The report is rendered with good fonts at step 18; the fonts go bad before the upload.
    const reports: ReportServices = {
      ...good,
      verifySigned: (req) => (fontsBroken ? broken : good).verifySigned(req),
    };
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        logs.push(chunk.toString('utf8'));
        done();
      },
    });
    const app = await buildServer({ db: handle, config, reports, logger: pino({ level: 'info' }, sink) });
    await app.ready();
    s = new TestServer(app, handle, db, demo, clock, config);
    f = new Flow(s);
  }, 60_000);
  afterAll(async () => s?.close());

  it('answers 500 in the error shape and logs the cause; after the fix the same file is accepted', async () => {
    const orderId = await f.toPaid(USERS.customer, f.oneSample());
    await f.sampleTo(orderId, 0, 'awaiting_signature');
    const signed = await f.signedPdf(orderId, 0);
    const url = `orders/${orderId}/samples/${signed.sampleId}/reports/${signed.reportId}/signed-file`;

    fontsBroken = true;
    const refused = await s.as(USERS.kepala).upload(url, { data: Buffer.from(signed.pdf) });
    expect(refused.status).toBe(500);
    expect(refused.body.error.code).toBe('internal_error');
    expect(refused.body.error.message.id).toMatch(/kesalahan pada server/);
    expect(JSON.stringify(refused.body)).not.toMatch(/document_altered|berbeda dari E-LHU/);
    const logged = logs
      .map((l) => JSON.parse(l) as { level: number; err?: { type?: string; message?: string } })
      .filter((l) => l.level >= 50);
    expect(
      logged.some(
        (l) =>
          l.err?.type === 'SignatureCheckFault' &&
          /could not re-create the signed E-LHU/.test(l.err.message ?? ''),
      ),
    ).toBe(true);
    const sample = (await f.order(orderId)).samples[0]!;
    expect(sample.status).toBe('awaiting_signature');

    fontsBroken = false;
    const accepted = await s.as(USERS.kepala).upload(url, { data: Buffer.from(signed.pdf) });
    expect(accepted.status).toBe(200);
  }, 120_000);
});

describe('verifyUploadedElhu, unreadable fonts', () => {
  it('throws SignatureCheckFault for the same upload it accepts with readable fonts', async () => {
    const fonts = loadElhuFonts();
    const issued = await renderElhu(demoElhuData(), fonts);
    const signed = await signAsKepalaBalai(issued, { fonts });
    const check = {
      signed,
      issuedUnsigned: issued,
      issuedHash: sha256Hex(issued),
      registeredCertificate: demoCertPem(),
    };
    await expect(verifyUploadedElhu({ ...check, fonts: UNREADABLE_FONTS })).rejects.toBeInstanceOf(
      SignatureCheckFault,
    );
    expect((await verifyUploadedElhu({ ...check, fonts })).ok).toBe(true);
  }, 60_000);
});
