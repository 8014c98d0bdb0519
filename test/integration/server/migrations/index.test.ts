import { readdirSync } from 'node:fs';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { SERVER_MIGRATIONS } from '../../../../server/db/migrations';
import { beforeMigration, describeEachDialect } from './helper';

describe('the list of server migrations', () => {
  it('is in version order, each name recorded once, each version with its own file and test', () => {
    const names = SERVER_MIGRATIONS.map((m) => m.name);
    expect(names).toEqual([...new Set(names)].sort());
    const fileOf = (name: string) => name.replace(/_/g, '-');
    const sources = readdirSync(new URL('../../../../server/db/migrations/', import.meta.url));
    const tests = readdirSync(new URL('./', import.meta.url));
    for (const name of names) {
      expect(name).toMatch(/^\d{4}_[a-z0-9_]+$/);
      expect(sources).toContain(`${fileOf(name)}.ts`);
      expect(tests).toContain(`${fileOf(name)}.test.ts`);
    }
  });
});

describeEachDialect('the server migrations together', (dialect) => {
  it('take an empty database to the latest version, and again change nothing', () =>
    beforeMigration(dialect, SERVER_MIGRATIONS[0]!.name, async (m) => {
      const first = await m.migrator.migrateToLatest();
      expect(first.error).toBeUndefined();
      expect(first.results?.map((r) => r.migrationName)).toEqual(SERVER_MIGRATIONS.map((x) => x.name));
      const again = await m.migrator.migrateToLatest();
      expect(again.results).toEqual([]);
      expect(await m.rows(sql`select name from kysely_migration order by name`)).toEqual(
        SERVER_MIGRATIONS.map((x) => ({ name: x.name })),
      );
    }));
});
