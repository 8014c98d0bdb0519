import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect';

/**
 * One schema version of the server's database. `name` is what kysely records in kysely_migration:
 * existing databases know their versions by it, so a released name and body never change (add the
 * next version instead). The same migrations run on SQLite and PostgreSQL; `dialect` names the
 * column types that differ.
 */
export interface ServerMigration {
  name: string;
  up(db: Kysely<unknown>, dialect: DialectName): Promise<void>;
}
