/**
 * Offline login: a memory-hard verifier of the user's password (node:crypto scrypt, random salt,
 * parameters stored with it), and a key derived alongside it that encrypts the refresh token at
 * rest, so a user who signed in offline can resume syncing without typing the password again.
 *
 * scrypt gives 64 bytes: the first 32 are hashed once more and stored (the verifier), the last 32
 * are the encryption key and are never stored.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  randomBytes,
  scrypt,
  timingSafeEqual,
} from 'node:crypto';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** 2^15 x 8 x 128 B = 32 MiB of memory per guess, about 0.1 s on a lab PC. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 1 << 15, r: 8, p: 1 };

export interface StoredVerifier extends ScryptParams {
  alg: 'scrypt';
  keylen: 64;
  salt: string;
  hash: string;
}

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFKC'),
      salt,
      64,
      {
        N: params.N,
        r: params.r,
        p: params.p,
        maxmem: 128 * params.N * params.r * params.p + 16 * 1024 * 1024,
      },
      (err, key) => (err ? reject(err) : resolve(key)),
    );
  });
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest();

export interface DerivedSecret {
  verifier: StoredVerifier;
  /** AES-256 key for the refresh token; kept in memory for the session only. */
  key: Buffer;
}

export async function createVerifier(
  password: string,
  params: ScryptParams = DEFAULT_SCRYPT,
): Promise<DerivedSecret> {
  const salt = randomBytes(16);
  const out = await derive(password, salt, params);
  return {
    verifier: {
      alg: 'scrypt',
      keylen: 64,
      ...params,
      salt: salt.toString('base64'),
      hash: sha256(out.subarray(0, 32)).toString('base64'),
    },
    key: out.subarray(32),
  };
}

/** The encryption key if the password matches, else null. Constant-time comparison. */
export async function checkVerifier(password: string, v: StoredVerifier): Promise<Buffer | null> {
  const out = await derive(password, Buffer.from(v.salt, 'base64'), v);
  const got = sha256(out.subarray(0, 32));
  const want = Buffer.from(v.hash, 'base64');
  return got.length === want.length && timingSafeEqual(got, want) ? out.subarray(32) : null;
}

export interface Sealed {
  iv: string;
  tag: string;
  data: string;
}

export function seal(key: Buffer, plain: string): Sealed {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return { iv: iv.toString('base64'), tag: c.getAuthTag().toString('base64'), data: data.toString('base64') };
}

export function unseal(key: Buffer, s: Sealed): string | null {
  try {
    const d = createDecipheriv('aes-256-gcm', key, Buffer.from(s.iv, 'base64'));
    d.setAuthTag(Buffer.from(s.tag, 'base64'));
    return Buffer.concat([d.update(Buffer.from(s.data, 'base64')), d.final()]).toString('utf8');
  } catch {
    return null;
  }
}
