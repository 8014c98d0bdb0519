/**
 * Writes a demo E-LHU, unsigned and signed with the DEMO keystore, so anyone can look at the report
 * and check its signature:
 *
 *   npm run elhu:demo -- --out DIR [--parameters N] [--amended]
 *   pdfsig DIR/<report>-signed.pdf
 *
 * The demo keystore's passphrase is public (resources/demo-keystore/README.md): DEMO ONLY.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { demoElhuData, demoLogoPng } from '../shared/elhu/demo-data';
import { renderElhu } from '../shared/elhu/render';
import { loadElhuFonts, openSigningSession, sha256Hex, signElhu } from '../main/services/signing/index';
import { verifyUploadedElhu } from '../server/elhu/verify-signature';

const root = fileURLToPath(new URL('..', import.meta.url));
const KEYSTORE_DIR = join(root, 'resources', 'demo-keystore');
export const DEMO_PASSPHRASE = 'demo-tte-2025';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: 'elhu-demo' },
      parameters: { type: 'string', default: '10' },
      amended: { type: 'boolean', default: false },
    },
  });
  const out = resolve(values.out);
  const parameters = Number(values.parameters);
  if (!Number.isInteger(parameters) || parameters < 1 || parameters > 500)
    throw new Error('--parameters must be 1..500');
  mkdirSync(out, { recursive: true });

  const fonts = loadElhuFonts();
  const data = demoElhuData({ parameters, amended: values.amended, logoPng: demoLogoPng() });
  const unsigned = await renderElhu(data, fonts);
  const documentHash = sha256Hex(unsigned);
  const base = data.reportNumber.replace(/[^A-Za-z0-9-]+/g, '-');
  const unsignedPath = join(out, `${base}-unsigned.pdf`);
  writeFileSync(unsignedPath, unsigned);

  const p12 = new Uint8Array(readFileSync(join(KEYSTORE_DIR, 'kepala-balai-demo.p12')));
  const fingerprint = readFileSync(join(KEYSTORE_DIR, 'kepala-balai-demo.sha256'), 'utf8').trim();
  const session = openSigningSession({
    p12,
    passphrase: DEMO_PASSPHRASE,
    expectedCertificateFingerprint: fingerprint,
  });
  let signed: Uint8Array;
  try {
    signed = await signElhu(unsigned, session, {
      name: data.kepalaBalai.name,
      nip: data.kepalaBalai.nip,
      signingTime: new Date(),
      expectedDocumentHash: documentHash,
      fonts,
      location: data.unit.city,
    });
  } finally {
    session.close();
  }
  const signedPath = join(out, `${base}-signed.pdf`);
  writeFileSync(signedPath, signed);

  const check = await verifyUploadedElhu({
    signed,
    issuedUnsigned: unsigned,
    issuedHash: documentHash,
    registeredCertificate: readFileSync(join(KEYSTORE_DIR, 'kepala-balai-demo.pem'), 'utf8'),
    fonts,
  });
  console.log(`E-LHU ${data.reportNumber} (${parameters} parameter${parameters > 1 ? 's' : ''})`);
  console.log(`  unsigned: ${unsignedPath}\n            sha256 ${documentHash}`);
  console.log(`  signed:   ${signedPath}\n            sha256 ${sha256Hex(signed)}`);
  if (check.ok) {
    console.log(
      `  server check: accepted; signer ${check.signature.signerCommonName}, certificate sha256 ${check.signature.signerFingerprint}`,
    );
  } else {
    console.log(`  server check: REFUSED (${check.code}) ${check.message.en}`);
    process.exitCode = 1;
  }
  console.log(`  check it yourself: pdfsig "${signedPath}"   (DEMO certificate: issuer not trusted)`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
