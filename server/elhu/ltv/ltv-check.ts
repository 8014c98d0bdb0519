/**
 * What a signed E-LHU proves over time: the PAdES level it reaches (B-B, B-T, B-LT, B-LTA), the time
 * from its signature timestamp (not the signer's claim in /M), and whether the signer's certificate
 * was valid (within its dates, not revoked) at that time. The signature itself (digest, signed
 * attributes, the issued document) is server/elhu's verifier; this adds the long-term evidence.
 */
import { X509Certificate } from 'node:crypto';
import { bytesEqual, certificateOf, der, sha256, u8 } from './asn1';
import { crlIssuedBy, parseCrl, revocationDate, type ParsedCrl } from './crl';
import { readDss, type DssContents } from './dss-read';
import type { LtvLevel } from './tables';
import { coveredBytes, signatureSlots, type SignatureSlot } from './pdf-signatures';
import { parseSignerCms } from './timestamp-attribute';
import { checkTimestampToken } from './timestamp-token';

export interface DocumentTimestampStatus {
  time: string;
  tsa: string;
  tsaValidUntil: string;
  ok: boolean;
}

export interface LtvInspection {
  level: LtvLevel;
  /** The time the signature timestamp proves (ISO), or null without a valid one. */
  timestampTime: string | null;
  timestampAuthority: string | null;
  /** The signer certificate's validity, and whether it held at timestampTime (null: no timestamp). */
  signerValidFrom: string | null;
  signerValidTo: string | null;
  certificateValidAtTimestamp: boolean | null;
  /** When a CRL in the file lists the signer certificate. */
  signerRevokedAt: string | null;
  documentTimestamps: DocumentTimestampStatus[];
  /** Until when the newest timestamp's TSA certificate is valid (re-timestamp before). */
  archiveUntil: string | null;
  problems: string[];
}

const cn = (x: X509Certificate): string => /^CN=(.*)$/m.exec(x.subject)?.[1] ?? x.subject;

export function certsOfCms(cms: ReturnType<typeof parseSignerCms>): X509Certificate[] {
  return (cms.signedData.certificates ?? []).flatMap((c) =>
    c.certificate ? [new X509Certificate(Buffer.from(der(c.certificate)))] : [],
  );
}

export function signerOf(
  cms: ReturnType<typeof parseSignerCms>,
  certs: X509Certificate[],
): X509Certificate | null {
  const sid = cms.signedData.signerInfos[0]?.sid.issuerAndSerialNumber;
  if (!sid) return null;
  return (
    certs.find((c) => {
      const t = certificateOf(c).tbsCertificate;
      return (
        bytesEqual(der(t.issuer), der(sid.issuer)) && bytesEqual(u8(t.serialNumber), u8(sid.serialNumber))
      );
    }) ?? null
  );
}

/** The issuer of `cert` among `pool` (signature checked), or null. */
export function issuerOf(cert: X509Certificate, pool: readonly X509Certificate[]): X509Certificate | null {
  return (
    pool.find(
      (p) =>
        !bytesEqual(new Uint8Array(p.raw), new Uint8Array(cert.raw)) &&
        cert.checkIssued(p) &&
        cert.verify(p.publicKey),
    ) ?? null
  );
}

/** The chain of `cert` up to a self-signed root, from `pool` (the leaf first). */
export function chainOf(cert: X509Certificate, pool: readonly X509Certificate[]): X509Certificate[] {
  const out = [cert];
  for (let cur = cert; out.length < 8;) {
    const up = issuerOf(cur, pool);
    if (!up) break;
    out.push(up);
    cur = up;
  }
  return out;
}

/** Whether `crls` hold a CRL of the certificate's issuer, and the revocation date if it is listed. */
export function revocationStatus(
  cert: X509Certificate,
  issuer: X509Certificate | null,
  crls: readonly ParsedCrl[],
): { covered: boolean; revokedAt: Date | null } {
  if (!issuer) return { covered: false, revokedAt: null };
  const own = crls.filter((c) => crlIssuedBy(c, issuer));
  if (own.length === 0) return { covered: false, revokedAt: null };
  const dates = own.map((c) => revocationDate(c, cert)).filter((d): d is Date => d !== null);
  return {
    covered: true,
    revokedAt: dates.length ? new Date(Math.min(...dates.map((d) => d.getTime()))) : null,
  };
}

export async function inspectLtv(
  pdf: Uint8Array,
  opts: { caCertificates?: X509Certificate[] } = {},
): Promise<LtvInspection> {
  const problems: string[] = [];
  const out: LtvInspection = {
    level: 'B-B',
    timestampTime: null,
    timestampAuthority: null,
    signerValidFrom: null,
    signerValidTo: null,
    certificateValidAtTimestamp: null,
    signerRevokedAt: null,
    documentTimestamps: [],
    archiveUntil: null,
    problems,
  };
  let slots: SignatureSlot[];
  try {
    slots = signatureSlots(pdf);
  } catch (e) {
    problems.push(e instanceof Error ? e.message : String(e));
    return out;
  }
  const first = slots[0];
  if (!first) return out;
  let dss: DssContents = { certificates: [], crls: [], offset: -1 };
  try {
    dss = await readDss(pdf);
  } catch (e) {
    problems.push(`DSS: ${e instanceof Error ? e.message : String(e)}`);
  }
  const crls = dss.crls.flatMap((c) => {
    try {
      return [parseCrl(c)];
    } catch {
      problems.push('a CRL in the DSS cannot be read');
      return [];
    }
  });
  let cms: ReturnType<typeof parseSignerCms>;
  try {
    cms = parseSignerCms(first.der);
  } catch (e) {
    problems.push(e instanceof Error ? e.message : String(e));
    return out;
  }
  const cmsCerts = certsOfCms(cms);
  const pool = [...cmsCerts, ...dss.certificates, ...(opts.caCertificates ?? [])];
  const signer = signerOf(cms, cmsCerts);
  if (signer) {
    out.signerValidFrom = new Date(signer.validFrom).toISOString();
    out.signerValidTo = new Date(signer.validTo).toISOString();
  }
  if (!cms.timestampToken) return out;

  const ts = checkTimestampToken(cms.timestampToken, sha256(cms.signatureValue), pool);
  if (!ts.ok) {
    problems.push(`signature timestamp: ${ts.reason.en}`);
    return out;
  }
  const time = ts.info.genTime;
  out.level = 'B-T';
  out.timestampTime = time.toISOString();
  out.timestampAuthority = cn(ts.info.tsaCertificate);
  out.archiveUntil = new Date(ts.info.tsaCertificate.validTo).toISOString();
  const tsPool = [...pool, ...ts.info.certificates];
  if (signer) {
    const within =
      time.getTime() >= Date.parse(signer.validFrom) && time.getTime() <= Date.parse(signer.validTo);
    const rev = revocationStatus(signer, issuerOf(signer, tsPool), crls);
    out.signerRevokedAt = rev.revokedAt?.toISOString() ?? null;
    out.certificateValidAtTimestamp = within && (!rev.revokedAt || rev.revokedAt.getTime() > time.getTime());
  }

  // B-LT: the DSS holds the chains of the signer and the TSA and a CRL for each certificate below a root.
  if (signer && dss.offset > first.byteRange[2] + first.byteRange[3]) {
    const needed = [...chainOf(signer, tsPool), ...chainOf(ts.info.tsaCertificate, tsPool)];
    const inDss = (c: X509Certificate) =>
      dss.certificates.some((d) => bytesEqual(new Uint8Array(d.raw), new Uint8Array(c.raw))) ||
      cmsCerts.some((d) => bytesEqual(new Uint8Array(d.raw), new Uint8Array(c.raw)));
    const missing = needed.filter((c) => !inDss(c));
    const uncovered = needed.filter(
      (c) => !c.checkIssued(c) && !revocationStatus(c, issuerOf(c, tsPool), crls).covered,
    );
    if (missing.length) problems.push(`DSS lacks certificates: ${missing.map(cn).join(', ')}`);
    if (uncovered.length) problems.push(`DSS lacks revocation data for: ${uncovered.map(cn).join(', ')}`);
    if (!missing.length && !uncovered.length) out.level = 'B-LT';
  }

  // B-LTA: document timestamps, each over the whole file up to itself, the last one over the DSS.
  for (const slot of slots.slice(1)) {
    const digest = sha256(...coveredBytes(pdf, slot.byteRange));
    const c = checkTimestampToken(slot.der, digest, [...tsPool, ...dss.certificates]);
    if (c.ok) {
      out.documentTimestamps.push({
        time: c.info.genTime.toISOString(),
        tsa: cn(c.info.tsaCertificate),
        tsaValidUntil: new Date(c.info.tsaCertificate.validTo).toISOString(),
        ok: true,
      });
      out.archiveUntil = new Date(c.info.tsaCertificate.validTo).toISOString();
    } else {
      problems.push(`document timestamp: ${c.reason.en}`);
      out.documentTimestamps.push({ time: '', tsa: '', tsaValidUntil: '', ok: false });
    }
  }
  const last = slots[slots.length - 1]!;
  if (
    out.level === 'B-LT' &&
    slots.length > 1 &&
    out.documentTimestamps.every((d) => d.ok) &&
    last.byteRange[2] + last.byteRange[3] > dss.offset
  ) {
    out.level = 'B-LTA';
  }
  return out;
}
