/**
 * The Kepala Balai's demo keystore (resources/demo-keystore, DEMO ONLY, published with the
 * product): the file a test imports through the desktop's screens, and step 19 done as the
 * Kepala Balai's desktop does it, for the tests that drive the SOP through the API.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadElhuFonts, openSigningSession, signElhu } from '../../../main/services/signing';

const DIR = new URL('../../../resources/demo-keystore/', import.meta.url);

/** The keystore's path, for the desktop's file input. */
export const DEMO_KEYSTORE = fileURLToPath(new URL('kepala-balai-demo.p12', DIR));
export const DEMO_PASSPHRASE = 'demo-tte-2025'; // DEMO ONLY, published with the demo keystore
/** The NIP printed under the demo signer's name. */
export const DEMO_NIP = '197503122000031002';

/**
 * The unsigned E-LHU signed with the demo keystore in the name of `signerName`; refused when it is
 * not the document the report's hash names.
 */
export async function signWithDemoKeystore(
  unsigned: Uint8Array,
  signerName: string,
  expectedDocumentHash: string,
): Promise<Uint8Array> {
  const session = openSigningSession({
    p12: new Uint8Array(readFileSync(DEMO_KEYSTORE)),
    passphrase: DEMO_PASSPHRASE,
    expectedCertificateFingerprint: readFileSync(new URL('kepala-balai-demo.sha256', DIR), 'utf8').trim(),
  });
  try {
    return await signElhu(unsigned, session, {
      name: signerName,
      nip: DEMO_NIP,
      signingTime: new Date(),
      expectedDocumentHash,
      fonts: loadElhuFonts(),
      location: 'Palembang',
    });
  } finally {
    session.close();
  }
}
