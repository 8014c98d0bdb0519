/**
 * The verifier's extension point for the long-term levels (server/elhu/verify/index.ts): an
 * LtvCheck decides whether updates after the signature are allowed and reports the level reached,
 * once every B-B check has passed. Without one, a signed E-LHU is B-B and nothing may follow it.
 */
import { ContentInfo, SignedData } from '@peculiar/asn1-cms';
import { AsnConvert } from '@peculiar/asn1-schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { fail, verifySignedPdf, type LtvCheck, type LtvContext } from '../../../server/elhu/verify-signature';
import { demoElhuData } from '../../../shared/elhu/demo-data';
import { renderElhu } from '../../../shared/elhu/render';
import { SIGNING_TIME, demoFingerprint, testFonts } from '../../unit/elhu/helpers';
import { signAsKepalaBalai } from '../../unit/elhu/demo-signing';

const TIMESTAMP_TIME = new Date('2025-03-14T03:16:01Z');

describe('verifySignedPdf: the long-term check plugs in', () => {
  let signed: Uint8Array;
  let appended: Uint8Array;
  const update = new TextEncoder().encode(
    '\n% incremental update after the signature (stand-in for a DSS)\n',
  );

  beforeAll(async () => {
    const unsigned = await renderElhu(demoElhuData(), testFonts());
    signed = await signAsKepalaBalai(unsigned);
    appended = new Uint8Array([...signed, ...update]);
  }, 60_000);

  /** An LtvCheck that records what it was given and reports B-T at TIMESTAMP_TIME. */
  function recordingCheck(over: Partial<LtvCheck> = {}): { check: LtvCheck; seen: LtvContext[] } {
    const seen: LtvContext[] = [];
    const check: LtvCheck = {
      assess: async (ctx) => {
        seen.push(ctx);
        return { level: 'B-T', timestampTime: TIMESTAMP_TIME, certificateValidAtTimestamp: true, notes: [] };
      },
      ...over,
    };
    return { check, seen };
  }

  it('is B-B without a check', async () => {
    const v = await verifySignedPdf(signed);
    expect(v.ok && v.ltv).toEqual({
      level: 'B-B',
      timestampTime: null,
      certificateValidAtTimestamp: null,
      notes: [],
    });
  });

  it("hands the check the signature it verified and lands the check's report in the result", async () => {
    const { check, seen } = recordingCheck();
    const v = await verifySignedPdf(signed, { ltv: check });
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.ltv.level).toBe('B-T');
    expect(v.ltv.timestampTime?.toISOString()).toBe(TIMESTAMP_TIME.toISOString());
    expect(seen).toHaveLength(1);
    const ctx = seen[0]!;
    // The signature value a signature timestamp is taken over, as the library reads the CMS.
    const sd = AsnConvert.parse(AsnConvert.parse(v.cms, ContentInfo).content, SignedData);
    expect(Buffer.from(ctx.signatureValue).equals(Buffer.from(sd.signerInfos[0]!.signature.buffer))).toBe(
      true,
    );
    expect(ctx.claimedSigningTime.toISOString()).toBe(SIGNING_TIME.toISOString());
    expect(ctx.signerCertificate.fingerprint256.replace(/:/g, '').toLowerCase()).toBe(demoFingerprint());
    expect(ctx.updates).toBeNull();
  });

  it("returns the check's refusal, and does not ask the check when a B-B check fails", async () => {
    const refusing: LtvCheck = {
      assess: async () => fail('signature_invalid', 'Cap waktu tidak sah.', 'The timestamp is not valid.'),
    };
    expect(await verifySignedPdf(signed, { ltv: refusing })).toMatchObject({
      ok: false,
      code: 'signature_invalid',
      message: { en: 'The timestamp is not valid.' },
    });
    const { check, seen } = recordingCheck();
    const flipped = new Uint8Array(signed);
    flipped[5000] = flipped[5000]! ^ 0x20;
    expect(await verifySignedPdf(flipped, { ltv: check })).toMatchObject({
      ok: false,
      code: 'digest_mismatch',
    });
    expect(seen).toHaveLength(0);
  });

  it('refuses bytes after the signature unless the check accepts them, and then shows it what was appended', async () => {
    expect(await verifySignedPdf(appended)).toMatchObject({ ok: false, code: 'byte_range_incomplete' });
    const { check, seen } = recordingCheck({ updatesAfterSignature: () => null });
    const v = await verifySignedPdf(appended, { ltv: check });
    expect(v.ok && v.ltv.level).toBe('B-T');
    expect(seen[0]!.updates?.signedRevisionEnd).toBe(signed.length);
    expect(Buffer.from(seen[0]!.updates!.appended).equals(Buffer.from(update))).toBe(true);
    const strict: LtvCheck = {
      ...check,
      updatesAfterSignature: (u) =>
        fail(
          'byte_range_incomplete',
          `${u.appended.length} bita bukan DSS.`,
          `${u.appended.length} bytes are not a DSS.`,
        ),
    };
    expect(await verifySignedPdf(appended, { ltv: strict })).toMatchObject({
      ok: false,
      code: 'byte_range_incomplete',
      message: { en: `${update.length} bytes are not a DSS.` },
    });
  });

  it('lets what the check throws propagate (a TSA or CRL the server cannot reach is not a verdict)', async () => {
    const throwing: LtvCheck = {
      assess: async () => {
        throw new Error('CRL tidak dapat diambil');
      },
    };
    await expect(verifySignedPdf(signed, { ltv: throwing })).rejects.toThrow('CRL tidak dapat diambil');
  });
});
