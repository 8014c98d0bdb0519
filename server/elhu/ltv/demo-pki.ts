/**
 * The demo PKI of resources/demo-keystore (scripts/make-demo-keystore.sh; DEMO ONLY, the keys are
 * public): the demo CA, whose CRL the demo server signs and serves, and the demo TSA.
 */
import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crlUrls, makeCrl, type RevokedEntry } from './crl';
import { LocalTsa } from './demo-tsa';

export const DEMO_KEYSTORE_DIR = fileURLToPath(new URL('../../../resources/demo-keystore/', import.meta.url));

function file(dir: string, name: string): Buffer {
  for (const base of [dir, join(process.cwd(), 'resources', 'demo-keystore')]) {
    const p = join(base, name);
    if (existsSync(p)) return readFileSync(p);
  }
  throw new Error(`demo PKI file missing: ${name} (sh scripts/make-demo-keystore.sh makes it)`);
}

export interface DemoPki {
  ca: X509Certificate;
  caKey: KeyObject;
  tsaCertificate: X509Certificate;
  tsa: LocalTsa;
  /** The demo CA's current CRL (DER): signed now, valid 7 days. */
  crl(): Uint8Array;
  /** The address the demo certificates name as their CRL distribution point. */
  crlUrl: string;
}

export function loadDemoPki(
  opts: { now: () => Date; dir?: string; revoked?: () => RevokedEntry[] } = { now: () => new Date() },
): DemoPki {
  const dir = opts.dir ?? DEMO_KEYSTORE_DIR;
  const ca = new X509Certificate(file(dir, 'demo-ca.pem'));
  const caKey = createPrivateKey(file(dir, 'demo-ca.key'));
  const tsaCertificate = new X509Certificate(file(dir, 'demo-tsa.pem'));
  const tsa = new LocalTsa({
    certificate: tsaCertificate,
    key: createPrivateKey(file(dir, 'demo-tsa.key')),
    chain: [ca],
    now: opts.now,
  });
  return {
    ca,
    caKey,
    tsaCertificate,
    tsa,
    crlUrl: crlUrls(tsaCertificate)[0] ?? 'http://localhost:8080/pki/demo-ca.crl',
    crl() {
      const now = opts.now();
      return makeCrl({
        issuer: ca,
        issuerKey: caKey,
        revoked: opts.revoked?.() ?? [],
        thisUpdate: now,
        nextUpdate: new Date(now.getTime() + 7 * 86_400_000),
        crlNumber: Math.floor(now.getTime() / 1000),
      });
    },
  };
}
