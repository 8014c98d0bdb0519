import { HolidayListSchema, PutHolidaysRequestSchema } from '../../../shared/api/calendar';
import { API_PREFIX } from '../../../shared/api/http';
import { applyAdminOperation } from '../../commands/admin';
import { readHolidays, writeHolidays } from '../../calendar/holidays';
import { commandIdOf, httpClientId, type AppContext } from '../context';
import { rejectionError } from '../errors';

/**
 * The unit's holiday list: every signed-in user reads it (clocks need it), the Admin Satker
 * replaces it. A change is an administrative operation: one transaction, idempotent, audited with
 * what was added and removed.
 */
export function calendarRoutes(app: AppContext): void {
  const { router, env } = app;
  const db = env.handle.db;

  router.add({
    method: 'GET',
    url: `${API_PREFIX}/calendar/holidays`,
    summary:
      'Daftar hari libur unit (jam kerja SOP melewatinya) / the unit’s holiday list (the working-day clock skips it)',
    tags: ['catalog'],
    access: 'user',
    response: HolidayListSchema,
    handler: async () => ({ holidays: await readHolidays(db) }),
  });

  router.add({
    method: 'PUT',
    url: `${API_PREFIX}/calendar/holidays`,
    summary: 'Admin Satker mengganti daftar hari libur / replace the holiday list',
    tags: ['catalog'],
    access: ['admin_satker'],
    body: PutHolidaysRequestSchema,
    response: HolidayListSchema,
    handler: async ({ req, body, auth }) => {
      const holidays = [...body.holidays].sort((a, b) => a.date.localeCompare(b.date));
      const r = await applyAdminOperation(env, {
        clientId: httpClientId(auth),
        commandId: commandIdOf(req),
        type: 'calendar.holidays',
        actor: auth.actor,
        entity: 'calendar',
        entityId: 'holidays',
        run: async (trx) => {
          const before = await readHolidays(trx);
          await writeHolidays(trx, holidays);
          const had = new Set(before.map((h) => h.date));
          const has = new Set(holidays.map((h) => h.date));
          return {
            before: { removed: before.filter((h) => !has.has(h.date)) },
            after: { added: holidays.filter((h) => !had.has(h.date)), count: holidays.length },
          };
        },
      });
      if (r.outcome.status === 'rejected') throw rejectionError(r.outcome);
      return { holidays: await readHolidays(db) };
    },
  });
}
