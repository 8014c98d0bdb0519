/**
 * PAdES B-LT: the Document Security Store (ISO 32000-2 12.8.4.3) added as an incremental update,
 * holding the certificates of the signer's and the TSA's chains and a CRL for each certificate
 * below a root, so the signature can be validated after the CA's services are gone.
 * A DSS already in the file (re-timestamping) is kept and extended.
 */
import type { X509Certificate } from 'node:crypto';
import type { PDFArray, PDFDict } from 'pdf-lib';
import { PDFName, type PDFRef } from 'pdf-lib';
import { bytesEqual, sha256 } from './asn1';
import { parseCrl, crlIssuedBy, type CrlSource } from './crl';
import { readDssOf } from './dss-read';
import { chainOf, issuerOf } from './ltv-check';
import { appendUpdate, loadForUpdate, type UpdateObject } from './pdf-increment';
import { LtvUnavailable } from './steps-errors';

export interface DssMaterial {
  /** The certificates to validate (leaves: the signer, each TSA). */
  leaves: X509Certificate[];
  /** Every certificate that may complete a chain (embedded ones, known CAs). */
  pool: X509Certificate[];
  crls: CrlSource;
  /** CRLs must be current at this time (thisUpdate not after it). */
  at: Date;
}

export interface DssResult {
  pdf: Uint8Array;
  certificates: X509Certificate[];
  crls: Uint8Array[];
}

export async function addDss(pdf: Uint8Array, m: DssMaterial): Promise<DssResult> {
  const loaded = await loadForUpdate(pdf);
  const { doc } = loaded;
  const existing = readDssOf(doc, pdf);

  const certs: X509Certificate[] = [...existing.certificates];
  const addCert = (c: X509Certificate) => {
    if (!certs.some((x) => bytesEqual(new Uint8Array(x.raw), new Uint8Array(c.raw)))) certs.push(c);
  };
  const crls: Uint8Array[] = [...existing.crls];
  const pool = [...m.pool, ...existing.certificates];
  for (const leaf of m.leaves) {
    for (const c of chainOf(leaf, pool)) {
      addCert(c);
      if (c.checkIssued(c)) continue; // a root: trusted as such, no CRL of its own
      const issuer = issuerOf(c, pool);
      if (!issuer) throw new LtvUnavailable(`the issuer of "${c.subject.replace(/\n/g, ', ')}" is not known`);
      const got = await m.crls.crlFor(c);
      if (!got) throw new LtvUnavailable(`no CRL could be had for "${c.subject.replace(/\n/g, ', ')}"`);
      const parsed = parseCrl(got);
      if (!crlIssuedBy(parsed, issuer))
        throw new LtvUnavailable('a CRL is not signed by the certificate issuer');
      if (parsed.thisUpdate.getTime() > m.at.getTime() + 5 * 60_000)
        throw new LtvUnavailable('a CRL is dated after now (clock?)');
      if (!crls.some((x) => bytesEqual(sha256(x), sha256(got)))) crls.push(got);
    }
  }

  const ctx = doc.context;
  const objects: UpdateObject[] = [];
  const streamRefs = (items: Uint8Array[]): PDFRef[] =>
    items.map((b) => {
      const ref = ctx.nextRef();
      objects.push({ ref, object: ctx.stream(b) });
      return ref;
    });
  const certRefs = streamRefs(certs.map((c) => new Uint8Array(c.raw)));
  const crlRefs = streamRefs(crls);
  const dss = ctx.obj({ Type: 'DSS' }) as PDFDict;
  dss.set(PDFName.of('Certs'), ctx.obj(certRefs) as PDFArray);
  if (crlRefs.length) dss.set(PDFName.of('CRLs'), ctx.obj(crlRefs) as PDFArray);
  const dssRef = ctx.nextRef();
  objects.push({ ref: dssRef, object: dss });
  const catalog = doc.catalog;
  catalog.set(PDFName.of('DSS'), dssRef);
  objects.push({ ref: ctx.trailerInfo.Root as PDFRef, object: catalog });
  return { pdf: appendUpdate(loaded, objects), certificates: certs, crls };
}
