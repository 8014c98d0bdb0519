/**
 * A signing tool that is not SIPPT's desktop: builds a PAdES B-B detached CMS (CMS SignedData, no
 * eContent; signed attributes content-type, message-digest, signing-certificate-v2; RSA/SHA-256)
 * from a digest alone, with node-forge's ASN.1 and node:crypto. Written apart from
 * main/services/signing on purpose: it is what another tool would send to
 * PUT …/reports/:reportId/detached-signature.
 */
import { createHash, createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';

const { asn1 } = forge;
const U = asn1.Class.UNIVERSAL;
const T = asn1.Type;
const OIDS = {
  signedData: '1.2.840.113549.1.7.2',
  data: '1.2.840.113549.1.7.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
};

export interface ExternalSigner {
  key: KeyObject;
  /** The signer's certificate (DER). */
  certificate: Buffer;
  certificatePem: string;
}

const bin = (b: Uint8Array) => Buffer.from(b).toString('binary');
const oid = (o: string) => asn1.create(U, T.OID, false, asn1.oidToDer(o).getBytes());
const alg = (o: string, withNull = false) =>
  asn1.create(U, T.SEQUENCE, true, [oid(o), ...(withNull ? [asn1.create(U, T.NULL, false, '')] : [])]);
const der = (a: forge.asn1.Asn1) => Buffer.from(asn1.toDer(a).getBytes(), 'binary');

/** The demo Kepala Balai's keystore (resources/demo-keystore), read with the openssl command line. */
export function demoKepalaSigner(): ExternalSigner {
  const dir = new URL('../../../../resources/demo-keystore/', import.meta.url);
  const keyPem = execFileSync(
    'openssl',
    [
      'pkcs12',
      '-in',
      new URL('kepala-balai-demo.p12', dir).pathname,
      '-nocerts',
      '-nodes',
      '-passin',
      'pass:demo-tte-2025',
    ],
    { encoding: 'utf8' },
  );
  const certificatePem = readFileSync(new URL('kepala-balai-demo.pem', dir), 'utf8');
  return { key: createPrivateKey(keyPem), certificatePem, certificate: pemToDer(certificatePem) };
}

/** A key and self-signed certificate nobody registered (openssl req -x509). */
export function strangerSigner(): ExternalSigner {
  const dir = mkdtempSync(join(tmpdir(), 'sippt-stranger-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        join(dir, 'k.pem'),
        '-out',
        join(dir, 'c.pem'),
        '-days',
        '3650',
        '-subj',
        '/CN=Orang Lain/O=Bukan BSPJI/C=ID',
      ],
      { stdio: 'ignore' },
    );
    const certificatePem = readFileSync(join(dir, 'c.pem'), 'utf8');
    return {
      key: createPrivateKey(readFileSync(join(dir, 'k.pem'))),
      certificatePem,
      certificate: pemToDer(certificatePem),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function pemToDer(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
}

/** CMS SignedData (DER) over a SHA-256 digest of the PDF's byte ranges: PAdES B-B, ETSI.CAdES.detached. */
export function detachedCms(digest: Buffer, signer: ExternalSigner): Buffer {
  const cert = asn1.fromDer(bin(signer.certificate));
  // TBSCertificate: [version], serialNumber, signature, issuer, …
  const tbs = cert.value[0] as forge.asn1.Asn1;
  const fields = tbs.value as forge.asn1.Asn1[];
  const off = fields[0]!.tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  const serial = fields[off]!;
  const issuer = fields[off + 2]!;
  const certHash = createHash('sha256').update(signer.certificate).digest();
  const attr = (type: string, value: forge.asn1.Asn1) =>
    asn1.create(U, T.SEQUENCE, true, [oid(type), asn1.create(U, T.SET, true, [value])]);
  const issuerSerial = asn1.create(U, T.SEQUENCE, true, [
    asn1.create(U, T.SEQUENCE, true, [asn1.create(asn1.Class.CONTEXT_SPECIFIC, 4, true, [issuer])]),
    serial,
  ]);
  const essCertIdV2 = asn1.create(U, T.SEQUENCE, true, [
    asn1.create(U, T.OCTETSTRING, false, bin(certHash)),
    issuerSerial,
  ]);
  const attrs = [
    attr(OIDS.contentType, oid(OIDS.data)),
    attr(OIDS.messageDigest, asn1.create(U, T.OCTETSTRING, false, bin(digest))),
    attr(
      OIDS.signingCertificateV2,
      asn1.create(U, T.SEQUENCE, true, [asn1.create(U, T.SEQUENCE, true, [essCertIdV2])]),
    ),
  ];
  // DER SET OF: elements sorted by their encoding.
  attrs.sort((a, b) => Buffer.compare(der(a), der(b)));
  const signedAttrsSet = asn1.create(U, T.SET, true, attrs);
  const signature = sign('sha256', der(signedAttrsSet), signer.key);
  const signerInfo = asn1.create(U, T.SEQUENCE, true, [
    asn1.create(U, T.INTEGER, false, asn1.integerToDer(1).getBytes()),
    asn1.create(U, T.SEQUENCE, true, [issuer, serial]),
    alg(OIDS.sha256),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, attrs),
    alg(OIDS.rsaEncryption, true),
    asn1.create(U, T.OCTETSTRING, false, bin(signature)),
  ]);
  const signedData = asn1.create(U, T.SEQUENCE, true, [
    asn1.create(U, T.INTEGER, false, asn1.integerToDer(1).getBytes()),
    asn1.create(U, T.SET, true, [alg(OIDS.sha256)]),
    asn1.create(U, T.SEQUENCE, true, [oid(OIDS.data)]),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [cert]),
    asn1.create(U, T.SET, true, [signerInfo]),
  ]);
  return der(
    asn1.create(U, T.SEQUENCE, true, [
      oid(OIDS.signedData),
      asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signedData]),
    ]),
  );
}
