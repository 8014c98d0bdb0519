/**
 * better-sqlite3 with kysely as the typed query builder. Queries are built with kysely (so table
 * and column names are checked by TypeScript) and run synchronously on better-sqlite3 through
 * cached prepared statements: a local action or a pull is then one synchronous SQLite transaction
 * that nothing else in the process can interleave with.
 */
import Database from 'better-sqlite3';
import {
  DummyDriver,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type Compilable,
  type CompiledQuery,
} from 'kysely';

export type SqliteDb = Database.Database;

/** A Kysely instance that only compiles queries; execution goes through `Sql`. */
export function queryBuilder<DB>(): Kysely<DB> {
  return new Kysely<DB>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  });
}

export interface OpenOptions {
  readonly?: boolean;
  /** FULL for data that must survive a power cut (the outbox); NORMAL is enough for rebuildable data. */
  synchronous?: 'NORMAL' | 'FULL';
}

/** Open a database file in WAL mode with the pragmas every local file uses. */
export function openSqlite(file: string, options: OpenOptions = {}): SqliteDb {
  // In Electron the shell points the engine at better-sqlite3 built for Electron's ABI
  // (npm run electron:native); node_modules keeps the Node build that tests and the server use.
  const nativeBinding = process.env.SIPPT_SQLITE_BINDING;
  const db = new Database(file, {
    readonly: options.readonly ?? false,
    fileMustExist: false,
    timeout: 5000,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  try {
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
    }
    db.pragma('foreign_keys = ON');
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/** Run `PRAGMA quick_check`; returns null when the file is sound, else what SQLite reported. */
export function quickCheck(db: SqliteDb, schema = 'main'): string | null {
  const rows = db.prepare(`PRAGMA ${schema}.quick_check`).all() as { quick_check: string }[];
  const lines = rows.map((r) => Object.values(r)[0] as string);
  return lines.length === 1 && lines[0] === 'ok' ? null : lines.slice(0, 5).join('; ');
}

type RowOf<Q> = Q extends Compilable<infer R> ? R : never;

/** Executes kysely-built queries synchronously with a statement cache. */
export class Sql<DB> {
  readonly q: Kysely<DB>;
  private readonly cache = new Map<string, Database.Statement>();

  constructor(readonly db: SqliteDb) {
    this.q = queryBuilder<DB>();
  }

  private stmt(c: CompiledQuery): Database.Statement {
    let s = this.cache.get(c.sql);
    if (!s) {
      s = this.db.prepare(c.sql);
      this.cache.set(c.sql, s);
    }
    return s;
  }

  all<Q extends Compilable<unknown>>(query: Q): RowOf<Q>[] {
    const c = query.compile();
    return this.stmt(c).all(...(c.parameters as unknown[])) as RowOf<Q>[];
  }

  get<Q extends Compilable<unknown>>(query: Q): RowOf<Q> | undefined {
    const c = query.compile();
    return this.stmt(c).get(...(c.parameters as unknown[])) as RowOf<Q> | undefined;
  }

  run(query: Compilable<unknown>): Database.RunResult {
    const c = query.compile();
    return this.stmt(c).run(...(c.parameters as unknown[]));
  }

  /** A prepared statement for a hot loop (bulk writes in a pull). */
  prepare(query: Compilable<unknown>): (params: readonly unknown[]) => Database.RunResult {
    const s = this.stmt(query.compile());
    return (params) => s.run(...(params as unknown[]));
  }

  /** Run `fn` in one IMMEDIATE transaction (nested calls become savepoints). */
  tx<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }
}
