/**
 * Property test: random sequences of commands by random actors on an order of two samples. Whatever
 * happens, every state stays inside the machines (OrderSchema parses it), nobody verifies or
 * validates a result they entered (or verified), the input state is never changed, and every refusal
 * has a known code and a message in both languages.
 *
 * The steps are generated as numbers and read against the current state when they run: most of the
 * time a step picks one of the commands RULES allows in that state (progress more often than
 * returns) and the person whose work it is, so that runs reach deep states; the rest of the time it
 * is any command by anyone (any role, assigned and unassigned staff, other customers).
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMAND_TYPES, aggregateOf, type CommandType } from '../../../shared/domain/commands';
import type { Decision } from '../../../shared/domain/decide';
import { AccountSchema, OrderSchema, type Order } from '../../../shared/domain/entities';
import { RULES } from '../../../shared/domain/permissions';
import { REJECTION_CODES } from '../../../shared/domain/rejections';
import { currentReport, type Actor } from '../../../shared/domain/state';
import { ROLES, type Role } from '../../../shared/sop/roles';
import {
  A,
  CUSTOMER_ID,
  LAB_KIMIA,
  LAB_LAIN,
  NOW,
  OTHER_CUSTOMER_ID,
  actorFor,
  attempt,
  baseVersionOf,
  deepFreeze,
  freshId,
  prepare,
  type Selection,
} from './fixtures';
import { orderStatesBefore } from './sop-order';

/** 300 by default; DOMAIN_PROPERTY_RUNS=5000 for a longer hunt. */
const RUNS = Number(process.env.DOMAIN_PROPERTY_RUNS ?? 300);
const MAX_STEPS = 60;

const STAFF_IDS = Object.values(A).map((a) => a.userId);
const PRE_LAB: readonly string[] = [...orderStatesBefore('in_lab'), 'cancelled'];
const AFTER_RELEASE: readonly string[] = ['reports_released', 'survey_completed', 'finished'];

interface Step {
  plausible: number; // < 90: a command allowed in the current state
  pick: number; // which command (weighted) or which command type
  owner: number; // < 90: the person whose work it is
  who: number; // the random actor otherwise
  variant: number; // payload variations
  minutes: number; // how far the clock moves before the step
}
// Small ranges keep shrinking quick: a failing run is replayed for every candidate it tries.
const stepArb: fc.Arbitrary<Step> = fc.record({
  plausible: fc.nat({ max: 99 }),
  pick: fc.nat({ max: 0xfff }),
  owner: fc.nat({ max: 99 }),
  who: fc.nat({ max: 0xffff }),
  variant: fc.nat({ max: 0xffff }),
  minutes: fc.oneof(
    { weight: 9, arbitrary: fc.nat({ max: 180 }) },
    { weight: 1, arbitrary: fc.integer({ min: 1440, max: 6 * 1440 }) },
  ),
});

interface Candidate {
  type: CommandType;
  sel: Selection;
}

/** The commands RULES allows in this state, on the order, each sample and each analysis. */
function candidates(order: Order | null): Candidate[] {
  const none: Selection = { sampleId: freshId(), analysisId: freshId() };
  if (order === null) return [{ type: 'order.submit', sel: none }];
  const allowed = (type: CommandType, status: string) =>
    Object.values(RULES[type].from).some((states) => (states as readonly (string | null)[]).includes(status));
  const out: Candidate[] = [];
  for (const type of COMMAND_TYPES) {
    const rule = RULES[type];
    if (rule.orderIn && !rule.orderIn.includes(order.status)) continue;
    if (rule.target === 'order' && allowed(type, order.status)) out.push({ type, sel: none });
    for (const s of order.samples) {
      if (rule.target === 'sample' && allowed(type, s.status))
        out.push({ type, sel: { sampleId: s.id, analysisId: none.analysisId } });
      if (rule.target === 'analysis' && (!rule.sampleIn || rule.sampleIn.includes(s.status))) {
        for (const a of s.analyses)
          if (allowed(type, a.status)) out.push({ type, sel: { sampleId: s.id, analysisId: a.id } });
      }
    }
  }
  return out;
}

/**
 * How likely a candidate is picked: progress far more often than a return, and a cancellation (which
 * ends the run) rarely; commands whose extra conditions are not met yet are kept, but seldom.
 */
function weight(c: Candidate, order: Order | null, now: Date): number {
  if (c.type === 'order.cancel') return 1;
  if (RULES[c.type].isReturn) return 3;
  const s = order?.samples.find((x) => x.id === c.sel.sampleId);
  switch (c.type) {
    case 'results.verify':
      return s!.analyses.every((a) => a.status === 'submitted' || a.status === 'retest') ? 20 : 1;
    case 'result.save':
      return s!.analyses.find((a) => a.id === c.sel.analysisId)!.status === 'draft' ? 2 : 20;
    case 'billing.reissue': {
      const b = order!.billings.find((x) => x.status === 'issued');
      return b && Date.parse(b.expiresAt) <= now.getTime() ? 20 : 1;
    }
    default:
      return 20;
  }
}
function weighted(list: Candidate[], order: Order | null, now: Date, n: number): Candidate {
  const weights = list.map((c) => weight(c, order, now));
  let x = n % weights.reduce((t, w) => t + w, 0);
  for (const [i, c] of list.entries()) {
    x -= weights[i]!;
    if (x < 0) return c;
  }
  return list[0]!;
}

const choose = <T>(list: readonly T[], n: number): T => list[n % list.length]!;

function randomActor(type: CommandType, n: number): Actor {
  // Half the time someone of a role that may issue the command (but maybe not the assigned one).
  const roles = Object.keys(RULES[type].from) as Role[];
  const role = n % 2 === 0 ? choose(roles, n >>> 1) : choose(ROLES, n >>> 1);
  return {
    userId: choose(STAFF_IDS, n >>> 4),
    role,
    labId: choose([LAB_KIMIA, LAB_KIMIA, LAB_LAIN, null], n >>> 9),
    customerId: choose([CUSTOMER_ID, CUSTOMER_ID, OTHER_CUSTOMER_ID, null], n >>> 12),
  };
}

/** Make the prepared payload a little different now and then: other people, other numbers, bad data. */
function vary(
  type: CommandType,
  payload: Record<string, unknown>,
  order: Order | null,
  sel: Selection,
  v: number,
): Record<string, unknown> {
  const p = { ...payload };
  const roll = v % 100;
  const staff = (k: number) => choose(STAFF_IDS, (v >>> k) + 1);
  if (roll < 3 && 'reason' in p) p.reason = 'abc';
  else if (roll < 5) return {};
  switch (type) {
    case 'sample.register':
      if (roll >= 70) p.penyeliaId = staff(7);
      if (roll >= 85) p.mtId = staff(13);
      break;
    case 'sample.assign_analysts':
      if (roll >= 70)
        p.assignments = (p.assignments as { analysisId: string }[]).map((a, i) => ({
          analysisId: a.analysisId,
          analystId: staff(7 + i * 3),
        }));
      break;
    case 'analysis.request_retest':
      if (roll >= 60) p.analystId = staff(7);
      break;
    case 'report.request_signature':
      if (roll >= 70) p.kepalaBalaiId = A.kepalaBalaiLain.userId;
      break;
    case 'report.amend': {
      const s = order?.samples.find((x) => x.id === sel.sampleId);
      const r = s && currentReport(s);
      if (roll >= 85 && r) p.newReportNumber = r.number;
      break;
    }
  }
  return p;
}

const stats = { runs: 0, steps: 0, accepted: 0, sampleReleased: 0, amended: 0, retested: 0 };

function checkAccepted(
  prev: Order | null,
  type: CommandType,
  payload: Record<string, unknown>,
  d: Decision & { ok: true },
): Order {
  const parsed = OrderSchema.safeParse(d.state);
  if (!parsed.success) throw new Error(`${type} left a state outside the machines: ${parsed.error.message}`);
  const o = d.state as Order;
  expect(o.version).toBe(prev === null ? 1 : prev.version + 1);
  expect(d.events.length).toBeGreaterThan(0);
  for (const e of d.events) expect(e.step).toBe(RULES[type].step);

  // Separation of duties, on every analysis ever kept.
  for (const s of o.samples) {
    for (const a of s.analyses) {
      if (a.status === 'verified' || a.status === 'validated') expect(a.verifiedBy).not.toBeNull();
      if (a.status === 'validated') expect(a.validatedBy).not.toBeNull();
      if (a.verifiedBy !== null) {
        expect(a.verifiedBy, 'verified by whoever entered it').not.toBe(a.enteredBy);
        expect(a.verifiedBy, 'verified by its analyst').not.toBe(a.analystId);
      }
      if (a.validatedBy !== null) {
        expect(a.validatedBy, 'validated by whoever entered it').not.toBe(a.enteredBy);
        expect(a.validatedBy, 'validated by whoever verified it').not.toBe(a.verifiedBy);
      }
      if (a.enteredBy !== null) expect(a.enteredBy).toBe(a.analystId);
      if (a.analystId !== null) {
        expect(a.analystId).not.toBe(s.penyeliaId);
        expect(a.analystId).not.toBe(s.mtId);
      }
      if (a.status === 'retest') expect(s.analyses.some((b) => b.retestOf === a.id)).toBe(true);
    }
    if (s.penyeliaId !== null) expect(s.penyeliaId).not.toBe(s.mtId);
    // Reports: at most one in play; each superseded one names its successor, which names it back.
    expect(s.reports.filter((r) => r.status !== 'superseded').length).toBeLessThanOrEqual(1);
    for (const r of s.reports.filter((x) => x.status === 'superseded')) {
      const next = s.reports.find((x) => x.id === r.supersededBy);
      expect(next?.replaces).toBe(r.id);
      expect(next?.number).not.toBe(r.number);
    }
    if (s.status === 'released') stats.sampleReleased++;
  }

  // The order follows its samples.
  const touched = o.samples.some((s) => s.status !== 'awaiting_registration');
  if (PRE_LAB.includes(o.status)) expect(touched).toBe(false);
  if (touched) expect(['in_lab', ...AFTER_RELEASE]).toContain(o.status);
  if (AFTER_RELEASE.includes(o.status))
    for (const s of o.samples) expect(s.reports.some((r) => r.releasedAt !== null)).toBe(true);

  // Returns are only ever added, each with its reason.
  if (prev !== null) expect(o.returns.slice(0, prev.returns.length)).toEqual(prev.returns);
  for (const n of o.returns) expect(n.reason.trim().length).toBeGreaterThanOrEqual(5);
  const added = o.returns.length - (prev?.returns.length ?? 0);
  if (RULES[type].isReturn) {
    expect(added).toBe(1);
    expect(o.returns.at(-1)!.reason).toBe(String(payload.reason).trim());
  } else {
    expect(added).toBe(0);
  }
  if (type === 'report.amend') stats.amended++;
  if (type === 'analysis.request_retest') stats.retested++;
  return o;
}

function checkRefused(d: Decision & { ok: false }) {
  expect(REJECTION_CODES).toContain(d.code);
  expect(typeof d.message.id).toBe('string');
  expect(typeof d.message.en).toBe('string');
  expect(d.message.id.trim()).not.toBe('');
  expect(d.message.en.trim()).not.toBe('');
}

function play(steps: Step[]): void {
  stats.runs++;
  let order: Order | null = null;
  let clock = NOW.getTime();
  let released = false;
  let finished = false;
  for (const step of steps) {
    clock += step.minutes * 60_000;
    const now = new Date(clock);
    let type: CommandType;
    let sel: Selection;
    const list = candidates(order);
    if (step.plausible < 90 && list.length > 0) {
      ({ type, sel } = weighted(list, order, now, step.pick));
    } else {
      type = choose(COMMAND_TYPES, step.pick);
      const s = order ? choose(order.samples, step.pick >>> 6) : undefined;
      sel = {
        sampleId: s?.id ?? freshId(),
        analysisId: s ? choose(s.analyses, step.pick >>> 9).id : freshId(),
      };
    }
    const prepared = prepare(type, order, sel, undefined, now);
    const actor = step.owner < 90 ? actorFor(type, order, sel) : randomActor(type, step.who);
    const payload = vary(type, prepared.payload, order, sel, step.variant);
    // A client sends the version it saw; now and then one that is out of date.
    const seen = baseVersionOf(type, order, payload);
    const baseVersion =
      step.variant % 29 === 0 && seen !== null ? seen + 1 : step.variant % 3 === 0 ? null : seen;

    const input: Order | null = order;
    const snapshot = JSON.stringify(input);
    const d = attempt(input, actor, type, payload, {
      now: prepared.now > now ? prepared.now : now,
      baseVersion,
    });
    expect(JSON.stringify(input)).toBe(snapshot); // the input state is never changed (it is also frozen)
    stats.steps++;
    if (d.ok && aggregateOf(type) === 'account') {
      // A customer registering an account where no order exists yet: valid, but another aggregate.
      expect(AccountSchema.safeParse(d.state).success).toBe(true);
      expect(input).toBeNull();
    } else if (d.ok) {
      stats.accepted++;
      order = deepFreeze(checkAccepted(input, type, payload, d));
      if (prepared.now > now) clock = prepared.now.getTime();
      if (order.samples.some((s) => s.status === 'released')) released = true;
      if (order.status === 'finished') finished = true;
    } else {
      checkRefused(d);
    }
  }
  if (released) reachedReleased++;
  if (finished) reachedFinished++;
}

let reachedReleased = 0;
let reachedFinished = 0;

describe('property: random command sequences on an order of two samples', () => {
  it(
    `keeps every invariant (${RUNS} runs, up to ${MAX_STEPS} commands)`,
    () => {
      fc.assert(
        // Mostly long sequences (deep states need about 40 accepted commands), some short ones.
        fc.property(
          fc.oneof(
            { weight: 1, arbitrary: fc.array(stepArb, { minLength: 1, maxLength: MAX_STEPS, size: 'max' }) },
            {
              weight: 3,
              arbitrary: fc.array(stepArb, { minLength: MAX_STEPS - 10, maxLength: MAX_STEPS, size: 'max' }),
            },
          ),
          (steps) => {
            play(steps);
          },
        ),
        // Shrinking a 60-command run can take long: stop it after a while and report the smallest
        // counterexample found so far (with the seed to replay it).
        {
          numRuns: RUNS,
          plugins: [fc.interruptAfterTimeLimit(Math.max(150_000, RUNS * 40), { failOnInterrupt: true })],
        },
      );
      // The generator must reach deep states, or the invariants above prove little: about one run in
      // five releases a report (counted here, so that a change that makes them unreachable shows).
      expect(stats.runs).toBeGreaterThanOrEqual(RUNS);
      expect(reachedReleased).toBeGreaterThanOrEqual(RUNS / 30);
    },
    Math.max(170_000, RUNS * 50),
  );

  afterAll(() => {
    if (process.env.DOMAIN_PROPERTY_STATS) console.log({ ...stats, reachedReleased, reachedFinished });
  });
});
