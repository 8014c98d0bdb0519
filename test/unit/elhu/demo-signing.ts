/**
 * The demo Kepala Balai signing an E-LHU, as most E-LHU tests need it done before they look at the
 * result: the demo keystore opened with its passphrase and pinned fingerprint, and the signature
 * options of a report signed at SIGNING_TIME in Palembang.
 */
import {
  openSigningSession,
  sha256Hex,
  signElhu,
  type OpenSigningSessionOptions,
  type SignElhuOptions,
  type SigningSession,
} from '../../../main/services/signing/index';
import {
  DEMO_PASSPHRASE,
  KEPALA_BALAI,
  SIGNING_TIME,
  demoFingerprint,
  demoP12,
  testFonts,
  type Throwaway,
} from './helpers';

/** The demo keystore unlocked (a session the caller closes). */
export function openDemoSession(over: Partial<OpenSigningSessionOptions> = {}): SigningSession {
  return openSigningSession({
    p12: demoP12(),
    passphrase: DEMO_PASSPHRASE,
    expectedCertificateFingerprint: demoFingerprint(),
    ...over,
  });
}

/** A throwaway keystore unlocked, pinned to its own certificate unless `over` pins another. */
export function openThrowawaySession(
  keystore: Throwaway,
  over: Partial<OpenSigningSessionOptions> = {},
): SigningSession {
  return openSigningSession({
    p12: keystore.p12,
    passphrase: keystore.passphrase,
    expectedCertificateFingerprint: keystore.fingerprint,
    ...over,
  });
}

/** The options the Kepala Balai signs `unsigned` with: SIGNING_TIME, in Palembang, the test fonts. */
export function kepalaBalaiSignature(
  unsigned: Uint8Array,
  over: Partial<SignElhuOptions> = {},
): SignElhuOptions {
  return {
    ...KEPALA_BALAI,
    signingTime: SIGNING_TIME,
    expectedDocumentHash: sha256Hex(unsigned),
    fonts: testFonts(),
    location: 'Palembang',
    ...over,
  };
}

/** `unsigned` signed by the demo Kepala Balai in a session of its own. */
export async function signAsKepalaBalai(
  unsigned: Uint8Array,
  over: Partial<SignElhuOptions> = {},
): Promise<Uint8Array> {
  const session = openDemoSession();
  try {
    return await signElhu(unsigned, session, kepalaBalaiSignature(unsigned, over));
  } finally {
    session.close();
  }
}
