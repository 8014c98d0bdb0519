import rateLimit, { normalizeIP, type FastifyRateLimitStore } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { RateLimit, ServerConfig } from '../config';
import type { DbHandle } from '../db/connect';
import { AppError } from './errors';

/**
 * Rate limits with @fastify/rate-limit, counted in the database (table rate_limits, migration
 * 0007) so that every server process on one PostgreSQL shares them. Fixed windows aligned on the
 * clock: a key's window is floor(now / window); one statement inserts the counter or increments it
 * and returns the new count (an atomic upsert), so two processes never both see the last free slot.
 */
type RateLimitTables = {
  rate_limits: { key: string; window_start: number | string; count: number; expires_at: number | string };
};

const SWEEP_MS = 60_000;

export function databaseStore(handle: DbHandle, now: () => Date) {
  const db = handle.db.withTables<RateLimitTables>();
  let lastSweep = 0;
  const sweep = (t: number) => {
    if (t - lastSweep < SWEEP_MS) return;
    lastSweep = t;
    db.deleteFrom('rate_limits')
      .where('expires_at', '<', t)
      .execute()
      .catch(() => undefined);
  };
  const windowOf = (timeWindow: number) => {
    const t = now().getTime();
    const start = Math.floor(t / timeWindow) * timeWindow;
    return { t, start, ttl: start + timeWindow - t };
  };

  class DatabaseStore implements FastifyRateLimitStore {
    incr(
      key: string,
      cb: (err: Error | null, res?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      const { t, start, ttl } = windowOf(timeWindow);
      db.insertInto('rate_limits')
        .values({ key, window_start: start, count: 1, expires_at: start + timeWindow })
        .onConflict((oc) =>
          oc.columns(['key', 'window_start']).doUpdateSet({ count: sql<number>`rate_limits.count + 1` }),
        )
        .returning('count')
        .executeTakeFirstOrThrow()
        .then(
          (row) => {
            sweep(t);
            cb(null, { current: Number(row.count), ttl });
          },
          (err: Error) => cb(err),
        );
    }
    /** The count so far, without counting (createRateLimit's `{increment: false}`). */
    read(
      key: string,
      cb: (err: Error | null, res?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      const { start, ttl } = windowOf(timeWindow);
      db.selectFrom('rate_limits')
        .select('count')
        .where('key', '=', key)
        .where('window_start', '=', start)
        .executeTakeFirst()
        .then(
          (row) => cb(null, { current: row ? Number(row.count) : 0, ttl }),
          (err: Error) => cb(err),
        );
    }
    child(): FastifyRateLimitStore {
      return new DatabaseStore();
    }
  }
  return DatabaseStore;
}

/** A client's address as the limits see it (an IPv6 client by its /64). */
const clientOf = (req: FastifyRequest) => normalizeIP(req.ip);

export function tooManyRequests(retryAfterSeconds: number): AppError {
  const s = Math.max(1, Math.ceil(retryAfterSeconds));
  return new AppError(
    429,
    'rate_limited',
    {
      id: `Terlalu banyak permintaan dari alamat ini. Coba lagi dalam ${s} detik.`,
      en: `Too many requests from this address. Try again in ${s} seconds.`,
    },
    undefined,
    { 'retry-after': String(s) },
  );
}

/** Route options of a limit: `config: rateLimitConfig('verify-upload', limit)` on a Fastify route. */
export function rateLimitConfig(name: string, limit: RateLimit) {
  return {
    max: limit.max,
    timeWindow: limit.windowSeconds * 1000,
    keyGenerator: (req: FastifyRequest) => `${name}:${clientOf(req)}`,
  };
}

export interface FailureLimiter {
  /** Refuses (429) a client that used up its budget of failures in the current window. */
  check(req: FastifyRequest): Promise<void>;
  /** Counts one failure. */
  hit(req: FastifyRequest): Promise<void>;
}

/** Registers the plugin (before any route: it hooks routes as they are added). */
export async function registerRateLimits(
  app: FastifyInstance,
  handle: DbHandle,
  config: ServerConfig,
): Promise<FailureLimiter> {
  await app.register(rateLimit, {
    global: false,
    store: databaseStore(handle, config.now),
    errorResponseBuilder: (_req, ctx) => tooManyRequests(ctx.ttl / 1000),
    addHeadersOnExceeding: {
      'x-ratelimit-limit': false,
      'x-ratelimit-remaining': false,
      'x-ratelimit-reset': false,
    },
    addHeaders: {
      'x-ratelimit-limit': true,
      'x-ratelimit-remaining': true,
      'x-ratelimit-reset': true,
      'retry-after': true,
    },
  });
  // Failed logins, refreshes and password changes: only failures count, so an office behind one
  // address starts its day without tripping it, while guessing passwords from one address stops.
  const failures = app.createRateLimit(
    rateLimitConfig('auth-failures', {
      max: config.login.ipMaxRequests,
      windowSeconds: config.login.ipWindowSeconds,
    }),
  );
  return {
    async check(req) {
      const r = await failures(req, { increment: false });
      if (!r.isAllowed && r.remaining <= 0) throw tooManyRequests(r.ttl / 1000);
    },
    async hit(req) {
      await failures(req);
    },
  };
}
