/**
 * Integrity check at start: a damaged or unreadable working copy is moved aside, reported, rebuilt
 * from the server; the outbox file's data is never touched (its pending command still goes out).
 */
import Database from 'better-sqlite3';
import { existsSync, readFileSync, writeFileSync, openSync, writeSync, closeSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTBOX_FILE, WORKING_FILE } from '../../../main/services/localdb/paths';
import { OutboxDamagedError, Workspace } from '../../../main/services/localdb/workspace';
import { orderInLab, STAFF } from './fixtures';
import { services } from './helpers';
import { onFakeServer } from './on-fake-server';

const fake = onFakeServer('sippt-integrity-');

function outboxRows(dir: string) {
  const db = new Database(join(dir, OUTBOX_FILE), { readonly: true });
  const rows = db.prepare('SELECT * FROM outbox ORDER BY seq').all();
  const meta = db.prepare('SELECT * FROM meta ORDER BY key').all();
  db.close();
  return { rows, meta };
}

/** Overwrite bytes in the middle of the file: the b-tree pages become garbage. */
function damagePages(path: string) {
  const size = statSync(path).size;
  const fd = openSync(path, 'r+');
  const junk = Buffer.alloc(Math.min(8192, size - 4096), 0xa5);
  writeSync(fd, junk, 0, junk.length, 4096);
  closeSync(fd);
}

async function prepared() {
  const mine = orderInLab({ samples: 3 });
  fake.server.put(mine);
  const c = services(fake.dir, fake.server.url);
  await c.login('penyelia1', STAFF.penyelia.password);
  await c.syncNow();
  const cmd = c.acceptSample(mine.id, mine.samples[0]!.id, 'Segel utuh');
  const dir = c.session!.workspace;
  // Make the working copy big enough to have pages to damage, and checkpoint the WAL into it.
  c.diagnostics.store.ws.db.pragma('wal_checkpoint(TRUNCATE)');
  c.diagnostics.store.ws.db.pragma('ob.wal_checkpoint(TRUNCATE)');
  c.close();
  return { mine, dir, commandId: cmd.command.id };
}

describe('integrity check of the working copy', () => {
  for (const [name, damage] of [
    [
      'a file that is not a database',
      (p: string) => writeFileSync(p, 'this is not an SQLite file at all'.repeat(200)),
    ],
    ['damaged pages', damagePages],
  ] as const) {
    it(`${name}: moved aside, reported, rebuilt from the server, outbox untouched`, async () => {
      const { mine, dir, commandId } = await prepared();
      const before = outboxRows(dir);
      damage(join(dir, WORKING_FILE));

      const c = services(fake.dir, fake.server.url);
      const info = await c.login('penyelia1', STAFF.penyelia.password);
      expect(info.integrity).not.toBeNull();
      expect(existsSync(info.integrity!.movedTo)).toBe(true);
      expect(info.integrity!.reason.length).toBeGreaterThan(0);
      expect(c.status().rebuiltFrom).toBe(info.integrity!.movedTo);
      // The queue is intact and the local view shows the pending command once the order is back.
      expect(outboxRows(dir)).toEqual(before);
      expect(c.status().pending).toBe(1);
      await c.syncNow();
      expect(c.status()).toMatchObject({ pending: 0, rebuiltFrom: null });
      expect(fake.server.appliedCounts().get(commandId)).toBe(1);
      expect(c.order(mine.id)).toEqual(fake.server.orders.get(mine.id));
      c.close();
    });
  }

  it('a damaged outbox is reported and left exactly as it was', async () => {
    const { dir } = await prepared();
    const path = join(dir, OUTBOX_FILE);
    writeFileSync(path, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4000, 0x5a)]));
    const bytes = readFileSync(path);
    expect(() => Workspace.open(dir)).toThrow(OutboxDamagedError);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });
});
