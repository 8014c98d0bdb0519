/**
 * Small helpers around @peculiar/asn1-* for the long-term signature code: conversions between
 * Node buffers and ArrayBuffer, parse/serialize, the object identifiers used here, and the ESS
 * signing-certificate-v2 value (RFC 5035), which no @peculiar package models, built with asn1js.
 */
import type { X509Certificate } from 'node:crypto';
import { createHash } from 'node:crypto';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { Certificate } from '@peculiar/asn1-x509';
import * as asn1js from 'asn1js';

export const OIDS = {
  signedData: '1.2.840.113549.1.7.2',
  data: '1.2.840.113549.1.7.1',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha256WithRSA: '1.2.840.113549.1.1.11',
  rsaEncryption: '1.2.840.113549.1.1.1',
  timeStamping: '1.3.6.1.5.5.7.3.8',
  extKeyUsage: '2.5.29.37',
  crlDistributionPoints: '2.5.29.31',
  crlNumber: '2.5.29.20',
  authorityKeyIdentifier: '2.5.29.35',
} as const;

/** A fresh ArrayBuffer holding exactly these bytes (the @peculiar API takes ArrayBuffers). */
export function ab(bytes: Uint8Array): ArrayBuffer {
  const out = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(out).set(bytes);
  return out;
}

export const u8 = (b: ArrayBuffer | ArrayBufferView): Uint8Array =>
  b instanceof ArrayBuffer ? new Uint8Array(b) : new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

export const der = (obj: unknown): Uint8Array => new Uint8Array(AsnConvert.serialize(obj));

export function parse<T>(bytes: Uint8Array, type: new () => T): T {
  return AsnConvert.parse(ab(bytes), type);
}

export const sha256 = (...parts: Uint8Array[]): Buffer => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return (
    a.length === b.length &&
    Buffer.compare(
      Buffer.from(a.buffer, a.byteOffset, a.byteLength),
      Buffer.from(b.buffer, b.byteOffset, b.byteLength),
    ) === 0
  );
}

export const octets = (b: Uint8Array): OctetString => new OctetString(ab(b));

/** The parsed form of a Node certificate (issuer, serial, extensions). */
export const certificateOf = (x: X509Certificate): Certificate => parse(new Uint8Array(x.raw), Certificate);

/** signing-certificate-v2 with one ESSCertIDv2 (hashAlgorithm left at its default, SHA-256). */
export function signingCertificateV2(certDer: Uint8Array): Uint8Array {
  const certId = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: ab(sha256(certDer)) })] });
  const value = new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [certId] })] });
  return new Uint8Array(value.toBER(false));
}

/** The first ESSCertIDv2 certHash of a signing-certificate-v2 value (SHA-256 only), or null. */
export function signingCertificateV2Hash(value: Uint8Array): Uint8Array | null {
  const parsed = asn1js.fromBER(ab(value));
  if (parsed.offset === -1 || !(parsed.result instanceof asn1js.Sequence)) return null;
  const certs = parsed.result.valueBlock.value[0];
  if (!(certs instanceof asn1js.Sequence)) return null;
  const first = certs.valueBlock.value[0];
  if (!(first instanceof asn1js.Sequence)) return null;
  const fields = first.valueBlock.value;
  let i = 0;
  if (fields[0] instanceof asn1js.Sequence) {
    const alg = fields[0].valueBlock.value[0];
    if (!(alg instanceof asn1js.ObjectIdentifier) || alg.getValue() !== OIDS.sha256) return null;
    i = 1;
  }
  const hash = fields[i];
  return hash instanceof asn1js.OctetString ? new Uint8Array(hash.valueBlock.valueHexView) : null;
}
