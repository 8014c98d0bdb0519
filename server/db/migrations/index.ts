import type { Migration, MigrationProvider } from 'kysely';
import type { DialectName } from '../dialect';
import { m0001Core } from './0001-core';
import { m0002UnitLetterhead } from './0002-unit-letterhead';
import { m0003OrderData } from './0003-order-data';
import { m0004SignedFileDocument } from './0004-signed-file-document';
import { m0005FeedXid } from './0005-feed-xid';
import { m0006ParameterDetectionLimit } from './0006-parameter-detection-limit';
import { m0007RateLimits } from './0007-rate-limits';
import { m0008Holidays } from './0008-holidays';
import { m0009Releases } from './0009-releases';
import { m0010ReportFields } from './0010-report-fields';
import { m0011ElhuLtv } from './0011-elhu-ltv';
import { m0012ElhuLtvValidity } from './0012-elhu-ltv-validity';
import { COLUMN_TYPES, runScript, type ServerMigration } from './migration';

/**
 * Every schema version of the server's database, in order, one file each (Signal-Desktop style),
 * run on start by kysely's Migrator (which takes a lock, so several server processes may start at
 * once). Add a file and a test (test/integration/server/migrations/) per new version.
 */
export const SERVER_MIGRATIONS: readonly ServerMigration[] = [
  m0001Core,
  m0002UnitLetterhead,
  m0003OrderData,
  m0004SignedFileDocument,
  m0005FeedXid,
  m0006ParameterDetectionLimit,
  m0007RateLimits,
  m0008Holidays,
  m0009Releases,
  m0010ReportFields,
  m0011ElhuLtv,
  m0012ElhuLtvValidity,
];

/** The migrations as kysely's Migrator takes them, by recorded name. Forward-only. */
export function migrations(dialect: DialectName): Record<string, Migration> {
  return Object.fromEntries(
    SERVER_MIGRATIONS.map((m) => [
      m.name,
      {
        up: (db) => runScript(db, m.sql(COLUMN_TYPES[dialect], dialect)),
        async down() {
          throw new Error('SIPPT migrations are forward-only');
        },
      } satisfies Migration,
    ]),
  );
}

export class CodeMigrationProvider implements MigrationProvider {
  constructor(private readonly dialect: DialectName) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations(this.dialect);
  }
}
