/**
 * Certificate revocation lists (RFC 5280 5): making one (the demo CA's, and test CAs'), reading the
 * distribution point of a certificate, checking a CRL's signature and whether it lists a certificate.
 * Parsing and encoding go through @peculiar/asn1-x509.
 */
import type { X509Certificate } from 'node:crypto';
import { sign as cryptoSign, verify as cryptoVerify, type KeyObject } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import {
  AlgorithmIdentifier,
  CertificateList,
  CRLDistributionPoints,
  CRLNumber,
  Extension,
  RevokedCertificate,
  TBSCertList,
  Time,
  Version,
} from '@peculiar/asn1-x509';
import { OIDS, ab, bytesEqual, certificateOf, der, octets, parse, u8 } from './asn1';

export interface RevokedEntry {
  /** The certificate's serial number as DER integer content (as in the certificate). */
  serial: Uint8Array;
  revokedAt: Date;
}

export interface CrlInput {
  issuer: X509Certificate;
  issuerKey: KeyObject;
  revoked: readonly RevokedEntry[];
  thisUpdate: Date;
  nextUpdate: Date;
  crlNumber: number;
}

const rsaSha256 = () => new AlgorithmIdentifier({ algorithm: OIDS.sha256WithRSA, parameters: null });

/** A CRL signed by the issuer's key (RSA, SHA-256). */
export function makeCrl(input: CrlInput): Uint8Array {
  const issuerCert = certificateOf(input.issuer);
  const tbs = new TBSCertList({
    version: Version.v2,
    signature: rsaSha256(),
    issuer: issuerCert.tbsCertificate.subject,
    thisUpdate: new Time(input.thisUpdate),
    nextUpdate: new Time(input.nextUpdate),
    ...(input.revoked.length
      ? {
          revokedCertificates: input.revoked.map(
            (r) =>
              new RevokedCertificate({
                userCertificate: ab(r.serial),
                revocationDate: new Time(r.revokedAt),
              }),
          ),
        }
      : {}),
    crlExtensions: [
      new Extension({
        extnID: OIDS.crlNumber,
        critical: false,
        extnValue: octets(der(new CRLNumber(input.crlNumber))),
      }),
    ],
  });
  const tbsDer = der(tbs);
  const signature = cryptoSign('sha256', tbsDer, input.issuerKey);
  return der(
    new CertificateList({ tbsCertList: tbs, signatureAlgorithm: rsaSha256(), signature: ab(signature) }),
  );
}

export interface ParsedCrl {
  der: Uint8Array;
  list: CertificateList;
  thisUpdate: Date;
  nextUpdate: Date | null;
}

export function parseCrl(bytes: Uint8Array): ParsedCrl {
  const list = parse(bytes, CertificateList);
  return {
    der: bytes,
    list,
    thisUpdate: list.tbsCertList.thisUpdate.getTime(),
    nextUpdate: list.tbsCertList.nextUpdate ? list.tbsCertList.nextUpdate.getTime() : null,
  };
}

/** True when the CRL names this issuer and its signature verifies with the issuer's key. */
export function crlIssuedBy(crl: ParsedCrl, issuer: X509Certificate): boolean {
  const issuerName = der(certificateOf(issuer).tbsCertificate.subject);
  if (!bytesEqual(der(crl.list.tbsCertList.issuer), issuerName)) return false;
  const tbs = crl.list.tbsCertListRaw ? u8(crl.list.tbsCertListRaw) : der(crl.list.tbsCertList);
  try {
    return cryptoVerify('sha256', tbs, issuer.publicKey, u8(crl.list.signature));
  } catch {
    return false;
  }
}

/** When the CRL lists the certificate as revoked: the revocation date; else null. */
export function revocationDate(crl: ParsedCrl, cert: X509Certificate): Date | null {
  const serial = u8(certificateOf(cert).tbsCertificate.serialNumber);
  for (const r of crl.list.tbsCertList.revokedCertificates ?? []) {
    if (bytesEqual(u8(r.userCertificate), serial)) return r.revocationDate.getTime();
  }
  return null;
}

/** The http(s) addresses of the certificate's CRL distribution points. */
export function crlUrls(cert: X509Certificate): string[] {
  const ext = certificateOf(cert).tbsCertificate.extensions?.find(
    (e) => e.extnID === OIDS.crlDistributionPoints,
  );
  if (!ext) return [];
  const points = AsnConvert.parse(ext.extnValue, CRLDistributionPoints);
  const out: string[] = [];
  for (const p of points)
    for (const n of p.distributionPoint?.fullName ?? [])
      if (n.uniformResourceIdentifier && /^https?:/i.test(n.uniformResourceIdentifier))
        out.push(n.uniformResourceIdentifier);
  return out;
}

/** Where CRLs come from: by URL (HTTP), with in-process answers for the URLs the server itself serves. */
export interface CrlSource {
  crlFor(cert: X509Certificate): Promise<Uint8Array | null>;
}

export class HttpCrlSource implements CrlSource {
  constructor(
    private readonly local: ReadonlyMap<string, () => Uint8Array> = new Map(),
    private readonly timeoutMs = 10_000,
  ) {}

  async crlFor(cert: X509Certificate): Promise<Uint8Array | null> {
    for (const url of crlUrls(cert)) {
      const here = this.local.get(url);
      if (here) return here();
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs) });
        if (res.ok) return new Uint8Array(await res.arrayBuffer());
      } catch {
        // the next distribution point, if any
      }
    }
    return null;
  }
}
