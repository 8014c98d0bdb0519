import { randomBytes } from 'node:crypto';
import { closeSync, fsync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { promisify } from 'node:util';
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
import type { DialectName } from './dialect';
import { CodeMigrationProvider } from './migrations';
import type { Database, Db, Trx } from './schema';

export type { DialectName } from './dialect';

export interface DbHandle {
  db: Db;
  dialect: DialectName;
  /** Where the data lives, for the startup message (file path or host/database, no password). */
  location: string;
  /** SQLite: how commits are made durable (OpenOptions.durability); PostgreSQL: its own (synchronous_commit). */
  durability?: 'group' | 'full' | 'normal';
  /** SQLite 'group': how many WAL fsyncs the group commit made (tests, benchmark). */
  walSyncs?: () => number;
  /** SQLite: writes the history mark now (checkHistoryMark); newHistoryEpoch calls it. */
  markHistory?: () => Promise<void>;
  /** SQLite: set when opening found the database behind its history mark and started a new epoch. */
  historyRestart?: HistoryRestart;
  close(): Promise<void>;
}

/** A database found behind its history mark when opened (put back from a backup by hand). */
export interface HistoryRestart {
  previousEpoch: string;
  epoch: string;
  /** The feed position the mark recorded, and the database's. */
  markFeed: number;
  feed: number;
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
  /**
   * SQLite: how a commit is made durable before the caller is answered (issue 12: a command the
   * server acknowledged must survive a power loss).
   * - 'group' (default): WAL with synchronous = NORMAL, plus a group commit: a transaction that
   *   wrote resolves only after an fsync of the WAL that began after its commit has finished; one
   *   fsync serves every commit made meanwhile. Same guarantee as FULL, at a fraction of the cost
   *   under concurrent load.
   * - 'full': synchronous = FULL (SQLite syncs the WAL inside every commit, under the write lock).
   * - 'normal': no sync at commit: a power loss may undo acknowledged commits. For the benchmark
   *   that measures what durability costs only.
   */
  durability?: 'group' | 'full' | 'normal';
  /**
   * SQLite: how often the history mark is written while the database is open (default 30 s, or
   * SIPPT_HISTORY_MARK_SECONDS; 0: only at open, close and a new epoch). A crash skips the write at close: the mark is then at
   * most this old, and a backup of a later state put back by hand is still recognised.
   */
  historyMarkIntervalMs?: number;
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
    handle = {
      db,
      dialect: 'postgres',
      location: `postgres://${u.hostname}:${u.port || 5432}${u.pathname}`,
      close: () => db.destroy(),
    };
  } else {
    const dir = resolve(options.dataDir ?? './data');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, options.fileName ?? 'sippt.sqlite');
    const sqlite = new BetterSqlite3(file);
    sqlite.pragma('journal_mode = WAL');
    // A commit is on disk (the WAL synced) before the server answers: the answer tells a desktop its
    // command is saved and it drops it from its outbox. NORMAL alone may lose the last commits to a
    // power loss; with 'group' the driver syncs the WAL after the commit (group commit), with 'full'
    // SQLite does it inside the commit. Cost: test/bench/server.ts, figures sqlite.durability.*.
    const durability = options.durability ?? 'group';
    sqlite.pragma(`synchronous = ${durability === 'full' ? 'FULL' : 'NORMAL'}`);
    sqlite.pragma('busy_timeout = 10000');
    sqlite.pragma('foreign_keys = ON');
    // A larger page cache and fewer, larger checkpoints (each checkpoint syncs the file).
    sqlite.pragma('cache_size = -65536');
    sqlite.pragma('wal_autocheckpoint = 8000');
    sqlite.pragma('temp_store = MEMORY');
    const walSync = durability === 'group' ? new WalSync(`${file}-wal`, dir) : null;
    const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect(sqlite, walSync) });
    const mark = `${file}.history.json`;
    let marking: NodeJS.Timeout | null = null;
    let closed = false;
    // The mark is a safety net (the cursor and push checks still hold): a failed write is skipped.
    const markHistory = () =>
      closed ? Promise.resolve() : writeHistoryMark(sqliteHandle, mark).catch(() => undefined);
    const sqliteHandle: DbHandle = {
      db,
      dialect: 'sqlite',
      location: file,
      durability,
      walSyncs: () => walSync?.count ?? 0,
      markHistory,
      close: async () => {
        if (marking) clearInterval(marking);
        await markHistory();
        closed = true;
        await db.destroy().finally(() => walSync?.close());
      },
    };
    handle = sqliteHandle;
    if (options.migrate !== false) {
      await migrate(handle);
      const restart = await checkHistoryMark(handle, mark);
      if (restart) {
        sqliteHandle.historyRestart = restart;
        // Said at start, where the operator looks: every desktop will rebuild its copy once.
        console.warn(
          `SIPPT: basis data ${file} berada di belakang tanda riwayatnya (feed ${restart.feed} < ${restart.markFeed}, epoch ${restart.previousEpoch}): ` +
            `tampaknya dipulihkan dari cadangan tanpa --restore; epoch baru ${restart.epoch}, setiap desktop membangun ulang salinannya. / ` +
            `the database is behind its history mark (feed ${restart.feed} < ${restart.markFeed}, epoch ${restart.previousEpoch}): ` +
            `it looks restored from a backup without --restore; new epoch ${restart.epoch}, every desktop rebuilds its copy.`,
        );
      }
      const fromEnv = Number(process.env.SIPPT_HISTORY_MARK_SECONDS);
      const every =
        options.historyMarkIntervalMs ??
        (Number.isFinite(fromEnv) && fromEnv >= 0 && process.env.SIPPT_HISTORY_MARK_SECONDS
          ? fromEnv * 1000
          : 30_000);
      if (every > 0) {
        marking = setInterval(() => void markHistory(), every);
        marking.unref();
      }
    }
    return handle;
  }
  if (options.migrate !== false) {
    await migrate(handle);
    await historyEpoch(handle);
  }
  return handle;
}

/**
 * SQLite: next to the database, `<file>.history.json` remembers the epoch and the feed position
 * when the server last opened and closed it. A database whose feed is behind the mark of its own
 * epoch was put back from a backup (the file replaced while the server was stopped): a new epoch.
 */
async function checkHistoryMark(handle: DbHandle, mark: string): Promise<HistoryRestart | null> {
  const epoch = await historyEpoch(handle);
  const feed = await feedPosition(handle);
  let seen: { epoch?: unknown; feed?: unknown } | null = null;
  try {
    seen = JSON.parse(readFileSync(mark, 'utf8')) as { epoch?: unknown; feed?: unknown };
  } catch {
    seen = null;
  }
  let restart: HistoryRestart | null = null;
  if (seen && seen.epoch === epoch && typeof seen.feed === 'number' && seen.feed > feed) {
    restart = {
      previousEpoch: epoch,
      epoch: await newHistoryEpoch(handle, epoch),
      markFeed: seen.feed,
      feed,
    };
  }
  await writeHistoryMark(handle, mark);
  return restart;
}

async function writeHistoryMark(handle: DbHandle, mark: string): Promise<void> {
  const body = JSON.stringify({ epoch: await historyEpoch(handle), feed: await feedPosition(handle) });
  writeFileSync(`${mark}.tmp`, body);
  renameSync(`${mark}.tmp`, mark);
}

async function feedPosition(handle: DbHandle): Promise<number> {
  return (
    (await handle.db.selectFrom('counters').select('value').where('name', '=', 'feed').executeTakeFirst())
      ?.value ?? 0
  );
}

// ------------------------------------------------------------------------------------------------
// The identity of the server's history (issue 12: a restore from a backup must not strand
// desktops). Sync cursors carry it; a cursor of another epoch is refused and the desktop rebuilds
// its copy and re-sends the commands the server no longer has. It changes when the database is
// restored: `sippt --restore <backup>` / `--new-epoch`; SQLite: a database behind its history
// mark (checkHistoryMark); or when a desktop shows a cursor ahead of the feed, or pushes after
// being told of commands the server no longer has (proofs that the history went back).

const EPOCH_KEY = 'history_epoch';

/** The current epoch (made on first use: 12 hex digits). */
export async function historyEpoch(handle: DbHandle | { db: Db | Trx }): Promise<string> {
  const row = await handle.db
    .selectFrom('server_settings')
    .select('value')
    .where('key', '=', EPOCH_KEY)
    .executeTakeFirst();
  if (row) return row.value;
  await handle.db
    .insertInto('server_settings')
    .values({ key: EPOCH_KEY, value: randomBytes(6).toString('hex') })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  return (
    await handle.db
      .selectFrom('server_settings')
      .select('value')
      .where('key', '=', EPOCH_KEY)
      .executeTakeFirstOrThrow()
  ).value;
}

/** Start a new history: every desktop's cursor is refused once, and each rebuilds its copy. */
export async function newHistoryEpoch(
  handle: DbHandle | { db: Db | Trx },
  expected?: string,
): Promise<string> {
  const value = randomBytes(6).toString('hex');
  let q = handle.db.updateTable('server_settings').set({ value }).where('key', '=', EPOCH_KEY);
  // Compare-and-set: two requests proving the same restore make one new epoch, not two.
  if (expected !== undefined) q = q.where('value', '=', expected);
  await q.execute();
  // The mark follows at once (`--restore`, `--new-epoch`), not only at the next periodic write.
  if ('markHistory' in handle && handle.markHistory) await handle.markHistory();
  return historyEpoch(handle);
}

export async function migrate(handle: DbHandle): Promise<void> {
  const migrator = new Migrator({ db: handle.db, provider: new CodeMigrationProvider(handle.dialect) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(
      `Migrasi gagal / migration failed${failed ? ` (${failed.migrationName})` : ''}: ${String(error)}`,
      { cause: error },
    );
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
export async function inTransaction<T>(
  handle: DbHandle,
  fn: (trx: Trx) => Promise<T>,
  attempts = 4,
): Promise<T> {
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
  return (
    code === '23505' ||
    code === '40001' ||
    code === '40P01' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_BUSY'
  );
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
  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly walSync: WalSync | null,
  ) {}
  createDriver(): Driver {
    return new ImmediateSqliteDriver(this.sqlite, this.walSync);
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
  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly walSync: WalSync | null,
  ) {
    this.connection = new CachedSqliteConnection(sqlite);
  }
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    if (this.busy) await new Promise<void>((resolve) => this.waiters.push(resolve));
    this.busy = true;
    return this.connection;
  }
  async releaseConnection(): Promise<void> {
    // Group commit: the connection goes to the next waiter first, then the caller waits for the
    // WAL to be on disk (its transaction, or autocommit statement, wrote). Kysely resolves a
    // transaction only after this returns, so nobody is told "saved" before the data is durable.
    const wrote = this.connection.wrote && !this.sqlite.inTransaction;
    if (wrote) this.connection.wrote = false;
    const next = this.waiters.shift();
    if (next)
      next(); // stays busy: handed straight to the next waiter
    else this.busy = false;
    if (wrote && this.walSync) await this.walSync.sync();
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
  /** A statement that may have written ran since the last release. */
  wrote = false;
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
    if (!NO_WRITE.test(compiled.sql)) this.wrote = true;
    const { changes, lastInsertRowid } = stmt.run(...params);
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not used by the SIPPT server');
  }
}

/** Statements that do not write by themselves (the commit writes what the statements before it did). */
const NO_WRITE = /^\s*(begin|commit|rollback|end|savepoint|release)\b/i;

/**
 * Group commit for SQLite in WAL mode with synchronous = NORMAL: sync() resolves once an fsync of
 * the WAL file that began after the call has completed. Callers arriving while an fsync runs share
 * the next one. A commit has written its frames into the WAL (write(2)) before it returns, so the
 * fsync makes it survive a power loss; recovery replays the WAL's committed frames. The WAL file
 * is opened again when it was replaced (another inode).
 */
class WalSync {
  count = 0;
  private fd: number | null = null;
  private ino = -1;
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  constructor(
    private readonly file: string,
    private readonly dir: string,
  ) {}

  sync(): Promise<void> {
    if (this.queued) return this.queued;
    if (this.running) {
      // The fsync in flight may have begun before this caller's commit: wait for the next one.
      this.queued = this.running.then(() => {
        this.queued = null;
        return this.sync();
      });
      return this.queued;
    }
    this.running = this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(): Promise<void> {
    const st = await stat(this.file).catch(() => null);
    if (!st) return; // no WAL yet: nothing was written through it
    if (this.fd === null || st.ino !== this.ino) {
      if (this.fd !== null) closeSync(this.fd);
      this.fd = openSync(this.file, 'r');
      this.ino = st.ino;
      // A new WAL file: its directory entry must be durable too.
      const d = openSync(this.dir, 'r');
      try {
        await fsyncAsync(d);
      } finally {
        closeSync(d);
      }
    }
    await fsyncAsync(this.fd);
    this.count += 1;
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

const fsyncAsync = promisify(fsync);
