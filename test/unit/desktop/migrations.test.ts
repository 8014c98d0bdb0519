/**
 * One test per schema version of each local file (Signal-Desktop style): a database of the previous
 * version holding data is migrated and its data checked. The outbox never loses a command.
 */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  migrate,
  SchemaTooNewError,
  schemaVersion,
  type Migration,
} from '../../../main/services/localdb/migrate';
import { OUTBOX_MIGRATIONS } from '../../../main/services/localdb/migrations/outbox';
import { WORK_MIGRATIONS } from '../../../main/services/localdb/migrations/work';
import { migrateOutbox, Workspace } from '../../../main/services/localdb/workspace';
import { join } from 'node:path';
import { tempDir } from './helpers';
import { orderInLab } from './fixtures';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir('sippt-migrate-');
});
afterEach(() => tmp.cleanup());

const file = (name: string) => new Database(join(tmp.dir, name));
const columns = (db: Database.Database, table: string) =>
  (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);

function outboxRowV1(db: Database.Database, seq: number, type: string, status = 'pending') {
  db.prepare(
    `INSERT INTO outbox (command_id, seq, type, aggregate_id, payload, base_version, issued_at, status, attempts, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)`,
  ).run(
    `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    seq,
    type,
    '00000000-0000-4000-8000-0000000000aa',
    '{"sampleId":"x"}',
    3,
    '2026-03-02T03:00:00.000Z',
    status,
    '2026-03-02T03:00:00.000Z',
  );
}

describe('working copy migrations', () => {
  it('001-initial: creates the tables on an empty file, with the sync state row', () => {
    const db = file('w.sqlite');
    migrate(db, WORK_MIGRATIONS, { to: 1 });
    expect(schemaVersion(db)).toBe(1);
    expect(columns(db, 'orders')).toContain('base_json');
    expect(columns(db, 'samples')).toContain('next_action');
    expect(db.prepare('SELECT last_processed_seq FROM sync_state WHERE id = 1').get()).toEqual({
      last_processed_seq: 0,
    });
    db.close();
  });

  it('002-worklist-search: adds the search column and fills it for the rows there', () => {
    const db = file('w.sqlite');
    migrate(db, WORK_MIGRATIONS, { to: 1 });
    db.prepare(
      `INSERT INTO samples (id, order_id, order_number, order_status, sample_number, sample_type_name, description, customer_label, status,
        lab_id, penyelia_id, mt_id, received_at, analyses_total, analyses_mine, analyses_open_mine, analyses_submitted, next_action, action_rank, sort_at)
       VALUES ('s1', 'o1', 'ORD/PLG/2026/00001', 'in_lab', 'SPL/PLG/2026/00007', 'Kopi Bubuk', 'd', 'Merek A', 'registered',
        NULL, NULL, NULL, NULL, 2, 0, 0, 0, 'sample.accept', 0, '2026-03-02')`,
    ).run();
    db.prepare(`UPDATE sync_state SET cursor = '42', last_processed_seq = 7 WHERE id = 1`).run();
    migrate(db, WORK_MIGRATIONS, { to: 2 });
    expect(schemaVersion(db)).toBe(2);
    expect(db.prepare('SELECT search FROM samples').get()).toEqual({
      search: 'ord/plg/2026/00001 spl/plg/2026/00007 kopi bubuk merek a',
    });
    expect(db.prepare('SELECT cursor, last_processed_seq FROM sync_state').get()).toEqual({
      cursor: '42',
      last_processed_seq: 7,
    });
    db.close();
  });

  it('003-orders-rowid: orders rebuilt as a rowid table, every row and the local-view index kept', () => {
    const db = file('w.sqlite');
    migrate(db, WORK_MIGRATIONS, { to: 2 });
    const ins = db.prepare(
      `INSERT INTO orders (id, version, status, number, customer_id, submitted_at, base_version, base_json, local_json, pending_commands, pulled_at)
       VALUES (?, 3, 'in_lab', ?, 'c', '2026-03-02T03:00:00.000Z', 2, ?, ?, ?, '2026-03-02T04:00:00.000Z')`,
    );
    ins.run('o1', 'ORD/1', '{"id":"o1","base":true}', '{"id":"o1","local":true}', 1);
    ins.run('o2', null, '{"id":"o2"}', null, 0);
    const before = db.prepare('SELECT * FROM orders ORDER BY id').all();
    migrate(db, WORK_MIGRATIONS, { to: 3 });
    expect(schemaVersion(db)).toBe(3);
    expect(db.prepare('SELECT * FROM orders ORDER BY id').all()).toEqual(before);
    const ddl = (db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'orders'`).get() as { sql: string })
      .sql;
    expect(ddl).not.toMatch(/WITHOUT ROWID/i);
    expect(
      db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'orders_local'`).get(),
    ).toBeDefined();
    db.close();
  });

  it('004-worklist-clock: SOP clock columns filled from the orders there, blocked counts 0, other columns kept', () => {
    const db = file('w.sqlite');
    migrate(db, WORK_MIGRATIONS, { to: 3 });
    const order = orderInLab({ stage: 'in_testing', analyses: 1, now: new Date('2026-03-02T03:00:00.000Z') });
    const registered = orderInLab({ now: new Date('2026-03-02T03:00:00.000Z') });
    const insOrder = db.prepare(
      `INSERT INTO orders (id, version, status, number, customer_id, submitted_at, base_version, base_json, local_json, pending_commands, pulled_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, 0, '2026-03-02T04:00:00.000Z')`,
    );
    const insSample = db.prepare(
      `INSERT INTO samples (id, order_id, order_number, order_status, sample_number, sample_type_name, description, customer_label, status,
        lab_id, penyelia_id, mt_id, received_at, analyses_total, analyses_mine, analyses_open_mine, analyses_submitted, next_action, action_rank, sort_at, pending_commands, search)
       VALUES (?, ?, ?, ?, ?, 'Karet', 'd', 'K', ?, NULL, NULL, NULL, ?, 1, 0, 0, 0, NULL, 1, ?, 2, 'x')`,
    );
    for (const o of [order, registered]) {
      insOrder.run(
        o.id,
        o.version,
        o.status,
        o.number,
        o.customerId,
        o.submittedAt,
        o.version,
        JSON.stringify(o),
      );
      const s = o.samples[0]!;
      insSample.run(
        s.id,
        o.id,
        o.number,
        o.status,
        s.number,
        s.status,
        s.receivedAt,
        s.receivedAt ?? o.submittedAt,
      );
    }
    const before = db.prepare('SELECT id, status, pending_commands, search FROM samples ORDER BY id').all();
    migrate(db, WORK_MIGRATIONS, { to: 4 });
    expect(schemaVersion(db)).toBe(4);
    expect(db.prepare('SELECT id, status, pending_commands, search FROM samples ORDER BY id').all()).toEqual(
      before,
    );
    const rows = new Map(
      (
        db.prepare('SELECT id, step, step_started_at, due_at, blocked_commands FROM samples').all() as {
          id: string;
          step: number;
          step_started_at: string;
          due_at: string;
          blocked_commands: number;
        }[]
      ).map((r) => [r.id, r]),
    );
    // In testing since 2 March 2026 (a Monday): 14 working days, due at the end (24:00 WIB) of the 14th working day.
    expect(rows.get(order.samples[0]!.id)).toEqual({
      id: order.samples[0]!.id,
      step: 14,
      step_started_at: '2026-03-02T03:00:00.000Z',
      due_at: expect.stringMatching(/^2026-03-\d\dT17:00:00\.000Z$/),
      blocked_commands: 0,
    });
    // Waiting for the Penyelia's check (step 12): 20 minutes.
    expect(rows.get(registered.samples[0]!.id)).toMatchObject({
      step: 12,
      due_at: '2026-03-02T03:20:00.000Z',
      blocked_commands: 0,
    });
    db.close();
  });

  it('refuses a file written by a newer app instead of guessing', () => {
    const db = file('w.sqlite');
    migrate(db, WORK_MIGRATIONS);
    db.pragma(`user_version = ${WORK_MIGRATIONS.length + 1}`);
    expect(() => migrate(db, WORK_MIGRATIONS)).toThrow(SchemaTooNewError);
    db.close();
  });
});

describe('outbox migrations', () => {
  /**
   * An outbox file migrated up to `version`, then holding `commands` (type, status) as seq 1, 2, …
   * and the meta rows of the client that queued them, as a desktop's file has.
   */
  const outboxAt = (version: number, commands: [type: string, status: string][]) => {
    const db = file('o.sqlite');
    migrateOutbox(db, 'o.sqlite', version);
    commands.forEach(([type, status], i) => outboxRowV1(db, i + 1, type, status));
    db.prepare(`INSERT INTO meta VALUES ('next_seq', ?), ('client_id', 'c-1')`).run(
      String(commands.length + 1),
    );
    return db;
  };

  it('001-initial: creates meta, outbox and profile', () => {
    const db = file('o.sqlite');
    migrateOutbox(db, 'o.sqlite', 1);
    expect(columns(db, 'outbox')).toEqual(
      expect.arrayContaining(['command_id', 'seq', 'status', 'base_version', 'attempts', 'next_attempt_at']),
    );
    expect(columns(db, 'profile')).toContain('verifier');
    db.close();
  });

  it('002-command-summary: every queued command keeps its data and gets a summary', () => {
    const db = outboxAt(1, [
      ['sample.accept', 'applied'],
      ['result.save', 'pending'],
      ['something.unknown', 'rejected'],
    ]);
    const before = db.prepare('SELECT command_id, seq, status, payload FROM outbox ORDER BY seq').all();
    migrateOutbox(db, 'o.sqlite', 2);
    expect(db.prepare('SELECT command_id, seq, status, payload FROM outbox ORDER BY seq').all()).toEqual(
      before,
    );
    expect(
      (db.prepare('SELECT summary FROM outbox ORDER BY seq').all() as { summary: string }[]).map(
        (r) => r.summary,
      ),
    ).toEqual(['Terima sampel / Accept sample', 'Simpan hasil / Save result', 'something.unknown']);
    db.close();
  });

  it('003-blocked-by: blocked commands stay blocked, with no dependency recorded', () => {
    const db = outboxAt(2, [
      ['result.save', 'rejected'],
      ['result.submit', 'blocked'],
    ]);
    migrateOutbox(db, 'o.sqlite', 3);
    expect(db.prepare('SELECT seq, status, blocked_by FROM outbox ORDER BY seq').all()).toEqual([
      { seq: 1, status: 'rejected', blocked_by: null },
      { seq: 2, status: 'blocked', blocked_by: null },
    ]);
    expect(db.prepare(`SELECT value FROM meta WHERE key = 'next_seq'`).get()).toEqual({ value: '3' });
    db.close();
  });

  it('004-signing: adds signed reports and the signing lockout; every command and meta row stays', () => {
    const db = outboxAt(3, [
      ['result.save', 'applied'],
      ['report.refuse', 'pending'],
    ]);
    const before = db.prepare('SELECT * FROM outbox ORDER BY seq').all();
    migrateOutbox(db, 'o.sqlite', 4);
    expect(schemaVersion(db)).toBe(4);
    expect(db.prepare('SELECT * FROM outbox ORDER BY seq').all()).toEqual(before);
    expect(db.prepare(`SELECT value FROM meta WHERE key = 'client_id'`).get()).toEqual({ value: 'c-1' });
    expect(columns(db, 'signed_reports')).toEqual(
      expect.arrayContaining([
        'command_id',
        'order_id',
        'sample_id',
        'report_id',
        'document_hash',
        'signed_hash',
        'data',
        'uploaded_at',
      ]),
    );
    expect(columns(db, 'signing_lockout')).toEqual(['key', 'failures', 'locked_until']);
    db.close();
  });

  it('a migration that would lose commands is rolled back', () => {
    const db = file('o.sqlite');
    migrateOutbox(db, 'o.sqlite');
    outboxRowV1(db, 1, 'result.save');
    const bad: Migration = {
      version: OUTBOX_MIGRATIONS.length + 1,
      name: 'bad',
      up: (d) => d.exec('DELETE FROM outbox'),
    };
    expect(() =>
      migrate(db, [...OUTBOX_MIGRATIONS, bad], {
        snapshot: (d) => (d.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n,
        check: (d, before) => {
          const n = (d.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
          if (n < (before as number)) throw new Error('would lose commands');
        },
      }),
    ).toThrow(/lose/);
    expect(schemaVersion(db)).toBe(OUTBOX_MIGRATIONS.length);
    expect((db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n).toBe(1);
    db.close();
  });

  it('a workspace opened on old files migrates both and keeps the queue', () => {
    const o = file('outbox.sqlite');
    migrateOutbox(o, 'outbox.sqlite', 1);
    outboxRowV1(o, 1, 'result.save', 'pending');
    o.close();
    const w = file('working.sqlite');
    migrate(w, WORK_MIGRATIONS, { to: 1 });
    w.close();
    const ws = Workspace.open(tmp.dir);
    expect(ws.migrated.outbox).toEqual({ from: 1, to: OUTBOX_MIGRATIONS.length });
    expect(ws.migrated.work).toEqual({ from: 1, to: WORK_MIGRATIONS.length });
    expect(ws.db.prepare('SELECT seq, status, summary FROM ob.outbox').all()).toEqual([
      { seq: 1, status: 'pending', summary: 'Simpan hasil / Save result' },
    ]);
    ws.close();
  });
});
