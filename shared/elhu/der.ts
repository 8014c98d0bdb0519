/**
 * A small DER (ASN.1 Distinguished Encoding Rules) encoder and reader over Uint8Array, enough for
 * CMS SignedData (RFC 5652) and X.509 certificates. Pure TypeScript: the desktop signer builds the
 * CMS with it and the server verifier reads it.
 */

export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8_STRING: 0x0c,
  PRINTABLE_STRING: 0x13,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRSAEncryption: '1.2.840.113549.1.1.11',
  commonName: '2.5.4.3',
} as const;

export class DerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DerError';
  }
}

// ---------------------------------------------------------------- encoding

function lengthBytes(n: number): number[] {
  if (n < 0x80) return [n];
  const out: number[] = [];
  let v = n;
  while (v > 0) {
    out.unshift(v & 0xff);
    v = Math.floor(v / 256);
  }
  return [0x80 | out.length, ...out];
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** A TLV with the given tag byte around content. */
export function tlv(tag: number, ...content: Uint8Array[]): Uint8Array {
  const body = content.length === 1 ? content[0]! : concatBytes(content);
  const len = lengthBytes(body.length);
  const out = new Uint8Array(1 + len.length + body.length);
  out[0] = tag;
  out.set(len, 1);
  out.set(body, 1 + len.length);
  return out;
}

export const sequence = (...items: Uint8Array[]): Uint8Array => tlv(TAG.SEQUENCE, ...items);

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** SET OF in DER: elements sorted by their encodings (X.690 11.6). `tag` lets [0] IMPLICIT sets reuse it. */
export function setOf(items: readonly Uint8Array[], tag: number = TAG.SET): Uint8Array {
  return tlv(tag, ...[...items].sort(compareBytes));
}

export function oid(dotted: string): Uint8Array {
  const parts = dotted.split('.').map((p) => Number(p));
  if (parts.length < 2 || parts.some((p) => !Number.isInteger(p) || p < 0)) throw new DerError(`bad OID ${dotted}`);
  const bytes: number[] = [];
  const arcs = [parts[0]! * 40 + parts[1]!, ...parts.slice(2)];
  for (const arc of arcs) {
    const chunk: number[] = [arc & 0x7f];
    let v = Math.floor(arc / 128);
    while (v > 0) {
      chunk.unshift((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    bytes.push(...chunk);
  }
  return tlv(TAG.OID, new Uint8Array(bytes));
}

/** INTEGER from a small non-negative number. */
export function integer(n: number): Uint8Array {
  if (!Number.isInteger(n) || n < 0 || n > 0x7fffffff) throw new DerError(`integer out of range: ${n}`);
  const bytes: number[] = [];
  let v = n;
  do {
    bytes.unshift(v & 0xff);
    v >>>= 8;
  } while (v > 0);
  if (bytes[0]! & 0x80) bytes.unshift(0);
  return tlv(TAG.INTEGER, new Uint8Array(bytes));
}

export const octetString = (b: Uint8Array): Uint8Array => tlv(TAG.OCTET_STRING, b);
export const derNull = (): Uint8Array => new Uint8Array([TAG.NULL, 0]);
/** [n] context-specific, constructed (EXPLICIT, or IMPLICIT of a constructed type). */
export const contextConstructed = (n: number, ...content: Uint8Array[]): Uint8Array => tlv(0xa0 | n, ...content);

/** AlgorithmIdentifier; `withNull` adds the NULL parameters RSA identifiers carry. */
export function algorithm(dotted: string, withNull = false): Uint8Array {
  return withNull ? sequence(oid(dotted), derNull()) : sequence(oid(dotted));
}

// ---------------------------------------------------------------- reading

/** One decoded element: views into the original bytes, nothing copied. */
export interface DerNode {
  tag: number;
  /** The whole TLV. */
  raw: Uint8Array;
  /** The value (content octets). */
  value: Uint8Array;
  /** Offset of the TLV in the buffer it was read from. */
  offset: number;
}

/** Reads the TLV at `offset`. Definite lengths only (DER). */
export function readTlv(buf: Uint8Array, offset = 0): DerNode {
  if (offset + 2 > buf.length) throw new DerError('truncated DER');
  const tag = buf[offset]!;
  if ((tag & 0x1f) === 0x1f) throw new DerError('high-tag-number form not supported');
  let p = offset + 1;
  const first = buf[p++]!;
  let len: number;
  if (first < 0x80) len = first;
  else {
    const n = first & 0x7f;
    if (n === 0) throw new DerError('indefinite length is not DER');
    if (n > 4) throw new DerError('DER length too large');
    if (p + n > buf.length) throw new DerError('truncated DER length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[p++]!;
  }
  const end = p + len;
  if (end > buf.length) throw new DerError('truncated DER value');
  return { tag, raw: buf.subarray(offset, end), value: buf.subarray(p, end), offset };
}

/** The children of a constructed element. */
export function children(node: DerNode): DerNode[] {
  if (!(node.tag & 0x20)) throw new DerError(`element 0x${node.tag.toString(16)} is not constructed`);
  const out: DerNode[] = [];
  let p = 0;
  while (p < node.value.length) {
    const c = readTlv(node.value, p);
    out.push(c);
    p += c.raw.length;
  }
  return out;
}

export function expectTag(node: DerNode | undefined, tag: number, what: string): DerNode {
  if (!node || node.tag !== tag) {
    throw new DerError(`${what}: expected tag 0x${tag.toString(16)}, found ${node ? '0x' + node.tag.toString(16) : 'nothing'}`);
  }
  return node;
}

export function decodeOid(node: DerNode): string {
  expectTag(node, TAG.OID, 'OID');
  const v = node.value;
  if (v.length === 0) throw new DerError('empty OID');
  const arcs: number[] = [];
  let acc = 0;
  for (const b of v) {
    acc = acc * 128 + (b & 0x7f);
    if (!(b & 0x80)) {
      arcs.push(acc);
      acc = 0;
    }
  }
  const first = arcs.shift()!;
  const a0 = first < 80 ? Math.floor(first / 40) : 2;
  return [a0, first - a0 * 40, ...arcs].join('.');
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function toHex(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += x.toString(16).padStart(2, '0');
  return s;
}

/** The parts of an X.509 certificate the CMS needs: issuer Name and serialNumber as encoded, subject. */
export interface CertificateParts {
  issuer: Uint8Array;
  serialNumber: Uint8Array;
  subject: Uint8Array;
}

export function certificateParts(certDer: Uint8Array): CertificateParts {
  const cert = expectTag(readTlv(certDer), TAG.SEQUENCE, 'Certificate');
  const tbs = expectTag(children(cert)[0], TAG.SEQUENCE, 'TBSCertificate');
  const f = children(tbs);
  let i = 0;
  if (f[0]?.tag === 0xa0) i = 1; // [0] EXPLICIT version
  const serial = expectTag(f[i], TAG.INTEGER, 'serialNumber');
  const issuer = expectTag(f[i + 2], TAG.SEQUENCE, 'issuer');
  const subject = expectTag(f[i + 4], TAG.SEQUENCE, 'subject');
  return { issuer: issuer.raw, serialNumber: serial.raw, subject: subject.raw };
}
