/**
 * Stress test of the determinism the server's upload check relies on (server/elhu/verify-signature.ts
 * re-runs shared/elhu/stamp.ts on its stored E-LHU and requires byte equality): a genuine signature
 * must be accepted whatever the signing time, the signer's strings, what the process rendered before
 * and what runs concurrently. The "desktop" and the "server" use distinct font objects, as they do
 * in the app (each has its own parsed-font cache).
 */
import { createHash } from 'node:crypto';
import { PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadElhuFonts } from '../../../node-shared/elhu-fonts';
import { signElhu, type SigningSession } from '../../../main/services/signing/index';
import { verifyUploadedElhu } from '../../../server/elhu/verify-signature';
import { demoElhuData } from '../../../shared/elhu/demo-data';
import { renderElhu } from '../../../shared/elhu/render';
import { pdfDocText, prepareElhuForSigning, type ElhuSignatureStamp } from '../../../shared/elhu/stamp';
import type { ElhuFonts } from '../../../shared/elhu/types';
import { KEPALA_BALAI, demoCertPem } from '../../unit/elhu/helpers';
import { openDemoSession, kepalaBalaiSignature } from '../../unit/elhu/demo-signing';

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** Texts that exercise fontkit's shaping (ligature code points, combining marks, ignorables) and PDFDocEncoding. */
const ODD_TEXTS = [
  'ﬁ ﬂ ﬀ ﬃ fi fl ff ffi office',
  'ı i̇ í ì î ï İ',
  'µ μ Ω Ω K K Å Å',
  '℃ °C ‰ ≤ ≥ ± × ÷ ² ³ ½',
  'a\u0301 e\u0300 n\u0303 o\u0308 i\u0323\u0302',
  '– — ‐ ‑ - \u00ad soft\u00adhyphen',
  'nb\u00a0sp thin\u2009sp narrow\u202fsp zw\u200dj \u2060',
  'Ĳ ĳ ǅ ŉ ſt',
  '(kurung) \\garis\\ «kutip» €100 ™',
  'Ñoño Łódź Šiauliai Đặng Thị Ngọc',
];

describe('E-LHU preparation and upload check are deterministic', () => {
  let desk: ElhuFonts;
  let server: ElhuFonts;
  let session: SigningSession;
  let pem: string;
  const issued: Uint8Array[] = [];

  beforeAll(async () => {
    desk = loadElhuFonts();
    server = loadElhuFonts();
    session = openDemoSession();
    pem = demoCertPem();
    for (let i = 0; i < 6; i++)
      issued.push(await renderElhu(demoElhuData({ serial: i + 1, parameters: 2 + 3 * i }), server));
    return () => session.close();
  });

  const sign = (
    unsigned: Uint8Array,
    over: Partial<Parameters<typeof signElhu>[2]> = {},
  ): Promise<Uint8Array> =>
    signElhu(
      unsigned,
      session,
      kepalaBalaiSignature(unsigned, {
        signingTime: new Date('2025-03-14T03:15:42.500Z'),
        expectedDocumentHash: sha(unsigned),
        fonts: desk,
        ...over,
      }),
    );

  const check = (signed: Uint8Array, unsigned: Uint8Array) =>
    verifyUploadedElhu({
      signed,
      issuedUnsigned: unsigned,
      issuedHash: sha(unsigned),
      registeredCertificate: pem,
      fonts: server,
    });

  it('accepts signatures made at any time: milliseconds, :59.999, WIB date after the UTC date, month and year ends', async () => {
    const times = [
      '2025-03-14T03:15:42.000Z',
      '2025-03-14T03:15:42.001Z',
      '2025-03-14T03:15:59.999Z',
      '2025-03-14T16:59:59.999Z', // 23:59:59 WIB
      '2025-03-14T17:00:00.000Z', // next WIB day, same UTC day
      '2025-03-31T17:30:00.250Z', // 1 April WIB
      '2025-12-31T16:59:59.999Z',
      '2025-12-31T17:00:00.001Z', // New Year WIB
      '2028-02-28T17:00:00.500Z', // 29 February WIB
      ...Array.from({ length: 40 }, (_, k) =>
        new Date(Date.UTC(2025, 0, 1) + ((k * 7919_123_457) % (10 * 365 * 86_400_000))).toISOString(),
      ),
    ].map((s) => new Date(s));
    times.push(new Date()); // as the desktop does: now, with its milliseconds
    const failures: string[] = [];
    for (const [k, t] of times.entries()) {
      const unsigned = issued[k % issued.length]!;
      const r = await check(await sign(unsigned, { signingTime: t }), unsigned);
      if (!r.ok) failures.push(`${t.toISOString()}: ${r.code}`);
      else expect(r.signature.signingTime.getTime()).toBe(Math.floor(t.getTime() / 1000) * 1000);
    }
    expect(failures).toEqual([]);
  });

  it('accepts unusual names, NIPs, reasons, locations and contacts', async () => {
    const failures: string[] = [];
    for (const [k, text] of ODD_TEXTS.entries()) {
      const unsigned = issued[k % issued.length]!;
      const signed = await sign(unsigned, {
        name: `${KEPALA_BALAI.name} ${text}`,
        nip: `${KEPALA_BALAI.nip} ${text.slice(0, 6)}`,
        reason: `Pengesahan ${text}`,
        location: `Palembang ${text}`,
        contactInfo: `kb@bspji.example ${text}`,
      });
      const r = await check(signed, unsigned);
      if (!r.ok) failures.push(`${JSON.stringify(text)}: ${r.code}`);
    }
    expect(failures).toEqual([]);
  });

  it('writes signature-dictionary texts that read back unchanged (the server re-runs pdfDocText on what it reads)', () => {
    const bad: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const written = pdfDocText(`a${String.fromCharCode(c)}b`);
      if (pdfDocText(PDFString.of(written).decodeText()) !== written)
        bad.push(`U+${c.toString(16).padStart(4, '0')}`);
    }
    expect(bad).toEqual([]);
  });

  it('prepares a report to the same bytes whatever the font caches saw before (render A, render others, re-prepare A)', async () => {
    const stamp: ElhuSignatureStamp = {
      ...KEPALA_BALAI,
      signingTime: new Date('2025-06-30T17:59:59.999Z'),
      reason: 'r',
      location: 'Palembang',
    };
    const a = issued[0]!;
    const opts = { documentHash: sha(a), signatureLength: session.signatureLength };
    const reference = await prepareElhuForSigning(a, stamp, loadElhuFonts(), opts); // a font cache that saw nothing
    const shared = loadElhuFonts();
    expect(sha(await prepareElhuForSigning(a, stamp, shared, opts))).toBe(sha(reference));
    for (const [k, text] of ODD_TEXTS.entries()) {
      const d = demoElhuData({ serial: 100 + k, parameters: 1 + k });
      d.customer.name = `${text} ${d.customer.name}`;
      d.sample.description = ODD_TEXTS.join(' | ');
      d.kepalaBalai.name = text;
      await renderElhu(d, shared);
      await prepareElhuForSigning(a, { ...stamp, name: text, reason: text, location: text }, shared, opts);
      expect(sha(await prepareElhuForSigning(a, stamp, shared, opts)), `after ${JSON.stringify(text)}`).toBe(
        sha(reference),
      );
    }
    // And a render does not depend on what was rendered before either.
    expect(sha(await renderElhu(demoElhuData({ serial: 1, parameters: 2 }), loadElhuFonts()))).toBe(sha(a));
  });

  it('accepts concurrent uploads of different reports while other reports are rendered', async () => {
    const signed = await Promise.all(
      issued.map((u, k) => sign(u, { signingTime: new Date(Date.UTC(2025, 4, 1 + k, 16, 59, 59, 999)) })),
    );
    for (let round = 0; round < 3; round++) {
      const results = await Promise.all([
        ...signed.map((s, k) => check(s, issued[k]!)),
        ...Array.from({ length: 4 }, (_, k) =>
          renderElhu(demoElhuData({ serial: 200 + k, parameters: 12 }), server).then(() => null),
        ),
        ...signed.map((s, k) => check(s, issued[k]!)),
      ]);
      const codes = results.filter((r) => r !== null).map((r) => (r.ok ? 'ok' : r.code));
      expect(codes).toEqual(Array(2 * signed.length).fill('ok'));
    }
  });
});
