import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { OID, TAG, certificateParts, children, decodeOid, integer, octetString, oid, readTlv, sequence, setOf, toHex } from '../../../shared/elhu/der';
import { demoCertPem } from './helpers';

describe('DER', () => {
  it('encodes and decodes OIDs', () => {
    for (const o of Object.values(OID)) expect(decodeOid(readTlv(oid(o)))).toBe(o);
    expect(toHex(oid(OID.sha256))).toBe('0609608648016503040201');
  });

  it('uses short and long length forms', () => {
    expect(toHex(octetString(new Uint8Array(3)))).toBe('0403000000');
    expect(toHex(octetString(new Uint8Array(200)).subarray(0, 3))).toBe('0481c8');
    expect(toHex(octetString(new Uint8Array(300)).subarray(0, 4))).toBe('0482012c');
    const big = readTlv(octetString(new Uint8Array(70000)));
    expect(big.value.length).toBe(70000);
  });

  it('encodes integers with a leading zero when the high bit is set', () => {
    expect(toHex(integer(1))).toBe('020101');
    expect(toHex(integer(128))).toBe('02020080');
    expect(toHex(integer(0))).toBe('020100');
  });

  it('sorts SET OF elements by their encodings', () => {
    const s = setOf([oid('1.2.3'), integer(5), octetString(new Uint8Array([1]))]);
    expect(children(readTlv(s)).map((c) => c.tag)).toEqual([TAG.INTEGER, TAG.OCTET_STRING, TAG.OID]);
  });

  it('refuses truncated or indefinite-length input', () => {
    expect(() => readTlv(new Uint8Array([0x30, 0x05, 0x01]))).toThrow(/truncated/);
    expect(() => readTlv(new Uint8Array([0x30, 0x80, 0, 0]))).toThrow(/indefinite/);
    expect(() => children(readTlv(integer(3)))).toThrow(/not constructed/);
  });

  it('finds issuer, serial number and subject in a certificate', () => {
    const cert = new X509Certificate(demoCertPem());
    const parts = certificateParts(new Uint8Array(cert.raw));
    const serial = readTlv(parts.serialNumber);
    expect(toHex(serial.value).replace(/^00/, '').toUpperCase()).toBe(cert.serialNumber.replace(/^0+/, ''));
    expect(Buffer.from(parts.subject).toString('latin1')).toContain('Hendra Gunawan Siregar');
    expect(Buffer.from(parts.issuer).toString('latin1')).toContain('SIPPT Demo CA');
    expect(readTlv(sequence(parts.issuer)).tag).toBe(TAG.SEQUENCE);
  });
});
