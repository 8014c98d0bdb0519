import type { ServerMigration } from './migration';

/**
 * Rate limits shared by every server process (server/http/rate-limit.ts): one counter per key
 * (limit name and client address) and fixed window; expires_at lets old windows be swept.
 */
export const m0007RateLimits: ServerMigration = {
  name: '0007_rate_limits',
  // Epoch milliseconds pass 32 bits.
  sql: ({ bigint }) => `
    create table rate_limits (
      key text not null,
      window_start ${bigint} not null,
      count integer not null,
      expires_at ${bigint} not null,
      constraint rate_limits_pk primary key (key, window_start)
    );
    create index rate_limits_expires_at on rate_limits (expires_at);
  `,
};
