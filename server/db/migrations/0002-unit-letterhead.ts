import type { ServerMigration } from './migration';

/**
 * The unit's identity as the E-LHU letterhead prints it (short name, parent lines, city,
 * contact line, time zone, logo).
 */
export const m0002UnitLetterhead: ServerMigration = {
  name: '0002_unit_letterhead',
  sql: ({ blob }) => `
    alter table units add column short_name text not null default '';
    alter table units add column parent_lines text not null default '[]';
    alter table units add column city text not null default '';
    alter table units add column contact_line text not null default '';
    alter table units add column time_zone text not null default 'WIB';
    alter table units add column logo_png ${blob};
  `,
};
