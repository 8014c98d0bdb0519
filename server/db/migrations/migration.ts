import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect';

/**
 * One schema version of the server's database, written as a SQL script (Signal-Desktop style).
 * `name` is what kysely records in kysely_migration: existing databases know their versions by
 * it, so a released name and script never change (add the next version instead). The same script
 * runs on SQLite and PostgreSQL; `types` names the column types that differ between them.
 */
export interface ServerMigration {
  name: string;
  /**
   * The version's statements, in order, each ending with ';' at the end of a line (runScript).
   * Empty when the version has nothing to do on this dialect.
   */
  sql(types: ColumnTypes, dialect: DialectName): string;
}

/** The column types whose names differ between the dialects, as the scripts write them. */
export interface ColumnTypes {
  /** Bytes (a Buffer in Node). */
  blob: string;
  /** A floating-point number. */
  real: string;
  /** A 64-bit integer (epoch milliseconds, file sizes): SQLite's integer already is one. */
  bigint: string;
}

// Frozen, like runScript below: released scripts were written against these exact names, and the
// schema they made must stay the one a new database gets.
export const COLUMN_TYPES: Readonly<Record<DialectName, ColumnTypes>> = {
  sqlite: { blob: 'blob', real: 'real', bigint: 'integer' },
  postgres: { blob: 'bytea', real: 'double precision', bigint: 'bigint' },
};

/**
 * Runs a migration's script one statement at a time (the drivers take one statement per query):
 * a statement ends with ';' at the end of a line, so a ';' inside a line (a string, a comment)
 * does not end it. Frozen: every released migration runs through it.
 */
export async function runScript(db: Kysely<unknown>, script: string): Promise<void> {
  for (const statement of script.split(/;[ \t]*$/m)) {
    if (statement.trim() !== '') await sql.raw(statement.trim()).execute(db);
  }
}
