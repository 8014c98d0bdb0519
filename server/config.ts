import { resolve } from 'node:path';
import { z } from 'zod';

/** Configuration of the SIPPT server: defaults for production, every value overridable (tests lower the costs). */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

export interface ServerConfig {
  /** Code of the unit (Balai) this server serves; numbers and the catalog's unit row use it. */
  unitCode: string;
  /** HMAC key of access tokens. Unset: generated once and kept in the database (shared by all processes). */
  tokenSecret: string | null;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /** Password hashing cost (scrypt, memory-hard): N=2^15, r=8, p=1 uses 32 MiB per hash. */
  scrypt: ScryptParams;
  login: {
    /** Failed logins of one account before it is locked. */
    maxFailures: number;
    lockMinutes: number;
    /** Failed logins and refreshes, and registrations, allowed per client IP per window. */
    ipMaxRequests: number;
    ipWindowSeconds: number;
  };
  /**
   * Per-client-IP limits of the routes that cost or expose (every request counts, refused or not),
   * kept in the database so they hold across every server process on one PostgreSQL.
   * Failed logins, refreshes and password changes are limited by `login.ipMaxRequests` as well.
   */
  rateLimits: RateLimits;
  billingExpiryDays: number;
  /** Shared secret of the payment gateway's notifications (HMAC-SHA256). Null: the endpoint answers 503. */
  paymentNotifySecret: string | null;
  /** Largest JSON body accepted (bytes). */
  bodyLimit: number;
  /** Largest uploaded file (bytes): proofs of payment and signed reports. */
  uploadLimit: number;
  /** Largest signed E-LHU accepted (bytes). */
  signedReportLimit: number;
  /** Base URL of the public report verification page (QR code on the E-LHU). */
  publicBaseUrl: string;
  /** Validate every response body against its schema (tests): a mismatch is a 500 and a bug. */
  validateResponses: boolean;
  /** Behind a reverse proxy: trust its X-Forwarded-For (the per-IP login limit needs the real client address). */
  trustProxy: boolean;
  /** A request (headers and body) must arrive within this many ms: slow-drip clients cannot hold connections. */
  requestTimeoutMs: number;
  /** The unit's time zone offset for dates (WIB = +7h). */
  utcOffsetMinutes: number;
  /** Server clock (tests move it to exercise expiries). */
  now: () => Date;
  /** The built customer portal (`npm run build`: dist/renderer/portal), served at `/`. */
  portalDir: string;
  /** The unit's RFC 3161 time-stamping authority (SIPPT_TSA_URL) for the long-term signature of signed E-LHU; null: none. */
  tsaUrl: string | null;
  /** Demo PKI (npm run demo): the demo TSA at POST /tsa (used when no tsaUrl) and the demo CA's CRL at /pki/demo-ca.crl. */
  demoPki: boolean;
}

/** At most `max` requests per `windowSeconds` (fixed windows). */
export interface RateLimit {
  max: number;
  windowSeconds: number;
}

export interface RateLimits {
  /** POST /auth/register. */
  register: RateLimit;
  /** POST /auth/login and /auth/refresh, successful or not (desktops refresh every 15 minutes). */
  session: RateLimit;
  /** POST /auth/password (a user's own change: two password hashes each). */
  password: RateLimit;
  /** A PDF checked by the public verification (POST /verifikasi, POST /api/v1/verify). */
  verifyUpload: RateLimit;
  /** The public verification pages and their JSON (GET). */
  verifyRead: RateLimit;
  /** The payment gateway's notifications. */
  paymentNotify: RateLimit;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  register: { max: 20, windowSeconds: 3600 },
  session: { max: 300, windowSeconds: 300 },
  password: { max: 10, windowSeconds: 900 },
  verifyUpload: { max: 30, windowSeconds: 60 },
  verifyRead: { max: 300, windowSeconds: 60 },
  paymentNotify: { max: 600, windowSeconds: 60 },
};

export const PRODUCTION_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };

export function defaultConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    unitCode: 'PLG',
    tokenSecret: null,
    accessTokenTtlSeconds: 15 * 60,
    refreshTokenTtlSeconds: 30 * 24 * 3600,
    scrypt: PRODUCTION_SCRYPT,
    login: { maxFailures: 5, lockMinutes: 15, ipMaxRequests: 30, ipWindowSeconds: 300 },
    rateLimits: DEFAULT_RATE_LIMITS,
    billingExpiryDays: 7,
    paymentNotifySecret: null,
    bodyLimit: 1024 * 1024,
    uploadLimit: 5 * 1024 * 1024,
    signedReportLimit: 20 * 1024 * 1024,
    publicBaseUrl: 'http://127.0.0.1:8080',
    validateResponses: false,
    trustProxy: false,
    requestTimeoutMs: 120_000,
    utcOffsetMinutes: 7 * 60,
    now: () => new Date(),
    portalDir: resolve('dist/renderer/portal'),
    tsaUrl: null,
    demoPki: false,
    ...overrides,
  };
}

const positiveInt = z.coerce
  .number({ error: 'harus bilangan bulat positif / must be a positive integer' })
  .int('harus bilangan bulat positif / must be a positive integer')
  .positive('harus bilangan bulat positif / must be a positive integer');
const flag = z
  .enum(['1', '0', 'true', 'false'], { error: 'harus 1, 0, true atau false / must be 1, 0, true or false' })
  .transform((v) => v === '1' || v === 'true');
const url = z.url({
  error: 'harus alamat http(s) lengkap / must be a full http(s) address',
  protocol: /^https?$/,
});
const text = z.string().min(1);

/**
 * The server's environment (SIPPT_*), read once at start through one schema: a bad value stops the
 * server with a message naming the variable, instead of a NaN or a silent default at the first request.
 */
export const serverEnvSchema = z.object({
  SIPPT_UNIT_CODE: z
    .string()
    .regex(
      /^[A-Z0-9]{2,10}$/,
      'harus 2–10 huruf kapital atau angka, mis. PLG / must be 2–10 capital letters or digits, e.g. PLG',
    )
    .optional(),
  SIPPT_TOKEN_SECRET: z.string().min(32, 'minimal 32 karakter / at least 32 characters').optional(),
  SIPPT_PAYMENT_SECRET: text.optional(),
  SIPPT_PUBLIC_URL: url.optional(),
  SIPPT_BILLING_EXPIRY_DAYS: positiveInt.optional(),
  SIPPT_TRUST_PROXY: flag.optional(),
  SIPPT_RATE_LIMITS: z
    .string()
    .transform((spec, ctx) => {
      try {
        return rateLimitsFrom(spec);
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: (e as Error).message });
        return z.NEVER;
      }
    })
    .optional(),
  SIPPT_PORTAL_DIR: text.optional(),
  SIPPT_SCRYPT_N: positiveInt.optional(),
  SIPPT_TSA_URL: url.optional(),
});
export type ServerEnv = z.output<typeof serverEnvSchema>;

/** The environment checked against `serverEnvSchema`; throws one message naming every bad variable. */
export function readServerEnv(env: NodeJS.ProcessEnv = process.env): ServerEnv {
  // Empty values count as unset, as a shell's `VAR=` means.
  const present = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => k.startsWith('SIPPT_') && v !== undefined && v !== ''),
  );
  const parsed = serverEnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(
      `Konfigurasi lingkungan tidak valid / invalid environment configuration:\n  ${lines.join('\n  ')}`,
    );
  }
  return parsed.data;
}

/** Overrides from the environment (SIPPT_*), for the command line. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<ServerConfig> {
  const e = readServerEnv(env);
  const out: Partial<ServerConfig> = {};
  if (e.SIPPT_UNIT_CODE) out.unitCode = e.SIPPT_UNIT_CODE;
  if (e.SIPPT_TOKEN_SECRET) out.tokenSecret = e.SIPPT_TOKEN_SECRET;
  if (e.SIPPT_PAYMENT_SECRET) out.paymentNotifySecret = e.SIPPT_PAYMENT_SECRET;
  if (e.SIPPT_PUBLIC_URL) out.publicBaseUrl = e.SIPPT_PUBLIC_URL;
  if (e.SIPPT_BILLING_EXPIRY_DAYS) out.billingExpiryDays = e.SIPPT_BILLING_EXPIRY_DAYS;
  if (e.SIPPT_TRUST_PROXY !== undefined) out.trustProxy = e.SIPPT_TRUST_PROXY;
  if (e.SIPPT_RATE_LIMITS) out.rateLimits = e.SIPPT_RATE_LIMITS;
  if (e.SIPPT_PORTAL_DIR) out.portalDir = resolve(e.SIPPT_PORTAL_DIR);
  if (e.SIPPT_SCRYPT_N) out.scrypt = { ...PRODUCTION_SCRYPT, N: e.SIPPT_SCRYPT_N };
  if (e.SIPPT_TSA_URL) out.tsaUrl = e.SIPPT_TSA_URL;
  return out;
}

function positive(v: string, name: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0)
    throw new Error(`${name} harus bilangan bulat positif / must be a positive integer`);
  return n;
}

/** `SIPPT_RATE_LIMITS=verifyUpload=10/60,register=5/3600`: max requests / window seconds per limit. */
export function rateLimitsFrom(spec: string, base: RateLimits = DEFAULT_RATE_LIMITS): RateLimits {
  const out: RateLimits = { ...base };
  for (const part of spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^([A-Za-z]+)=([0-9]+)\/([0-9]+)$/.exec(part);
    if (!m || !(m[1]! in out))
      throw new Error(
        `SIPPT_RATE_LIMITS: "${part}" tidak dikenal / not understood (name=max/seconds; names: ${Object.keys(out).join(', ')})`,
      );
    out[m[1] as keyof RateLimits] = { max: positive(m[2]!, m[1]!), windowSeconds: positive(m[3]!, m[1]!) };
  }
  return out;
}
