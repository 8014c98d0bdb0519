import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { AT, beforeMigration, describeEachDialect, v1 } from './helper';

describeEachDialect('migration 0009_releases', (dialect) => {
  it('adds desktop releases, their files (sizes past 4 GB) and the versions each user signed in with', () =>
    beforeMigration(dialect, '0009_releases', async (m) => {
      await m.insert('users', v1.user);
      await m.migrate();
      expect(await m.rows(sql`select * from users`)).toEqual([v1.user]);

      const release = {
        id: 'rel-1',
        channel: 'stable',
        platform: 'win32-x64',
        version: '1.4.0',
        release_date: null,
        release_notes: 'Perbaikan / fixes',
        staging_percentage: 100,
        status: 'published',
        files_json: '[]',
        published_at: AT,
        published_by: 'u-admin',
        withdrawn_at: null,
        withdrawn_by: null,
        withdraw_reason: null,
      };
      await m.insert('releases', release);
      await expect(m.insert('releases', { ...release, id: 'rel-2' })).rejects.toThrow();
      const file = {
        release_id: 'rel-1',
        name: 'SIPPT-1.4.0.exe',
        sha512: 'abc',
        size: 5_000_000_000,
        kind: 'installer',
      };
      await m.insert('release_files', file);
      await expect(m.insert('release_files', file)).rejects.toThrow();
      expect(await m.rows(sql`select * from release_files where name = 'SIPPT-1.4.0.exe'`)).toEqual([file]);
      expect(await m.indexColumns('release_files_name')).toEqual(['name']);
      const seen = { user_id: 'u-1', version: '1.4.0', first_seen_at: AT, last_seen_at: AT };
      await m.insert('desktop_clients', seen);
      await expect(m.insert('desktop_clients', seen)).rejects.toThrow();
    }));
});
