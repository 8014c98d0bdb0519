/**
 * The desktop's SOP clock skips the unit's holiday list, as the Admin Satker keeps it on the
 * server: a holiday added inside a sample's "14 hari kerja" (step 14) moves the due time in the
 * worklist row by one working day after the next sync; reference.holidays gives the list (kept in
 * the working copy) to the screens' clock bars.
 */
import { expect, it } from 'vitest';
import { HolidayListSchema } from '../../../shared/api/calendar';
import { WorkingCalendar, localDate } from '../../../shared/calendar/working-days';
import { dueAt } from '../../../shared/sop/clock';
import type { WorklistPageView } from '../../../shared/bridge/models';
import { describeEachDialect, untilPullsSeeAll } from '../../integration/server/harness';
import { ok, USERS } from '../../integration/server/flow';
import { bridgesOnTestServer } from './on-test-server';

describeEachDialect('desktop clock and the unit holiday list', (dialect) => {
  const env = bridgesOnTestServer(dialect);

  it('a holiday the Admin Satker adds moves the due time of a sample in testing in the worklist row', async () => {
    const orderId = await env.flow.toPaid();
    await env.flow.sampleTo(orderId, 0, 'in_testing');
    const sampleId = (await env.flow.order(orderId)).samples[0]!.id;
    // Reference data (catalog, staff, holidays) on every sync here, rather than hourly.
    const d = await env.desktopAs(USERS.penyeliaKaret, {
      sync: {
        backoffBaseMs: 20,
        backoffMaxMs: 200,
        debounceMs: 5,
        pullIntervalMs: 60_000,
        referenceIntervalMs: 0,
      },
    });
    await untilPullsSeeAll(env.server.handle);
    await d.call('sync.now');
    const rowOf = async (c: typeof d) =>
      (await c.call<WorklistPageView>('worklist.page', { limit: 500 })).rows.find((r) => r.id === sampleId)!;
    const before = await rowOf(d);
    expect(before.step).toBe(14);
    expect(before.due_at).toBeTruthy();

    // A weekday inside the 14 working days that is not a holiday yet.
    const list = HolidayListSchema.parse(
      ok(await env.server.as(USERS.admin).get(`calendar/holidays`)),
    ).holidays;
    const cal = new WorkingCalendar(list);
    const day = cal.addWorkingDays(localDate(new Date(before.step_started_at!)), 3);
    expect(localDate(new Date(before.due_at!)) > day).toBe(true);
    const put = await env.server.as(USERS.admin).put('calendar/holidays', {
      holidays: [...list, { date: day, name: 'Hari jadi Kota Palembang', kind: 'libur_nasional' }],
    });
    expect(put.status).toBe(200);

    await d.call('sync.now');
    const after = await rowOf(d);
    // The shared clock's due time with the unit's list, holiday included: one working day later.
    const withHoliday = new WorkingCalendar([...list, { date: day }]);
    expect(before.due_at).toBe(dueAt(14, before.step_started_at!, cal));
    expect(after.due_at).toBe(dueAt(14, before.step_started_at!, withHoliday));
    const lastDay = (iso: string) => localDate(new Date(Date.parse(iso) - 1));
    expect(lastDay(after.due_at!)).toBe(withHoliday.addWorkingDays(lastDay(before.due_at!), 1));

    expect((await d.call<{ date: string }[]>('reference.holidays')).map((h) => h.date)).toContain(day);
  });
});
