import { sql } from 'kysely';
import { NATIONAL_HOLIDAYS } from '../../../shared/calendar/holidays';
import type { ServerMigration } from './migration';

/**
 * The unit's holiday list (GET/PUT /calendar/holidays): the working-day clock of step 14 and the
 * SOP performance report skip these dates. Starts as the national list known at this release;
 * from then on the Admin Satker keeps it.
 */
export const m0008Holidays: ServerMigration = {
  name: '0008_holidays',
  async up(db) {
    await db.schema
      .createTable('holidays')
      .addColumn('date', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .execute();
    for (const h of NATIONAL_HOLIDAYS)
      await sql`insert into holidays (date, name, kind) values (${h.date}, ${h.name}, ${h.kind})`.execute(db);
  },
};
