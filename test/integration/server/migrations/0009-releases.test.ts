import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { AT, beforeMigration, describeEachDialect } from './helper';

describeEachDialect('migration 0009_releases', (dialect) => {
  it('adds desktop releases, their files (sizes past 4 GB) and the versions each user signed in with', () =>
    beforeMigration(dialect, '0009_releases', async (m) => {
      const user = {
        id: 'u-1',
        username: 'analis1',
        name: 'Analis Satu',
        role: 'analis',
        lab_id: 'lab-1',
        customer_id: null,
        nip: '199001012020011001',
        active: 1,
        password_hash: 'scrypt$x',
        certificate_pem: null,
        created_at: AT,
        updated_at: AT,
      };
      await m.insert('users', user);
      await m.migrate();
      expect(await m.rows(sql`select * from users`)).toEqual([user]);

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
