/** Shared fixtures of the E-LHU tests: demo keystore, fonts, throwaway certificates, Debian tools. */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import forge from 'node-forge';
import { loadElhuFonts } from '../../../node-shared/elhu-fonts';
import type { ElhuFonts } from '../../../shared/elhu/types';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const KEYSTORE_DIR = join(ROOT, 'resources', 'demo-keystore');
export const DEMO_PASSPHRASE = 'demo-tte-2025';

export const demoP12 = (): Uint8Array =>
  new Uint8Array(readFileSync(join(KEYSTORE_DIR, 'kepala-balai-demo.p12')));
export const demoFingerprint = (): string =>
  readFileSync(join(KEYSTORE_DIR, 'kepala-balai-demo.sha256'), 'utf8').trim();
export const demoCertPem = (): string => readFileSync(join(KEYSTORE_DIR, 'kepala-balai-demo.pem'), 'utf8');
export const DEMO_CA_PATH = join(KEYSTORE_DIR, 'demo-ca.pem');

let fonts: ElhuFonts | null = null;
export function testFonts(): ElhuFonts {
  fonts ??= loadElhuFonts();
  return fonts;
}

export const KEPALA_BALAI = { name: 'Dr. Ir. Hendra Gunawan Siregar, M.T.', nip: '197503122000031002' };
/** A signing time inside the demo certificate's validity (2025-01-01 .. 2035-12-31). */
export const SIGNING_TIME = new Date('2025-03-14T03:15:42Z');

const APT_PACKAGE: Record<string, string> = {
  pdfsig: 'poppler-utils',
  pdftotext: 'poppler-utils',
  pdftoppm: 'poppler-utils',
  pdfinfo: 'poppler-utils',
  qpdf: 'qpdf',
  openssl: 'openssl',
  certutil: 'libnss3-tools',
  pk12util: 'libnss3-tools',
};

/** Runs a Debian tool; a missing tool fails the test with the apt package to install (never a silent skip). */
export function run(
  tool: string,
  args: string[],
  opts: { input?: Uint8Array } = {},
): SpawnSyncReturns<string> {
  const r = spawnSync(tool, args, {
    encoding: 'utf8',
    input: opts.input ? Buffer.from(opts.input) : undefined,
    maxBuffer: 64 << 20,
  });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(`${tool} is not installed: apt-get install -y ${APT_PACKAGE[tool] ?? tool}`);
  }
  if (r.error) throw r.error;
  return r;
}

/** `openssl cms -verify` of a detached CMS (DER file) over the content file, against `caFile`. */
export function opensslCmsVerify(cmsFile: string, contentFile: string, caFile: string, outFile: string) {
  return run('openssl', [
    ...['cms', '-verify', '-binary', '-inform', 'DER', '-in', cmsFile],
    ...['-content', contentFile, '-CAfile', caFile, '-out', outFile],
  ]);
}

/** OpenSSL's own DER of a CMS file (`openssl cms -cmsout`), written to `outFile`. */
export function opensslCmsReencode(inFile: string, outFile: string) {
  return run('openssl', [
    'cms',
    '-cmsout',
    '-inform',
    'DER',
    '-in',
    inFile,
    '-outform',
    'DER',
    '-out',
    outFile,
  ]);
}

export function requireTools(...tools: string[]): void {
  for (const t of tools) {
    const r = spawnSync('sh', ['-c', `command -v ${t}`], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${t} is not installed: apt-get install -y ${APT_PACKAGE[t] ?? t}`);
  }
}

// ---------------------------------------------------------------- throwaway certificates

function forgeKeys(): {
  key: KeyObject;
  forgePrivate: forge.pki.rsa.PrivateKey;
  forgePublic: forge.pki.rsa.PublicKey;
} {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    key: privateKey,
    forgePrivate: forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()),
    forgePublic: forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString()),
  };
}

export interface Throwaway {
  p12: Uint8Array;
  passphrase: string;
  certPem: string;
  caPem: string;
  fingerprint: string;
}

let serial = 0x5000;

/** A CA and a signer certificate valid from `notBefore` to `notAfter`, in a PKCS#12 (forge, AES-256). */
export function throwawayKeystore(opts: {
  notBefore: Date;
  notAfter: Date;
  cn?: string;
  passphrase?: string;
}): Throwaway {
  const ca = forgeKeys();
  const caCert = forge.pki.createCertificate();
  caCert.publicKey = ca.forgePublic;
  caCert.serialNumber = (serial++).toString(16);
  caCert.validity.notBefore = new Date('2020-01-01T00:00:00Z');
  caCert.validity.notAfter = new Date('2045-01-01T00:00:00Z');
  const caName = [
    { name: 'commonName', value: 'Throwaway Test CA' },
    { name: 'countryName', value: 'ID' },
  ];
  caCert.setSubject(caName);
  caCert.setIssuer(caName);
  caCert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
  ]);
  caCert.sign(ca.forgePrivate, forge.md.sha256.create());

  const leaf = forgeKeys();
  const cert = forge.pki.createCertificate();
  cert.publicKey = leaf.forgePublic;
  cert.serialNumber = (serial++).toString(16);
  cert.validity.notBefore = opts.notBefore;
  cert.validity.notAfter = opts.notAfter;
  cert.setSubject([
    { name: 'commonName', value: opts.cn ?? 'Penanda Tangan Uji' },
    { name: 'countryName', value: 'ID' },
  ]);
  cert.setIssuer(caName);
  cert.setExtensions([{ name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true }]);
  cert.sign(ca.forgePrivate, forge.md.sha256.create());

  const passphrase = opts.passphrase ?? 'uji-sementara';
  const p12Asn1 = forge.pkcs12.toPkcs12Asn1(leaf.forgePrivate, [cert, caCert], passphrase, {
    algorithm: 'aes256',
  });
  const p12 = new Uint8Array(Buffer.from(forge.asn1.toDer(p12Asn1).getBytes(), 'binary'));
  const certDer = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
  return {
    p12,
    passphrase,
    certPem: forge.pki.certificateToPem(cert),
    caPem: forge.pki.certificateToPem(caCert),
    fingerprint: forge.md.sha256.create().update(certDer.toString('binary')).digest().toHex(),
  };
}
