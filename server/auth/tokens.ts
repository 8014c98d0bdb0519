import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Access tokens: short-lived, HMAC-SHA256 signed, naming the session they belong to, so logout
 * (revoking the session) ends them at once. Format: v1.<sessionId>.<userId>.<expiresUnix>.<sig>.
 * Refresh tokens: 32 random bytes, only their SHA-256 is stored; each is used once (rotation).
 */
export interface AccessClaims {
  sessionId: string;
  userId: string;
  expiresAt: number;
}

const b64url = (b: Buffer) => b.toString('base64url');

export function signAccessToken(secret: string, claims: AccessClaims): string {
  const body = `v1.${claims.sessionId}.${claims.userId}.${claims.expiresAt}`;
  const sig = createHmac('sha256', secret).update(body).digest();
  return `${body}.${b64url(sig)}`;
}

export function verifyAccessToken(secret: string, token: string, nowSeconds: number): AccessClaims | null {
  if (token.length > 300) return null;
  const parts = token.split('.');
  if (parts.length !== 5 || parts[0] !== 'v1') return null;
  const body = parts.slice(0, 4).join('.');
  const expected = createHmac('sha256', secret).update(body).digest();
  let given: Buffer;
  try {
    given = Buffer.from(parts[4]!, 'base64url');
  } catch {
    return null;
  }
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const expiresAt = Number(parts[3]);
  if (!Number.isInteger(expiresAt) || expiresAt <= nowSeconds) return null;
  return { sessionId: parts[1]!, userId: parts[2]!, expiresAt };
}

export function newRefreshToken(): string {
  return b64url(randomBytes(32));
}

export function sha256Hex(s: string | Buffer): string {
  return createHash('sha256').update(s).digest('hex');
}
