/**
 * The one list of keys whose values never reach a log: passwords, signing passphrases, token PINs,
 * the session's access and refresh tokens, and the headers that carry them. Every logger redacts by
 * it: the server's and the browser host's pino through its `redact` paths (pinoRedactPaths), the
 * desktop's electron-log through a hook (redactSecrets). A key is matched whatever its case.
 * Here, in node-shared/, because server/ and main/ both log and may not import each other.
 */
export const SECRET_LOG_KEYS = [
  'password',
  'currentPassword',
  'newPassword',
  'oldPassword',
  'passphrase',
  'pin',
  'token',
  'accessToken',
  'refreshToken',
  'authorization',
  'cookie',
  'set-cookie',
] as const;

export const REDACTED = '[redacted]';

const SECRET = new Set(SECRET_LOG_KEYS.map((k) => k.toLowerCase()));

export function isSecretKey(key: string): boolean {
  return SECRET.has(key.toLowerCase());
}

/**
 * pino's `redact` paths for the list, at the top of a record and up to `depth` objects below it
 * (pino's paths have a fixed depth; records of main/services nest two at most). Each key in the
 * spellings pino sees: as listed and in lower case.
 */
export function pinoRedactPaths(depth = 4): string[] {
  const keys = [...new Set(SECRET_LOG_KEYS.flatMap((k) => [k, k.toLowerCase()]))];
  const paths: string[] = [];
  for (let d = 0; d <= depth; d++) {
    const prefix = '*.'.repeat(d);
    for (const k of keys) paths.push(/^[A-Za-z_$][\w$]*$/.test(k) ? `${prefix}${k}` : `${prefix}["${k}"]`);
  }
  return paths;
}

/**
 * A copy of `value` with every secret key's value replaced by REDACTED, at any depth, in objects,
 * arrays and errors' own fields. Strings are left as they are: a secret is only ever logged under
 * its key, never inside a sentence (the Logger's messages are fixed texts).
 */
export function redactSecrets(value: unknown): unknown {
  return redact(value, new WeakSet());
}

/** `above`: the objects on the path from the top, so a cycle ends and a shared object does not. */
function redact(value: unknown, above: WeakSet<object>): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Date || ArrayBuffer.isView(value)) return value;
  if (above.has(value)) return '[circular]';
  above.add(value);
  try {
    if (Array.isArray(value)) return value.map((v) => redact(v, above));
    const out: Record<string, unknown> = {};
    if (value instanceof Error) {
      out.name = value.name;
      out.message = value.message;
      if (value.stack) out.stack = value.stack;
    }
    for (const [k, v] of Object.entries(value)) out[k] = isSecretKey(k) ? REDACTED : redact(v, above);
    return out;
  } finally {
    above.delete(value);
  }
}
