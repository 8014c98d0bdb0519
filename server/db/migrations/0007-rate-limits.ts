import type { ServerMigration } from './migration';

/**
 * Rate limits shared by every server process (server/http/rate-limit.ts): one counter per key
 * (limit name and client address) and fixed window; expires_at lets old windows be swept.
 */
export const m0007RateLimits: ServerMigration = {
  name: '0007_rate_limits',
  async up(db, dialect) {
    const ms = dialect === 'postgres' ? 'bigint' : 'integer';
    await db.schema
      .createTable('rate_limits')
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('window_start', ms, (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addColumn('expires_at', ms, (c) => c.notNull())
      .addPrimaryKeyConstraint('rate_limits_pk', ['key', 'window_start'])
      .execute();
    await db.schema.createIndex('rate_limits_expires_at').on('rate_limits').column('expires_at').execute();
  },
};
