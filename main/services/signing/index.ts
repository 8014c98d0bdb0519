/** TTE on the Kepala Balai's desktop: keystore, signing session, PAdES B-B signer. Plain Node, no electron. */
export { SigningError, type SigningErrorCode, type SigningErrorDetails } from './errors';
export {
  loadKeystore,
  certificateFingerprint,
  certificateInfo,
  normalizeFingerprint,
  type Keystore,
  type CertificateInfo,
} from './keystore';
export {
  DEFAULT_LOCKOUT_POLICY,
  MemoryLockoutStore,
  defaultLockoutStore,
  type LockoutPolicy,
  type LockoutRecord,
  type LockoutStore,
} from './lockout';
export {
  openSigningSession,
  readNow,
  type NowSource,
  type OpenSigningSessionOptions,
  type SigningSession,
} from './session';
export { buildCadesSignedData, cadesSignedAttributes, type CadesInput } from './cms';
export { signElhu, CadesSigner, sha256Hex, DEFAULT_SIGNING_REASON, type SignElhuOptions } from './sign-elhu';
export { loadElhuFonts, DEFAULT_FONTS_DIR } from '../../../node-shared/elhu-fonts';
