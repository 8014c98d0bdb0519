import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { beforeMigration, describeEachDialect, v1 } from './helper';

describeEachDialect('migration 0007_rate_limits', (dialect) => {
  it('adds the shared rate-limit windows (epoch milliseconds, one row per key and window); other data untouched', () =>
    beforeMigration(dialect, '0007_rate_limits', async (m) => {
      await m.insert('units', v1.unit);
      await m.insert('login_attempts', {
        username: 'analis1',
        failures: 2,
        locked_until: null,
        updated_at: v1.unit.updated_at,
      });
      await m.migrate();
      expect(await m.rows(sql`select username, failures from login_attempts`)).toEqual([
        { username: 'analis1', failures: 2 },
      ]);
      expect(await m.rows(sql`select code from units`)).toEqual([{ code: 'PLG' }]);
      // Milliseconds since 1970 are beyond 32 bits.
      const window = {
        key: 'login:10.0.0.1',
        window_start: 1_772_420_400_000,
        count: 1,
        expires_at: 1_772_420_460_000,
      };
      await m.insert('rate_limits', window);
      await expect(m.insert('rate_limits', window)).rejects.toThrow();
      await m.insert('rate_limits', {
        ...window,
        window_start: window.expires_at,
        expires_at: window.expires_at + 60_000,
      });
      expect(
        await m.rows(
          sql`select window_start, count from rate_limits where expires_at <= ${window.expires_at}`,
        ),
      ).toEqual([{ window_start: 1_772_420_400_000, count: 1 }]);
      expect(await m.indexColumns('rate_limits_expires_at')).toEqual(['expires_at']);
    }));
});
