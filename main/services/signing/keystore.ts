/**
 * The Kepala Balai's PKCS#12 keystore: parsed with node-forge (PBES2/AES and the legacy 3DES
 * formats), the private key turned into a node:crypto KeyObject and kept in memory only. Nothing
 * here writes to disk.
 */
import { X509Certificate, createHash, createPrivateKey, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { SigningError } from './errors';

export interface CertificateInfo {
  /** Subject distinguished name, one attribute per line as node:crypto gives it. */
  subject: string;
  commonName: string;
  issuer: string;
  serialNumber: string;
  validFrom: Date;
  validTo: Date;
  /** SHA-256 of the certificate's DER, lower-case hex without separators. */
  fingerprint: string;
}

export interface Keystore {
  /** The signer's certificate first, then its issuers up to the root when the keystore holds them. */
  chain: X509Certificate[];
  certificate: X509Certificate;
  info: CertificateInfo;
  privateKey: KeyObject;
}

/** SHA-256 fingerprint of a certificate, lower-case hex without separators. */
export function certificateFingerprint(cert: X509Certificate | Uint8Array): string {
  const der = cert instanceof X509Certificate ? cert.raw : cert;
  return createHash('sha256').update(der).digest('hex');
}

/** Accepts "AB:CD:..." or "abcd..." and gives lower-case hex. */
export function normalizeFingerprint(fp: string): string {
  return fp.replace(/[^0-9a-fA-F]/g, '').toLowerCase();
}

function commonNameOf(dn: string): string {
  for (const line of dn.split('\n')) {
    const m = /^CN=(.*)$/.exec(line.trim());
    if (m) return m[1]!;
  }
  return dn;
}

export function certificateInfo(cert: X509Certificate): CertificateInfo {
  return {
    subject: cert.subject,
    commonName: commonNameOf(cert.subject),
    issuer: cert.issuer,
    serialNumber: cert.serialNumber,
    validFrom: new Date(cert.validFrom),
    validTo: new Date(cert.validTo),
    fingerprint: certificateFingerprint(cert),
  };
}

const toBinary = (b: Uint8Array): string =>
  Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('binary');
const fromBinary = (s: string): Buffer => Buffer.from(s, 'binary');

function wrongPassphrase(): SigningError {
  return new SigningError(
    'wrong_passphrase',
    'Passphrase salah. Berkas tanda tangan tidak dapat dibuka.',
    'Wrong passphrase. The keystore could not be opened.',
  );
}

/**
 * Opens a PKCS#12 keystore. Throws SigningError 'wrong_passphrase' for a wrong passphrase,
 * 'keystore_invalid' for a file that is not a PKCS#12 keystore, 'no_private_key' when it holds no key
 * with a matching certificate, 'unsupported_key' for a non-RSA key.
 */
export function loadKeystore(p12: Uint8Array, passphrase: string): Keystore {
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(toBinary(p12));
  } catch {
    throw new SigningError(
      'keystore_invalid',
      'Berkas bukan keystore PKCS#12 yang sah.',
      'The file is not a valid PKCS#12 keystore.',
    );
  }
  let pfx: forge.pkcs12.Pkcs12Pfx;
  try {
    pfx = forge.pkcs12.pkcs12FromAsn1(asn1, false, passphrase);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/password|MAC|decrypt|Invalid|padding/i.test(msg)) throw wrongPassphrase();
    throw new SigningError(
      'keystore_invalid',
      `Keystore PKCS#12 tidak dapat dibaca: ${msg}`,
      `The PKCS#12 keystore could not be read: ${msg}`,
    );
  }

  const certs: X509Certificate[] = [];
  const keys: KeyObject[] = [];
  try {
    for (const content of pfx.safeContents) {
      for (const bag of content.safeBags) {
        if (bag.type === forge.pki.oids.certBag) {
          const der = bag.cert
            ? forge.asn1.toDer(forge.pki.certificateToAsn1(bag.cert)).getBytes()
            : forge.asn1.toDer(bag.asn1).getBytes();
          certs.push(new X509Certificate(fromBinary(der)));
        } else if (bag.type === forge.pki.oids.pkcs8ShroudedKeyBag || bag.type === forge.pki.oids.keyBag) {
          const info = bag.key ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key)) : bag.asn1;
          const der = fromBinary(forge.asn1.toDer(info).getBytes());
          keys.push(createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }));
          der.fill(0);
        }
      }
    }
  } catch (e) {
    if (e instanceof SigningError) throw e;
    // A wrong passphrase on a keystore without a MAC shows up here, as undecodable bags.
    if (keys.length === 0 && certs.length === 0) throw wrongPassphrase();
    const msg = e instanceof Error ? e.message : String(e);
    throw new SigningError(
      'keystore_invalid',
      `Isi keystore tidak dapat dibaca: ${msg}`,
      `The keystore's contents could not be read: ${msg}`,
    );
  }

  for (const key of keys) {
    const leaf = certs.find((c) => c.checkPrivateKey(key));
    if (!leaf) continue;
    if (key.asymmetricKeyType !== 'rsa') {
      throw new SigningError(
        'unsupported_key',
        `Jenis kunci ${key.asymmetricKeyType ?? '?'} belum didukung; gunakan kunci RSA.`,
        `Key type ${key.asymmetricKeyType ?? '?'} is not supported; use an RSA key.`,
      );
    }
    const chain = [leaf];
    let cur = leaf;
    for (;;) {
      if (cur.checkIssued(cur)) break; // self-signed root
      const issuer = certs.find((c) => !chain.includes(c) && cur.checkIssued(c));
      if (!issuer) break;
      chain.push(issuer);
      cur = issuer;
    }
    return { chain, certificate: leaf, info: certificateInfo(leaf), privateKey: key };
  }
  throw new SigningError(
    'no_private_key',
    'Keystore tidak berisi kunci privat dengan sertifikatnya.',
    'The keystore holds no private key with its certificate.',
  );
}
