/** One step of the long-term signature work each: from the level a file has to the next one. */
import type { X509Certificate } from 'node:crypto';
import type { CrlSource } from './crl';
import type { LtvLevel } from './tables';
import { sha256 } from './asn1';
import { addDocumentTimestamp } from './doc-timestamp';
import { addDss } from './dss';
import { readDss } from './dss-read';
import { certsOfCms, inspectLtv, signerOf } from './ltv-check';
import { coveredBytes, signatureSlots } from './pdf-signatures';
import { addSignatureTimestamp, parseSignerCms } from './timestamp-attribute';
import { TimestampUnavailable, checkTimestampToken, type TimestampSource } from './timestamp-token';
import { LtvUnavailable } from './steps-errors';

/** What the steps need: the unit's TSA, where CRLs come from, and CA certificates to complete chains. */
export interface LtvMaterial {
  tsa: TimestampSource | null;
  crls: CrlSource;
  /** Issuer certificates the embedded ones may lack (the demo CA, the unit's CA). */
  caCertificates: X509Certificate[];
}

export { LtvUnavailable };

export interface StepResult {
  pdf: Uint8Array;
  level: LtvLevel;
  timestampTime?: Date;
  archiveUntil?: Date;
}

export type Step = (pdf: Uint8Array, m: LtvMaterial, at: Date) => Promise<StepResult>;

const tsaOf = (m: LtvMaterial): TimestampSource => {
  if (!m.tsa) throw new TimestampUnavailable('no time-stamping authority is configured (SIPPT_TSA_URL)');
  return m.tsa;
};

const signatureTimestamp: Step = async (pdf, m) => {
  const r = await addSignatureTimestamp(pdf, tsaOf(m));
  return { pdf: r.pdf, level: 'B-T', timestampTime: r.genTime };
};

/** The certificates to validate (the signer, every TSA) and every certificate found in the file. */
async function leavesOf(
  pdf: Uint8Array,
  m: LtvMaterial,
): Promise<{ leaves: X509Certificate[]; pool: X509Certificate[] }> {
  const slots = signatureSlots(pdf);
  const cms = parseSignerCms(slots[0]!.der);
  const dss = await readDss(pdf);
  const cmsCerts = certsOfCms(cms);
  const pool: X509Certificate[] = [
    ...cmsCerts,
    ...m.caCertificates,
    ...(m.tsa?.certificates() ?? []),
    ...dss.certificates,
  ];
  const leaves: X509Certificate[] = [];
  const signer = signerOf(cms, cmsCerts);
  if (!signer) throw new Error('the signer certificate is not in the signature');
  leaves.push(signer);
  const tokens: { token: Uint8Array; digest: Uint8Array }[] = [];
  if (cms.timestampToken) tokens.push({ token: cms.timestampToken, digest: sha256(cms.signatureValue) });
  for (const slot of slots.slice(1))
    tokens.push({ token: slot.der, digest: sha256(...coveredBytes(pdf, slot.byteRange)) });
  for (const t of tokens) {
    const c = checkTimestampToken(t.token, t.digest, pool);
    if (!c.ok) throw new Error(`a timestamp in the file does not verify: ${c.reason.en}`);
    leaves.push(c.info.tsaCertificate);
    pool.push(...c.info.certificates);
  }
  return { leaves, pool };
}

const validationData: Step = async (pdf, m, at) => {
  const { leaves, pool } = await leavesOf(pdf, m);
  const r = await addDss(pdf, { leaves, pool, crls: m.crls, at });
  return { pdf: r.pdf, level: 'B-LT' };
};

const documentTimestamp: Step = async (pdf, m) => {
  const r = await addDocumentTimestamp(pdf, tsaOf(m));
  const check = await inspectLtv(r.pdf, {
    caCertificates: [...m.caCertificates, ...(m.tsa?.certificates() ?? [])],
  });
  if (check.level !== 'B-LTA')
    throw new LtvUnavailable(`the document timestamp does not complete B-LTA: ${check.problems.join('; ')}`);
  return {
    pdf: r.pdf,
    level: 'B-LTA',
    ...(check.archiveUntil ? { archiveUntil: new Date(check.archiveUntil) } : {}),
  };
};

/** Re-timestamping: current validation data for every timestamp so far, then a new document timestamp. */
const retimestamp: Step = async (pdf, m, at) => {
  const lt = await validationData(pdf, m, at);
  return documentTimestamp(lt.pdf, m, at);
};

/** The step from `level` towards `target`; a B-LTA file made due again is re-timestamped. */
export function nextStep(level: LtvLevel, target: LtvLevel): Step | null {
  const order: LtvLevel[] = ['B-B', 'B-T', 'B-LT', 'B-LTA'];
  if (level === 'B-LTA') return retimestamp;
  if (order.indexOf(level) >= order.indexOf(target)) return null;
  if (level === 'B-B') return signatureTimestamp;
  if (level === 'B-T') return validationData;
  return documentTimestamp;
}
