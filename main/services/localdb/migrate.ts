/**
 * Schema migrations, Signal-Desktop style: one file per schema version, each a function run in its
 * own transaction that also sets `PRAGMA user_version`. Every migration has a test that migrates a
 * database of the previous version holding data. A file written by a newer app is refused rather
 * than guessed at.
 */
import type { SqliteDb } from './sqlite';

export interface Migration {
  version: number;
  name: string;
  up(db: SqliteDb): void;
}

export class SchemaTooNewError extends Error {
  constructor(
    readonly file: string,
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `Berkas ${file} dibuat oleh versi aplikasi yang lebih baru (skema ${found}, aplikasi ini ${known}). Perbarui aplikasi. / ` +
        `${file} was written by a newer app (schema ${found}, this app knows ${known}). Update the app.`,
    );
  }
}

export function schemaVersion(db: SqliteDb): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export interface MigrateOptions {
  /** Up to which version (tests migrate step by step); default: the newest. */
  to?: number;
  /** Called inside each migration's transaction after `up`: throw to roll the step back. */
  check?: (db: SqliteDb, before: unknown) => void;
  /** Captured inside the transaction before `up`, passed to `check`. */
  snapshot?: (db: SqliteDb) => unknown;
  file?: string;
}

export function migrate(
  db: SqliteDb,
  migrations: readonly Migration[],
  options: MigrateOptions = {},
): { from: number; to: number } {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  sorted.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`migration versions must be 1..n without gaps (found ${m.version} at ${i + 1})`);
  });
  const latest = sorted.length;
  const target = options.to ?? latest;
  const from = schemaVersion(db);
  if (from > latest) throw new SchemaTooNewError(options.file ?? db.name, from, latest);
  for (const m of sorted) {
    if (m.version <= from || m.version > target) continue;
    db.transaction(() => {
      const before = options.snapshot?.(db);
      m.up(db);
      options.check?.(db, before);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return { from, to: Math.max(from, target) };
}
