/**
 * The happy path of SOP 28/BSPJI-3: steps 2 to 22 in order (step 1 is visiting the site), for an
 * order of two samples with three parameters each, every role played by a different person.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { decide, type DomainEvent } from '../../../shared/domain/decide';
import type { Command, CommandType, PayloadInput } from '../../../shared/domain/commands';
import { AccountSchema, OrderSchema, type Account, type Order } from '../../../shared/domain/entities';
import {
  canDownloadReports,
  currentBilling,
  currentReport,
  type Actor,
  type AggregateState,
} from '../../../shared/domain/state';
import { SOP_STEPS } from '../../../shared/sop/steps';
import {
  A,
  baseVersionOf,
  CUSTOMER_ID,
  ORDER_ID,
  ORDER_TOTAL,
  S1,
  S2,
  SAMPLE_IDS,
  freshId,
  plannedAnalyst,
  registration,
  resultFor,
  twoSamples,
  uuid,
} from './fixtures';

interface Walk {
  account: Account | null;
  order: Order | null;
  events: DomainEvent[];
  /** After each SOP step: what the test saw. */
  seen: { step: number; order: string | null; samples: string[]; account: string | null }[];
}

const start = new Date('2026-03-02T01:00:00.000Z'); // Monday 08:00 WIB
let clock = start.getTime();
const tick = (minutes: number) => {
  clock += minutes * 60_000;
  return new Date(clock);
};

function walk(): Walk {
  const w: Walk = { account: null, order: null, events: [], seen: [] };
  const issue = <T extends CommandType>(
    state: AggregateState,
    actor: Actor,
    type: T,
    payload: PayloadInput<T>,
    minutes = 10,
  ) => {
    const command: Command<T> = {
      id: freshId(),
      type,
      payload,
      baseVersion: baseVersionOf(type, state, payload as never),
    };
    const d = decide(state, command as Command, actor, tick(minutes));
    if (!d.ok) throw new Error(`${type} by ${actor.role}: ${d.code} ${d.message.en}`);
    w.events.push(...d.events);
    return d.state;
  };
  const onAccount = <T extends CommandType>(actor: Actor, type: T, payload: PayloadInput<T>) => {
    w.account = issue(w.account, actor, type, payload) as Account;
  };
  const onOrder = <T extends CommandType>(
    actor: Actor,
    type: T,
    payload: PayloadInput<T>,
    minutes?: number,
  ) => {
    w.order = issue(w.order, actor, type, payload, minutes) as Order;
  };
  const eachSample = (f: (sampleId: string, i: number) => void) => SAMPLE_IDS.forEach(f);
  const sample = (id: string) => w.order!.samples.find((s) => s.id === id)!;
  const report = (id: string) => currentReport(sample(id))!;
  const saw = (step: number) =>
    w.seen.push({
      step,
      order: w.order?.status ?? null,
      samples: w.order?.samples.map((s) => s.status) ?? [],
      account: w.account?.customer.status ?? null,
    });

  const steps: Record<number, () => void> = {
    2: () => onAccount(A.pelanggan, 'account.register', registration(CUSTOMER_ID)),
    3: () => onAccount(A.adminSatker, 'account.activate', { customerId: CUSTOMER_ID }),
    4: () => onOrder(A.pelanggan, 'order.submit', { orderId: ORDER_ID, samples: twoSamples() }),
    5: () => onOrder(A.cs, 'order.validate', { orderNumber: 'ORD/BSPJI-PLG/2026/0042' }),
    6: () => onOrder(A.ketuaTim, 'tariff.approve', {}),
    7: () => onOrder(A.pelanggan, 'billing.request', {}),
    8: () =>
      onOrder(A.bendahara, 'billing.issue', {
        billingId: uuid(0x6001),
        code: '820260302000042',
        expiresAt: new Date(clock + 7 * 86_400_000).toISOString(),
      }),
    9: () =>
      onOrder(
        A.pelanggan,
        'payment.upload_proof',
        { proofId: uuid(0x6101), fileId: uuid(0x6102), ntpn: '0A1B2C3D4E5F6G7H' },
        24 * 60,
      ),
    10: () => onOrder(A.bendahara, 'payment.approve', { proofId: uuid(0x6101) }),
    11: () =>
      eachSample((sampleId, i) =>
        onOrder(A.cs, 'sample.register', {
          sampleId,
          sampleNumber: `SPL/BSPJI-PLG/2026/${100 + i}`,
          labId: A.penyelia.labId!,
          penyeliaId: A.penyelia.userId,
          mtId: A.mt.userId,
        }),
      ),
    12: () =>
      eachSample((sampleId) => {
        onOrder(A.penyelia, 'sample.accept', { sampleId, condition: 'Baik, kemasan tersegel' });
        onOrder(A.penyelia, 'sample.assign_analysts', {
          sampleId,
          assignments: sample(sampleId).analyses.map((a, i) => ({
            analysisId: a.id,
            analystId: plannedAnalyst(i).userId,
          })),
        });
      }),
    13: () => eachSample((sampleId) => onOrder(A.mt, 'assignment.validate', { sampleId })),
    14: () =>
      eachSample((sampleId) => {
        for (const [i, a] of sample(sampleId).analyses.entries()) {
          const analyst = plannedAnalyst(i);
          onOrder(analyst, 'result.save', { sampleId, analysisId: a.id, result: resultFor(a) }, 3 * 24 * 60);
          onOrder(analyst, 'result.submit', { sampleId, analysisId: a.id });
        }
      }),
    15: () => eachSample((sampleId) => onOrder(A.penyelia, 'results.verify', { sampleId })),
    16: () => eachSample((sampleId) => onOrder(A.mt, 'results.validate', { sampleId })),
    17: () =>
      eachSample((sampleId, i) =>
        onOrder(A.ketuaTim, 'report.number', {
          sampleId,
          reportId: uuid(0x7001 + i),
          reportNumber: `LHU/BSPJI-PLG/2026/${200 + i}`,
        }),
      ),
    18: () =>
      eachSample((sampleId) =>
        onOrder(A.cs, 'report.request_signature', {
          sampleId,
          reportId: report(sampleId).id,
          kepalaBalaiId: A.kepalaBalai.userId,
          documentHash: 'c'.repeat(64),
          issuedOn: '2026-03-20',
        }),
      ),
    19: () =>
      eachSample((sampleId) =>
        onOrder(A.kepalaBalai, 'report.sign', {
          sampleId,
          reportId: report(sampleId).id,
          signedHash: 'd'.repeat(64),
        }),
      ),
    20: () =>
      eachSample((sampleId) => onOrder(A.cs, 'report.release', { sampleId, reportId: report(sampleId).id })),
    21: () =>
      onOrder(A.pelanggan, 'survey.submit', {
        scores: [4, 4, 3, 4, 4, 4, 4, 3, 4],
        comment: 'Cepat dan jelas',
      }),
    22: () => onOrder(A.pelanggan, 'order.finish', {}),
  };
  for (let step = 2; step <= 22; step++) {
    steps[step]!();
    saw(step);
  }
  return w;
}

// Walked afresh for each test, not once at import: the mutation run then knows which test runs
// which code (code run at import counts for every test, and each such mutant reruns all of them).
let w: Walk;
beforeEach(() => {
  clock = start.getTime();
  w = walk();
});

const all = (s: string) => [s, s];
const EXPECTED: Record<number, { account: string; order: string | null; samples: string[] }> = {
  2: { account: 'pending_activation', order: null, samples: [] },
  3: { account: 'active', order: null, samples: [] },
  4: { account: 'active', order: 'submitted', samples: all('awaiting_registration') },
  5: { account: 'active', order: 'validated', samples: all('awaiting_registration') },
  6: { account: 'active', order: 'tariff_approved', samples: all('awaiting_registration') },
  7: { account: 'active', order: 'billing_requested', samples: all('awaiting_registration') },
  8: { account: 'active', order: 'awaiting_payment', samples: all('awaiting_registration') },
  9: { account: 'active', order: 'payment_submitted', samples: all('awaiting_registration') },
  10: { account: 'active', order: 'paid', samples: all('awaiting_registration') },
  11: { account: 'active', order: 'in_lab', samples: all('registered') },
  12: { account: 'active', order: 'in_lab', samples: all('assigned') },
  13: { account: 'active', order: 'in_lab', samples: all('in_testing') },
  14: { account: 'active', order: 'in_lab', samples: all('in_testing') },
  15: { account: 'active', order: 'in_lab', samples: all('results_verified') },
  16: { account: 'active', order: 'in_lab', samples: all('results_validated') },
  17: { account: 'active', order: 'in_lab', samples: all('report_numbered') },
  18: { account: 'active', order: 'in_lab', samples: all('awaiting_signature') },
  19: { account: 'active', order: 'in_lab', samples: all('signed') },
  20: { account: 'active', order: 'reports_released', samples: all('released') },
  21: { account: 'active', order: 'survey_completed', samples: all('released') },
  22: { account: 'active', order: 'finished', samples: all('released') },
};

describe('happy path: SOP steps 2-22', () => {
  it.each(Object.entries(EXPECTED).map(([step, e]) => [Number(step), e] as const))(
    'after step %i the statuses are right',
    (step, e) => {
      const seen = w.seen.find((s) => s.step === step)!;
      expect({ account: seen.account, order: seen.order, samples: seen.samples }).toEqual(e);
    },
  );

  it('the events carry the SOP step numbers 2..22 in order of first occurrence', () => {
    const firsts: number[] = [];
    for (const e of w.events) if (e.step !== null && !firsts.includes(e.step)) firsts.push(e.step);
    expect(firsts).toEqual(Array.from({ length: 21 }, (_, i) => i + 2));
    expect(w.events.every((e) => e.step !== null)).toBe(true); // no "no" on the happy path
    // Steps never go backwards by more than the per-sample repetition of one step.
    const steps = w.events.map((e) => e.step!);
    for (let i = 1; i < steps.length; i++) expect(steps[i]!).toBeGreaterThanOrEqual(steps[i - 1]!);
  });

  it('each event is a command of its SOP step, issued by the role the SOP names', () => {
    for (const e of w.events) {
      const step = SOP_STEPS[e.step! - 1]!;
      expect(step.commands, `${e.type} in step ${e.step}`).toContain(e.type);
      // Step 9 may also be the payment gateway; otherwise the role of the SOP table.
      if (e.type !== 'payment.confirm_auto') expect(e.role, `${e.type}`).toBe(step.actor);
    }
  });

  it('every role was played by one person, and nobody played two roles', () => {
    const byRole = new Map<string, Set<string>>();
    for (const e of w.events) byRole.set(e.role, (byRole.get(e.role) ?? new Set()).add(e.actorId));
    const people = [...byRole.values()].flatMap((s) => [...s]);
    expect(new Set(people).size).toBe(people.length);
    expect(byRole.get('analis')!.size).toBe(2);
    for (const [role, ids] of byRole) if (role !== 'analis') expect(ids.size, role).toBe(1);
    expect(byRole.size).toBe(9); // every human role of the SOP
  });

  it('ends with a finished order: paid, six validated results, two released reports, a survey', () => {
    expect(AccountSchema.parse(w.account)).toEqual(w.account);
    const o = OrderSchema.parse(w.order);
    expect(o).toMatchObject({
      status: 'finished',
      number: 'ORD/BSPJI-PLG/2026/0042',
      tariffApprovedBy: A.ketuaTim.userId,
      tariffTotal: ORDER_TOTAL,
      returns: [],
    });
    expect(o.finishedAt).not.toBeNull();
    expect(currentBilling(o)).toMatchObject({
      status: 'paid',
      amount: ORDER_TOTAL,
      ntpn: '0A1B2C3D4E5F6G7H',
    });
    expect(o.proofs).toEqual([
      expect.objectContaining({ status: 'approved', decidedBy: A.bendahara.userId }),
    ]);
    expect(o.survey?.scores).toHaveLength(9);
    expect(canDownloadReports(o)).toBe(true);
    expect(o.samples.map((s) => s.id)).toEqual([S1, S2]);
    for (const s of o.samples) {
      expect(s.analyses).toHaveLength(3);
      for (const a of s.analyses) {
        expect(a).toMatchObject({
          status: 'validated',
          verifiedBy: A.penyelia.userId,
          validatedBy: A.mt.userId,
        });
        expect([A.analis1.userId, A.analis2.userId]).toContain(a.enteredBy);
        expect(a.result).not.toBeNull();
      }
      expect(s.reports).toHaveLength(1);
      expect(s.reports[0]).toMatchObject({
        status: 'released',
        kepalaBalaiId: A.kepalaBalai.userId,
        signedHash: 'd'.repeat(64),
        replaces: null,
      });
    }
    expect(new Set(o.samples.map((s) => s.reports[0]!.number)).size).toBe(2);
  });

  it('the survey comes before the download (step 21), and the order cannot finish twice', () => {
    const before = w.seen.find((s) => s.step === 20)!;
    expect(before.order).toBe('reports_released');
    const d = decide(w.order, { id: freshId(), type: 'order.finish', payload: {} }, A.pelanggan, tick(5));
    expect(d.ok).toBe(false);
  });
});
