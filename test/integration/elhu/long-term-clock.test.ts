/**
 * Expiry and revocation on a controlled clock: a report signed long ago still verifies after the
 * signer's certificate has expired, as long as its timestamp was made in time; a timestamp made
 * after expiry, or a certificate revoked before the timestamp, says "not valid at that time".
 */
import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signElhu, type SigningSession } from '../../../main/services/signing/index';
import { demoElhuData } from '../../../shared/elhu/demo-data';
import { renderElhu } from '../../../shared/elhu/render';
import { certificateOf, u8 } from '../../../server/elhu/ltv/asn1';
import { HttpCrlSource } from '../../../server/elhu/ltv/crl';
import { loadDemoPki } from '../../../server/elhu/ltv/demo-pki';
import { inspectLtv } from '../../../server/elhu/ltv/ltv-check';
import { nextStep } from '../../../server/elhu/ltv/steps';
import { verifySignedPdf } from '../../../server/elhu/verify-signature';
import { demoCertPem, testFonts, throwawayKeystore } from '../../unit/elhu/helpers';
import { openDemoSession, kepalaBalaiSignature, openThrowawaySession } from '../../unit/elhu/demo-signing';

async function signWith(session: SigningSession, at: Date): Promise<Uint8Array> {
  const unsigned = await renderElhu(demoElhuData(), testFonts());
  try {
    return await signElhu(unsigned, session, kepalaBalaiSignature(unsigned, { signingTime: at }));
  } finally {
    session.close();
  }
}

/** The demo TSA and CA on a clock set to `tsaTime`, revoking `revoked` as given. */
function material(tsaTime: Date, revoked: { cert: X509Certificate; at: Date }[] = []) {
  const pki = loadDemoPki({
    now: () => tsaTime,
    revoked: () =>
      revoked.map((r) => ({
        serial: u8(certificateOf(r.cert).tbsCertificate.serialNumber),
        revokedAt: r.at,
      })),
  });
  return {
    pki,
    m: {
      tsa: pki.tsa,
      crls: new HttpCrlSource(new Map([[pki.crlUrl, () => pki.crl()]])),
      caCertificates: [pki.ca],
    },
  };
}

/** A signer whose certificate is valid 2025-01-01 .. 2025-06-30 only. */
const keystoreValidUntilJune2025 = () =>
  throwawayKeystore({
    notBefore: new Date('2025-01-01T00:00:00Z'),
    notAfter: new Date('2025-06-30T00:00:00Z'),
    cn: 'Penanda Tangan Lama',
  });

describe('long-term validity on a controlled clock', () => {
  // The signer's certificate is valid 2025-01-01 .. 2025-06-30; it signs on 2025-03-14 and the report
  // is checked in 2026. What counts is where the timestamp falls.
  for (const c of [
    {
      title:
        'a certificate that expired after the timestamp: the report still verifies, valid at the timestamp time',
      tsaTime: '2025-03-14T03:16:00.000Z',
      // The timestamp is asked for right after the signature.
      stepAt: '2025-03-14T03:15:42.000Z',
      validAtTimestamp: true,
    },
    {
      title: 'a timestamp made after the certificate expired: not valid at that time',
      tsaTime: '2025-08-01T00:00:00.000Z',
      stepAt: '2025-08-01T00:00:00.000Z',
      validAtTimestamp: false,
    },
  ])
    it(
      c.title,
      async () => {
        const ks = keystoreValidUntilJune2025();
        const signedAt = new Date('2025-03-14T03:15:42Z');
        const pdf = await signWith(
          openThrowawaySession(ks, { now: new Date('2025-03-14T03:15:00Z') }),
          signedAt,
        );
        const { pki, m } = material(new Date(c.tsaTime));
        const bt = await nextStep('B-B', 'B-LTA')!(pdf, m, new Date(c.stepAt));
        expect(bt.level).toBe('B-T');
        expect(new X509Certificate(ks.certPem).validTo).toMatch(/2025/); // long expired by the checking time
        expect((await verifySignedPdf(bt.pdf)).ok).toBe(true);
        const seen = await inspectLtv(bt.pdf, { caCertificates: [pki.ca, pki.tsaCertificate] });
        expect(seen).toMatchObject({
          level: 'B-T',
          timestampTime: c.tsaTime,
          certificateValidAtTimestamp: c.validAtTimestamp,
        });
      },
      60_000,
    );

  it('revocation from the CRL in the DSS: revoked before the timestamp is not valid then; revoked after it is', async () => {
    const signer = new X509Certificate(demoCertPem());
    const signedAt = new Date('2026-01-10T02:00:00Z');
    const tsaTime = new Date('2026-01-10T02:05:00Z');
    for (const [revokedAt, valid] of [
      [new Date('2026-01-01T00:00:00Z'), false],
      [new Date('2026-03-01T00:00:00Z'), true],
    ] as const) {
      const pdf = await signWith(openDemoSession(), signedAt);
      // The CRL is fetched (B-LT) after the revocation, as a later CRL would be.
      const { pki, m } = material(tsaTime, [{ cert: signer, at: revokedAt }]);
      const bt = await nextStep('B-B', 'B-LTA')!(pdf, m, tsaTime);
      const later = material(new Date('2026-04-01T00:00:00Z'), [{ cert: signer, at: revokedAt }]);
      const lt = await nextStep('B-T', 'B-LTA')!(bt.pdf, later.m, new Date('2026-04-01T00:00:00Z'));
      expect(lt.level).toBe('B-LT');
      const seen = await inspectLtv(lt.pdf, { caCertificates: [pki.ca, pki.tsaCertificate] });
      expect(seen.level).toBe('B-LT');
      expect(seen.signerRevokedAt).toBe(revokedAt.toISOString());
      expect(seen.certificateValidAtTimestamp).toBe(valid);
    }
  }, 90_000);
});
