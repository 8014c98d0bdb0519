/**
 * `statusSince`: the server time an order, sample or analysis entered its current status. The SOP
 * clock of the desktop's worklists starts there, so every status change must set it to the
 * command's time, and nothing else may touch it.
 */
import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES, type CommandType } from '../../../shared/domain/commands';
import { OrderSchema, type Order } from '../../../shared/domain/entities';
import { RULES } from '../../../shared/domain/permissions';
import { ROLES, type Role } from '../../../shared/sop/roles';
import {
  A,
  NOW,
  S1,
  S1A1,
  addDays,
  attempt,
  flow,
  orderAt,
  prepare,
  refuse,
  sampleAt,
  sampleOf,
  stateFor,
} from './fixtures';

type Stamped = { id: string; status: string; statusSince: string | null };
function entities(o: Order): Map<string, Stamped> {
  const all = new Map<string, Stamped>([[`order:${o.id}`, o]]);
  for (const s of o.samples) {
    all.set(`sample:${s.id}`, s);
    for (const a of s.analyses) all.set(`analysis:${a.id}`, a);
  }
  return all;
}

const cases = ROLES.flatMap((role: Role) =>
  COMMAND_TYPES.filter((t) => RULES[t].target !== 'account').flatMap((type: CommandType) =>
    ((RULES[type].from as Partial<Record<Role, readonly (string | null)[]>>)[role] ?? []).map(
      (status) => [type, role, status] as const,
    ),
  ),
);

describe('statusSince', () => {
  it('order.submit stamps the order, its samples and analyses with the submission time', () => {
    const o = flow.submit();
    expect(o.statusSince).toBe(NOW.toISOString());
    for (const s of o.samples) {
      expect(s.statusSince).toBe(NOW.toISOString());
      for (const a of s.analyses) expect(a.statusSince).toBe(NOW.toISOString());
    }
  });

  it.each(cases)(
    '%s by %s from %s: what changed status is stamped with the command time, the rest is untouched',
    (type, role, status) => {
      const before = stateFor(type, status) as Order | null;
      const prepared = prepare(type, before, undefined, role);
      // A moment unlike any the fixtures used, so a stamp cannot match by accident.
      const now = new Date(Math.max(prepared.now.getTime(), NOW.getTime()) + 37 * 60_000 + 123);
      const d = attempt(before, prepared.actor, type, prepared.payload, { now });
      if (!d.ok) expect.fail(`${type}: ${d.code} ${d.message.en}`);
      const after = entities(d.state as Order);
      const old = before ? entities(before) : new Map<string, Stamped>();
      let changed = 0;
      for (const [key, e] of after) {
        const was = old.get(key);
        if (!was || was.status !== e.status) {
          changed += 1;
          expect(e.statusSince, `${key} ${was?.status ?? 'new'} -> ${e.status}`).toBe(now.toISOString());
        } else if (
          type === 'order.resubmit' ||
          d.events.some((ev) => `${ev.entity}:${ev.entityId}` === key)
        ) {
          // Entered the same status again (a re-issued e-billing, a corrected order's samples): a new wait.
          expect([was.statusSince, now.toISOString()], key).toContain(e.statusSince);
        } else {
          expect(e.statusSince, key).toBe(was.statusSince);
        }
      }
      if (RULES[type].to !== (status ?? undefined)) expect(changed).toBeGreaterThan(0);
    },
  );

  it('a rejected command changes nothing, its time included', () => {
    const o = sampleAt('assigned');
    const since = sampleOf(o, S1).statusSince;
    const later = addDays(NOW, 3);
    // The Penyelia may not validate the assignment; the state the caller holds is left as it was.
    refuse(o, A.penyelia, 'assignment.validate', { sampleId: S1 }, { now: later });
    expect(sampleOf(o, S1).statusSince).toBe(since);
    expect(o.statusSince).not.toBe(later.toISOString());
  });

  it('a re-issued e-billing restarts the wait for payment', () => {
    const o = stateFor('billing.reissue', 'awaiting_payment') as Order;
    const p = prepare('billing.reissue', o);
    const d = attempt(o, p.actor, 'billing.reissue', p.payload, { now: p.now });
    if (!d.ok) expect.fail(d.message.en);
    expect((d.state as Order).statusSince).toBe(p.now.toISOString());
  });

  it('saving a draft again keeps the time the analysis became a draft', () => {
    const o = stateFor('result.save', 'draft') as Order;
    const draftSince = sampleOf(o, S1).analyses.find((a) => a.id === S1A1)!.statusSince;
    const p = prepare('result.save', o);
    const d = attempt(o, p.actor, 'result.save', p.payload, { now: addDays(NOW, 1) });
    if (!d.ok) expect.fail(d.message.en);
    expect(sampleOf(d.state as Order, S1).analyses.find((a) => a.id === S1A1)!.statusSince).toBe(draftSince);
  });

  it('orders stored before statusSince existed still parse, with null', () => {
    const stored = structuredClone(orderAt('in_lab')) as Record<string, unknown> & Order;
    delete (stored as Partial<Order>).statusSince;
    for (const s of stored.samples) {
      delete (s as { statusSince?: string | null }).statusSince;
      for (const a of s.analyses) delete (a as { statusSince?: string | null }).statusSince;
    }
    const parsed = OrderSchema.parse(stored);
    expect(parsed.statusSince).toBeNull();
    expect(parsed.samples[0]!.statusSince).toBeNull();
    expect(parsed.samples[0]!.analyses[0]!.statusSince).toBeNull();
  });
});
