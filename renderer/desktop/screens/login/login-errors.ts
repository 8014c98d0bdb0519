/**
 * A refused login in words a person can act on (UI.md: errors say what to fix). The engine's
 * message comes first (it knows the case); the hint adds what to do next, and for an unreachable
 * server the screen offers to sign in offline.
 */
import type { BridgeError } from '../../../../shared/bridge';

export type LoginProblem = 'wrong' | 'locked' | 'unknown_offline' | 'unreachable' | 'other';

export interface LoginErrorView {
  problem: LoginProblem;
  /** i18n key of the hint in the `login` namespace, or null. */
  hintKey: string | null;
  /** For 'locked': until when (ISO), when the engine said. */
  lockedUntil: string | null;
  /** Offer "Masuk luring". */
  suggestOffline: boolean;
  /** The field to put the cursor back in. */
  focus: 'password' | 'username' | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/** The engine's login reason: `details.reason` (LoginError codes) or, failing that, the message's words. */
export function loginProblem(error: Pick<BridgeError, 'code' | 'message' | 'details'>): LoginProblem {
  const reason =
    str(error.details?.['reason']) ?? str(error.details?.['loginCode']) ?? str(error.details?.['code']);
  if (error.code === 'offline') return 'unreachable';
  switch (reason) {
    case 'invalid_credentials':
      return 'wrong';
    case 'offline_locked':
    case 'locked':
    case 'account_locked':
      return 'locked';
    case 'offline_unknown_user':
    case 'offline_disabled':
      return 'unknown_offline';
    case 'unreachable':
      return 'unreachable';
  }
  const text = `${error.message.en} ${error.message.id}`.toLowerCase();
  if (/cannot be reached|unreachable|tidak dapat dihubungi|tidak terjangkau/.test(text)) return 'unreachable';
  if (/locked|terkunci/.test(text)) return 'locked';
  if (/never signed in|not signed in on this|belum pernah masuk/.test(text)) return 'unknown_offline';
  if (/wrong|salah|invalid/.test(text)) return 'wrong';
  return 'other';
}

export function loginErrorView(
  error: Pick<BridgeError, 'code' | 'message' | 'details'>,
  mode: 'auto' | 'online' | 'offline',
): LoginErrorView {
  const problem = loginProblem(error);
  const lockedUntil = str(error.details?.['lockedUntil']);
  switch (problem) {
    case 'wrong':
      return {
        problem,
        hintKey: 'errors.wrongHint',
        lockedUntil: null,
        suggestOffline: false,
        focus: 'password',
      };
    case 'locked':
      return {
        problem,
        hintKey: lockedUntil ? 'errors.lockedHint' : null,
        lockedUntil,
        suggestOffline: false,
        focus: null,
      };
    case 'unknown_offline':
      return {
        problem,
        hintKey: 'errors.unknownOfflineHint',
        lockedUntil: null,
        suggestOffline: false,
        focus: 'username',
      };
    case 'unreachable':
      return {
        problem,
        hintKey: 'errors.unreachableHint',
        lockedUntil: null,
        suggestOffline: mode !== 'offline',
        focus: null,
      };
    default:
      return { problem, hintKey: null, lockedUntil: null, suggestOffline: false, focus: null };
  }
}

/** What the server field must hold: an http(s) address (the bridge checks it again). */
export function serverUrlProblem(url: string): 'serverRequired' | 'serverInvalid' | null {
  const u = url.trim();
  if (!u) return 'serverRequired';
  try {
    const parsed = new URL(u);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? null : 'serverInvalid';
  } catch {
    return 'serverInvalid';
  }
}
