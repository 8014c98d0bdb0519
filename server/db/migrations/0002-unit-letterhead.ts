import type { ServerMigration } from './migration';

/**
 * The unit's identity as the E-LHU letterhead prints it (short name, parent lines, city,
 * contact line, time zone, logo).
 */
export const m0002UnitLetterhead: ServerMigration = {
  name: '0002_unit_letterhead',
  async up(db, dialect) {
    const blob = dialect === 'postgres' ? 'bytea' : 'blob';
    await db.schema
      .alterTable('units')
      .addColumn('short_name', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema
      .alterTable('units')
      .addColumn('parent_lines', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();
    await db.schema
      .alterTable('units')
      .addColumn('city', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema
      .alterTable('units')
      .addColumn('contact_line', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema
      .alterTable('units')
      .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('WIB'))
      .execute();
    await db.schema.alterTable('units').addColumn('logo_png', blob).execute();
  },
};
