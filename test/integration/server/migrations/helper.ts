/**
 * The shared helper of the server migration tests (Signal-Desktop style, one file per version): a
 * fresh database (temp SQLite folder, or a new PostgreSQL database per test when TEST_DATABASE_URL
 * is set) migrated to the version before the one under test, so the test can put rows in it,
 * migrate one step and check what became of them. Rows are written and read with plain SQL: the
 * typed schema (server/db/schema.ts) describes the latest version, not the one under test.
 */
import { Migrator, sql, type Kysely, type RawBuilder } from 'kysely';
import { expect } from 'vitest';
import { openDatabase } from '../../../../server/db/connect';
import type { DialectName } from '../../../../server/db/dialect';
import { CodeMigrationProvider, SERVER_MIGRATIONS } from '../../../../server/db/migrations';
import { createTestDatabase } from '../harness';

export { describeEachDialect } from '../harness';

export interface MigrationDb {
  dialect: DialectName;
  db: Kysely<unknown>;
  migrator: Migrator;
  /** Runs the migration under test (only it), failing the test if it fails. */
  migrate(): Promise<void>;
  insert(table: string, row: Record<string, unknown>): Promise<void>;
  /** The first version's lab and sample type, then `parameter` (v1.parameter unless given) under them. */
  insertParameter(parameter?: Record<string, unknown>): Promise<void>;
  rows<T>(query: RawBuilder<unknown>): Promise<T[]>;
  /** The table's column names, in order. */
  columns(table: string): Promise<string[]>;
  /** The index's column names in key order, or null when there is no such index. */
  indexColumns(index: string): Promise<string[] | null>;
}

/**
 * Runs `body` on a database at the version before `name` (empty for the first version), then
 * drops the database.
 */
export async function beforeMigration(
  dialect: DialectName,
  name: string,
  body: (m: MigrationDb) => Promise<void>,
): Promise<void> {
  const at = SERVER_MIGRATIONS.findIndex((m) => m.name === name);
  if (at < 0) throw new Error(`no migration ${name}`);
  const test = await createTestDatabase(dialect);
  const handle = await openDatabase({
    ...(test.url ? { databaseUrl: test.url } : { dataDir: test.dataDir! }),
    migrate: false,
  });
  const db = handle.db as unknown as Kysely<unknown>;
  const migrator = new Migrator({ db, provider: new CodeMigrationProvider(dialect) });
  const insert = async (table: string, row: Record<string, unknown>) => {
    const keys = Object.keys(row);
    await sql`insert into ${sql.table(table)} (${sql.join(keys.map((k) => sql.ref(k)))}) values (${sql.join(
      keys.map((k) => row[k]),
    )})`.execute(db);
  };
  const migrateTo = async (target: string) => {
    const { error, results } = await migrator.migrateTo(target);
    expect(error).toBeUndefined();
    return (results ?? []).map((r) => `${r.migrationName}:${r.status}`);
  };
  try {
    if (at > 0) await migrateTo(SERVER_MIGRATIONS[at - 1]!.name);
    await body({
      dialect,
      db,
      migrator,
      async migrate() {
        expect(await migrateTo(name)).toEqual([`${name}:Success`]);
      },
      insert,
      async insertParameter(parameter = v1.parameter) {
        await insert('labs', v1.lab);
        await insert('sample_types', v1.sampleType);
        await insert('parameters', parameter);
      },
      async rows<T>(query: RawBuilder<unknown>) {
        return (await query.execute(db)).rows as T[];
      },
      async columns(table) {
        const q =
          dialect === 'postgres'
            ? sql<{
                name: string;
              }>`select column_name as name from information_schema.columns where table_schema = current_schema() and table_name = ${table} order by ordinal_position`
            : sql<{ name: string }>`select name from pragma_table_info(${table}) order by cid`;
        return (await q.execute(db)).rows.map((r) => r.name);
      },
      async indexColumns(index) {
        const q =
          dialect === 'postgres'
            ? sql<{ name: string }>`select a.attname as name from pg_class i
                join pg_index x on x.indexrelid = i.oid
                join pg_attribute a on a.attrelid = x.indrelid and a.attnum = any(x.indkey)
                where i.relname = ${index} and i.relnamespace = current_schema()::regnamespace
                order by array_position(x.indkey::int2[], a.attnum)`
            : sql<{ name: string }>`select name from pragma_index_info(${index}) order by seqno`;
        const names = (await q.execute(db)).rows.map((r) => r.name);
        return names.length > 0 ? names : null;
      },
    });
  } finally {
    await handle.close();
    await test.drop();
  }
}

// Rows of the first version's tables, as they were then (a migration test must not depend on
// columns added later). Every test that needs one of these tables starts from them.

/** The time every row of these tests was written at. */
export const AT = '2026-03-02T03:00:00.000Z';

/** A unit's letterhead columns as migration 0002 leaves them: empty, in WIB, no logo. */
export const EMPTY_LETTERHEAD = {
  short_name: '',
  parent_lines: '[]',
  city: '',
  contact_line: '',
  time_zone: 'WIB',
  logo_png: null,
};

export const v1 = {
  unit: {
    code: 'PLG',
    name: 'Balai Uji Palembang',
    address: 'Jl. Uji 1',
    accreditation: 'LP-001-IDN',
    number_formats: '{}',
    updated_at: AT,
  },
  user: {
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
  },
  lab: { id: 'lab-1', code: 'KIM', name: 'Kimia', active: 1 },
  sampleType: { id: 'st-1', lab_id: 'lab-1', name: 'Kopi Bubuk', description: 'SNI 2983', active: 1 },
  parameter: {
    id: 'par-1',
    sample_type_id: 'st-1',
    name: 'Kadar air',
    unit: '%',
    method: 'SNI 01-2891',
    requirement: 'maks 7',
    tariff: 75000,
    active: 1,
    sort: 1,
  },
  order: (id: string, seq: number) => ({
    id,
    number: `ORD/PLG/2026/${String(seq).padStart(5, '0')}`,
    customer_id: 'cust-1',
    status: 'in_lab',
    version: 3,
    unit_code: 'PLG',
    total: 150000,
    sample_count: 1,
    members: '["u-1"]',
    submitted_at: AT,
    updated_at: AT,
    updated_seq: seq,
    data: JSON.stringify({ id, samples: [{ id: `${id}-s1` }] }),
  }),
  report: (id: string, signedHash: string | null) => ({
    id,
    order_id: 'ord-1',
    sample_id: `${id}-sample`,
    number: `LHU/PLG/2026/${id}`,
    status: signedHash ? 'signed' : 'awaiting_signature',
    kepala_balai_id: 'u-kb',
    document_hash: `doc-${id}`,
    signed_hash: signedHash,
    document_file_id: null,
    signed_file_id: null,
    updated_at: AT,
  }),
  file: (id: string, data: Buffer) => ({
    id,
    kind: 'elhu_signed',
    order_id: 'ord-1',
    ref_id: 'rep-1',
    mime: 'application/pdf',
    size: data.length,
    sha256: `sha-${id}`,
    data,
    created_at: AT,
    created_by: 'u-kb',
  }),
  changeFeed: (seq: number) => ({
    seq,
    kind: 'order',
    aggregate_id: 'ord-1',
    command_id: `cmd-${seq}`,
    at: AT,
  }),
};
