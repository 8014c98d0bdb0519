/**
 * Issue 12, durability: a command the server acknowledged survives a power loss. The server's
 * SQLite runs in WAL mode; a transaction that wrote resolves (and so the server answers) only
 * after the WAL holding its commit was fsynced (group commit: one fsync for the commits made
 * meanwhile; equivalent to synchronous = FULL, which the 'full' mode uses). Reads do not wait for
 * a sync. The cost is the bench figure sqlite.durability.*.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/db/connect';

const dirs: string[] = [];
const fresh = () => {
  const d = mkdtempSync(join(tmpdir(), 'sippt-durability-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('SQLite durability', () => {
  it('default: WAL with a group commit; every write resolves after a WAL fsync that began after it; concurrent writes share fsyncs', async () => {
    const handle = await openDatabase({ dataDir: fresh() });
    try {
      expect(handle.durability).toBe('group');
      const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(handle.db);
      expect(journal.rows[0]!.journal_mode).toBe('wal');
      const syncs = handle.walSyncs!;

      // One transaction that writes: an fsync happened before it resolved.
      let before = syncs();
      await handle.db.transaction().execute(async (trx) => {
        await trx.insertInto('server_settings').values({ key: 'durability-test-1', value: 'x' }).execute();
      });
      expect(syncs()).toBeGreaterThan(before);

      // An autocommit write too.
      before = syncs();
      await handle.db
        .insertInto('server_settings')
        .values({ key: 'durability-test-2', value: 'x' })
        .execute();
      expect(syncs()).toBeGreaterThan(before);

      // A read does not wait for a sync.
      before = syncs();
      await handle.db.selectFrom('server_settings').selectAll().execute();
      await handle.db.transaction().execute((trx) => trx.selectFrom('server_settings').selectAll().execute());
      expect(syncs()).toBe(before);

      // 50 concurrent transactions: each resolves after a sync that began after its commit; they share fsyncs.
      before = syncs();
      const resolvedAfter: number[] = [];
      await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          handle.db
            .transaction()
            .execute(async (trx) => {
              await trx
                .insertInto('server_settings')
                .values({ key: `durability-many-${i}`, value: 'x' })
                .execute();
              return syncs();
            })
            .then((atCommit) => resolvedAfter.push(syncs() - atCommit)),
        ),
      );
      expect(resolvedAfter.every((d) => d >= 1)).toBe(true);
      expect(syncs() - before).toBeLessThan(50);
    } finally {
      await handle.close();
    }
  });

  it("'full': synchronous = FULL (SQLite syncs inside each commit)", async () => {
    const handle = await openDatabase({ dataDir: fresh(), durability: 'full' });
    try {
      const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(handle.db);
      expect(sync.rows[0]!.synchronous).toBe(2); // 0 OFF, 1 NORMAL, 2 FULL
    } finally {
      await handle.close();
    }
  });
});
