/**
 * The long-term view of an uploaded E-LHU for the public check: the revision the Kepala Balai signed
 * (what the B-B verifier checks), and the level, time and certificate validity the rest proves.
 * Updates after the signature are accepted only when they add long-term validation data
 * (./revision-check.ts); otherwise the whole file goes to the verifier, which then reports that the
 * signature does not cover it.
 */
import type { X509Certificate } from 'node:crypto';
import { inspectLtv } from './ltv-check';
import type { LtvLevel } from './tables';
import { signatureSlots } from './pdf-signatures';
import { changesBeyondLtv } from './revision-check';

export interface LongTermView {
  level: LtvLevel;
  timestampTime: string | null;
  timestampAuthority: string | null;
  certificateValidAtTimestamp: boolean | null;
  signerValidTo: string | null;
  signerRevokedAt: string | null;
  documentTimestamps: number;
  archiveUntil: string | null;
}

export async function longTermViewOf(
  bytes: Uint8Array,
  caCertificates: X509Certificate[] = [],
): Promise<{ revision: Uint8Array; longTerm: LongTermView | null }> {
  let end: number;
  try {
    const first = signatureSlots(bytes)[0];
    if (!first) return { revision: bytes, longTerm: null };
    end = first.byteRange[2] + first.byteRange[3];
  } catch {
    return { revision: bytes, longTerm: null };
  }
  let revision = bytes;
  if (end < bytes.length) {
    const changed = await changesBeyondLtv(bytes.subarray(0, end), bytes).catch(() => 'unreadable');
    if (changed) return { revision: bytes, longTerm: null };
    revision = bytes.subarray(0, end);
  }
  const i = await inspectLtv(bytes, { caCertificates });
  return {
    revision,
    longTerm: {
      level: i.level,
      timestampTime: i.timestampTime,
      timestampAuthority: i.timestampAuthority,
      certificateValidAtTimestamp: i.certificateValidAtTimestamp,
      signerValidTo: i.signerValidTo,
      signerRevokedAt: i.signerRevokedAt,
      documentTimestamps: i.documentTimestamps.length,
      archiveUntil: i.archiveUntil,
    },
  };
}
