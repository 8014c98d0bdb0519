import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
} from 'kysely';
import pg from 'pg';
import { CodeMigrationProvider } from './migrations';
import type { Database, Db, Trx } from './schema';

export type DialectName = 'sqlite' | 'postgres';

export interface DbHandle {
  db: Db;
  dialect: DialectName;
  /** Where the data lives, for the startup message (file path or host/database, no password). */
  location: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://... : use PostgreSQL. Otherwise SQLite in `dataDir`. */
  databaseUrl?: string | null;
  dataDir?: string;
  /** SQLite file name inside dataDir. */
  fileName?: string;
  poolSize?: number;
  /** Run migrations (default true). */
  migrate?: boolean;
}

export async function openDatabase(options: OpenOptions = {}): Promise<DbHandle> {
  const url = options.databaseUrl ?? null;
  let handle: DbHandle;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 20, types: pgTypes });
    // An idle client losing its connection must not crash the process.
    pool.on('error', () => undefined);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const u = new URL(url);
    handle = { db, dialect: 'postgres', location: `postgres://${u.hostname}:${u.port || 5432}${u.pathname}`, close: () => db.destroy() };
  } else {
    const dir = resolve(options.dataDir ?? './data');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, options.fileName ?? 'sippt.sqlite');
    const sqlite = new BetterSqlite3(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('busy_timeout = 10000');
    sqlite.pragma('foreign_keys = ON');
    // A larger page cache and fewer, larger checkpoints (each checkpoint syncs the file).
    sqlite.pragma('cache_size = -65536');
    sqlite.pragma('wal_autocheckpoint = 8000');
    sqlite.pragma('temp_store = MEMORY');
    const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect(sqlite) });
    handle = { db, dialect: 'sqlite', location: file, close: () => db.destroy() };
  }
  if (options.migrate !== false) await migrate(handle);
  return handle;
}

export async function migrate(handle: DbHandle): Promise<void> {
  const migrator = new Migrator({ db: handle.db, provider: new CodeMigrationProvider(handle.dialect) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`Migrasi gagal / migration failed${failed ? ` (${failed.migrationName})` : ''}: ${String(error)}`, { cause: error });
  }
}

/** int8 (count(*), sums) as a JS number: the server's counts stay far below 2^53. */
const pgTypes = {
  getTypeParser(oid: number, format?: string) {
    if (oid === 20) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as unknown as pg.CustomTypesConfig;

/** Run `fn` in a transaction; retried on a unique-key race or deadlock (PostgreSQL) a few times. */
export async function inTransaction<T>(handle: DbHandle, fn: (trx: Trx) => Promise<T>, attempts = 4): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await handle.db.transaction().execute(fn);
    } catch (e) {
      if (i >= attempts || !isRetryable(e)) throw e;
    }
  }
}

export function isRetryable(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  return code === '23505' || code === '40001' || code === '40P01' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_BUSY';
}

export function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

// ------------------------------------------------------------------------------------------------
// SQLite: one connection (better-sqlite3 is synchronous), a mutex so one transaction runs at a time,
// BEGIN IMMEDIATE so a transaction holds the write lock from its start (also against another
// process on the same file), and a cache of prepared statements.

class ImmediateSqliteDialect implements Dialect {
  constructor(private readonly sqlite: BetterSqlite3.Database) {}
  createDriver(): Driver {
    return new ImmediateSqliteDriver(this.sqlite);
  }
  createQueryCompiler() {
    return new SqliteQueryCompiler();
  }
  createAdapter() {
    return new SqliteAdapter();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new SqliteIntrospector(db);
  }
}

class ImmediateSqliteDriver implements Driver {
  private readonly connection: CachedSqliteConnection;
  /** FIFO mutex: waiters are served in arrival order so latency stays fair under load. */
  private busy = false;
  private readonly waiters: (() => void)[] = [];
  constructor(private readonly sqlite: BetterSqlite3.Database) {
    this.connection = new CachedSqliteConnection(sqlite);
  }
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    if (this.busy) await new Promise<void>((resolve) => this.waiters.push(resolve));
    this.busy = true;
    return this.connection;
  }
  async releaseConnection(): Promise<void> {
    const next = this.waiters.shift();
    if (next) next(); // stays busy: handed straight to the next waiter
    else this.busy = false;
  }
  async beginTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('begin immediate'));
  }
  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('commit'));
  }
  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('rollback'));
  }
  async destroy(): Promise<void> {
    this.sqlite.close();
  }
}

class CachedSqliteConnection implements DatabaseConnection {
  private readonly cache = new Map<string, BetterSqlite3.Statement>();
  constructor(private readonly sqlite: BetterSqlite3.Database) {}

  private statement(sqlText: string): BetterSqlite3.Statement {
    let stmt = this.cache.get(sqlText);
    if (!stmt) {
      stmt = this.sqlite.prepare(sqlText);
      if (this.cache.size >= 1000) this.cache.clear();
      this.cache.set(sqlText, stmt);
    }
    return stmt;
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const stmt = this.statement(compiled.sql);
    const params = compiled.parameters as unknown[];
    if (stmt.reader) return { rows: stmt.all(...params) as R[] };
    const { changes, lastInsertRowid } = stmt.run(...params);
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not used by the SIPPT server');
  }
}
