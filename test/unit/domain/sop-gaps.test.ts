/**
 * Behaviours of the domain core that no test pinned down before (issue 13, "Test strength"), each
 * named by the rule it checks and driven through `decide` as the server and the desktop call it.
 */
import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../../shared/domain/decide';
import type { Account, Order } from '../../../shared/domain/entities';
import { currentBilling, currentReport } from '../../../shared/domain/state';
import {
  A,
  AFTER_EXPIRY,
  CATALOG,
  CUSTOMER_ID,
  LAB_KIMIA,
  LAB_LAIN,
  NOW,
  NTPN,
  ORDER_ID,
  OTHER_CUSTOMER_ID,
  REASON,
  S1,
  S1A1,
  S2,
  accountAt,
  actorAs,
  addDays,
  analysisAt,
  analysisOf,
  attempt,
  driveSample,
  flow,
  freshBillingCode,
  freshId,
  freshNumber,
  orderAt,
  orderedSample,
  refuse,
  registration,
  runOrder,
  sampleAt,
  sampleOf,
  uuid,
} from './fixtures';
import type { Actor, AggregateState } from '../../../shared/domain/state';

/** One accepted command: the new state and the events it recorded. */
function step(
  state: AggregateState,
  actor: Actor,
  type: string,
  payload: unknown,
  now: Date = NOW,
): { state: Order | Account; events: DomainEvent[] } {
  const d = attempt(state, actor, type, payload, { now });
  if (!d.ok) throw new Error(`${type} refused: ${d.message.en}`);
  return { state: d.state, events: d.events };
}
const currentReportId = (o: Order, sampleId: string) => currentReport(sampleOf(o, sampleId))!.id;

describe('events carry their order and sample ids (the audit trail and the SLA read them)', () => {
  it('order commands name the order and no sample', () => {
    const { events } = step(orderAt('submitted'), A.cs, 'order.validate', {
      orderNumber: freshNumber('ORD/PLG/2026'),
    });
    expect(events).toEqual([
      expect.objectContaining({
        entity: 'order',
        entityId: ORDER_ID,
        orderId: ORDER_ID,
        sampleId: null,
        from: 'submitted',
        to: 'validated',
        step: 5,
      }),
    ]);
  });

  it('a new order names itself', () => {
    const { events } = step(null, A.pelanggan, 'order.submit', {
      orderId: uuid(0x4999),
      samples: [orderedSample(uuid(0x5999), CATALOG.amdk, [], 'AMDK 600 mL, satu botol')],
    });
    expect(events).toEqual([
      expect.objectContaining({ entity: 'order', orderId: uuid(0x4999), sampleId: null, to: 'submitted' }),
    ]);
  });

  it('registering the first sample: the sample event and the order moving into the lab both name that sample', () => {
    const { events } = step(orderAt('paid'), A.cs, 'sample.register', {
      sampleId: S2,
      sampleNumber: freshNumber('SPL/PLG/2026'),
      labId: LAB_KIMIA,
      penyeliaId: A.penyelia.userId,
      mtId: A.mt.userId,
    });
    expect(events.map((e) => [e.entity, e.entityId, e.orderId, e.sampleId, e.to])).toEqual([
      ['sample', S2, ORDER_ID, S2, 'registered'],
      ['order', ORDER_ID, ORDER_ID, S2, 'in_lab'],
    ]);
  });

  it('result and report events name the sample they belong to', () => {
    const saved = step(analysisAt('pending'), A.analis1, 'result.save', {
      sampleId: S1,
      analysisId: S1A1,
      result: { value: '7.1', numeric: 7.1, unit: '-' },
    });
    expect(saved.events).toEqual([
      expect.objectContaining({ entity: 'analysis', entityId: S1A1, orderId: ORDER_ID, sampleId: S1 }),
    ]);
    const numbered = step(sampleAt('results_validated'), A.ketuaTim, 'report.number', {
      sampleId: S1,
      reportId: uuid(0x7001),
      reportNumber: freshNumber('LHU/PLG'),
    });
    expect(numbered.events.map((e) => [e.entity, e.orderId, e.sampleId])).toEqual([
      ['report', ORDER_ID, S1],
      ['sample', ORDER_ID, S1],
    ]);
  });

  it('payment events name the order, no sample', () => {
    const o = orderAt('payment_submitted');
    const { events } = step(o, A.bendahara, 'payment.approve', { proofId: o.proofs[0]!.id });
    expect(events.map((e) => [e.entity, e.orderId, e.sampleId])).toEqual([
      ['proof', ORDER_ID, null],
      ['billing', ORDER_ID, null],
      ['order', ORDER_ID, null],
    ]);
  });

  it('account events name no order', () => {
    const { events } = step(null, A.pelanggan, 'account.register', registration());
    expect(events).toEqual([
      expect.objectContaining({ entity: 'account', entityId: CUSTOMER_ID, orderId: null, sampleId: null }),
    ]);
  });
});

describe('payment.approve, payment.reject and payment.confirm_auto act only on the named proof and its own billing', () => {
  /** Proof 1 rejected, the e-billing expired and re-issued, proof 2 uploaded on the new e-billing. */
  function secondProofOnReissuedBilling(): {
    o: Order;
    rejected: string;
    pending: string;
    oldBilling: string;
    newBilling: string;
  } {
    const first = orderAt('payment_submitted');
    const rejected = first.proofs[0]!.id;
    const oldBilling = currentBilling(first)!.id;
    let o = runOrder(first, A.bendahara, 'payment.reject', {
      proofId: rejected,
      reason: 'Nominal tidak sesuai',
    });
    const newBilling = freshId();
    o = runOrder(
      o,
      A.bendahara,
      'billing.reissue',
      { billingId: newBilling, code: freshBillingCode(), expiresAt: addDays(AFTER_EXPIRY, 7).toISOString() },
      { now: AFTER_EXPIRY },
    );
    const pending = freshId();
    o = runOrder(
      o,
      A.pelanggan,
      'payment.upload_proof',
      { proofId: pending, fileId: freshId(), ntpn: '9Z8Y7X6W5V4U3T2S' },
      { now: AFTER_EXPIRY },
    );
    return { o, rejected, pending, oldBilling, newBilling };
  }

  it('approving the pending proof pays its own billing, with its NTPN and upload time; the rejected proof stays rejected', () => {
    const { o, rejected, pending, oldBilling, newBilling } = secondProofOnReissuedBilling();
    const { state, events } = step(o, A.bendahara, 'payment.approve', { proofId: pending }, AFTER_EXPIRY);
    const paid = state as Order;
    expect(paid.status).toBe('paid');
    expect(paid.proofs.find((p) => p.id === rejected)).toMatchObject({
      status: 'rejected',
      reason: 'Nominal tidak sesuai',
    });
    expect(paid.proofs.find((p) => p.id === pending)).toMatchObject({
      status: 'approved',
      decidedBy: A.bendahara.userId,
      billingId: newBilling,
    });
    expect(paid.billings.find((b) => b.id === newBilling)).toMatchObject({
      status: 'paid',
      ntpn: '9Z8Y7X6W5V4U3T2S',
      paidAt: AFTER_EXPIRY.toISOString(),
    });
    expect(paid.billings.find((b) => b.id === oldBilling)).toMatchObject({
      status: 'replaced',
      ntpn: null,
      paidAt: null,
    });
    expect(
      events.filter((e) => e.entity !== 'order').map((e) => [e.entity, e.entityId, e.from, e.to]),
    ).toEqual([
      ['proof', pending, 'submitted', 'approved'],
      ['billing', newBilling, 'issued', 'paid'],
    ]);
  });

  it('a rejected proof is never revived: approving or rejecting it again is refused and changes nothing', () => {
    const { o, rejected } = secondProofOnReissuedBilling();
    expect(refuse(o, A.bendahara, 'payment.approve', { proofId: rejected }, { now: AFTER_EXPIRY }).code).toBe(
      'not_found',
    );
    expect(
      refuse(o, A.bendahara, 'payment.reject', { proofId: rejected, reason: REASON }, { now: AFTER_EXPIRY })
        .code,
    ).toBe('not_found');
  });

  it('rejecting names one proof: the earlier rejection keeps its own reason', () => {
    const { o, rejected, pending } = secondProofOnReissuedBilling();
    const after = runOrder(
      o,
      A.bendahara,
      'payment.reject',
      { proofId: pending, reason: 'Bukti transfer buram' },
      { now: AFTER_EXPIRY },
    );
    expect(after.status).toBe('awaiting_payment');
    expect(after.proofs.map((p) => [p.id, p.status, p.reason])).toEqual([
      [rejected, 'rejected', 'Nominal tidak sesuai'],
      [pending, 'rejected', 'Bukti transfer buram'],
    ]);
  });

  it('the automatic confirmation pays the current billing and approves the pending proof, never the rejected one', () => {
    const { o, rejected, pending, newBilling } = secondProofOnReissuedBilling();
    const code = currentBilling(o)!.code;
    const paidAt = addDays(AFTER_EXPIRY, 1).toISOString();
    const paid = runOrder(
      o,
      A.sistem,
      'payment.confirm_auto',
      { billingCode: code, ntpn: NTPN, paidAt },
      { now: addDays(AFTER_EXPIRY, 1) },
    );
    expect(paid.proofs.map((p) => [p.id, p.status, p.decidedBy])).toEqual([
      [rejected, 'rejected', A.bendahara.userId],
      [pending, 'approved', A.sistem.userId],
    ]);
    expect(paid.billings.find((b) => b.id === newBilling)).toMatchObject({
      status: 'paid',
      ntpn: NTPN,
      paidAt,
    });
  });

  it('the automatic confirmation of a payment made after the billing expired is refused', () => {
    const o = orderAt('awaiting_payment');
    const billing = currentBilling(o)!;
    const late = new Date(Date.parse(billing.expiresAt) + 1000).toISOString();
    expect(
      refuse(o, A.sistem, 'payment.confirm_auto', { billingCode: billing.code, ntpn: NTPN, paidAt: late })
        .code,
    ).toBe('invalid_transition');
    // Paid in the very last second is on time.
    expect(
      attempt(o, A.sistem, 'payment.confirm_auto', {
        billingCode: billing.code,
        ntpn: NTPN,
        paidAt: billing.expiresAt,
      }).ok,
    ).toBe(true);
  });
});

describe('report commands name the current report', () => {
  /** The Ketua Tim's amendment of S1's report `reportId` by a new report `newReportId`. */
  const amendment = (reportId: string, newReportId: string) => ({
    sampleId: S1,
    reportId,
    newReportId,
    newReportNumber: freshNumber('LHU/PLG'),
    reason: 'Salah ketik alamat',
  });

  it('report.request_signature with a stale report id (the one an amendment replaced) is refused', () => {
    const released = driveSample(orderAt('paid'), S1, 'released');
    const oldId = currentReportId(released, S1);
    const amended = runOrder(released, A.ketuaTim, 'report.amend', amendment(oldId, freshId()));
    const ask = (reportId: string) =>
      attempt(amended, A.cs, 'report.request_signature', {
        sampleId: S1,
        reportId,
        kepalaBalaiId: A.kepalaBalai.userId,
        documentHash: 'c'.repeat(64),
        issuedOn: '2026-03-21',
      });
    const stale = ask(oldId);
    expect(stale.ok ? 'accepted' : stale.code).toBe('invalid_payload');
    expect(ask(currentReportId(amended, S1)).ok).toBe(true);
  });

  it('report.amend with a new report id already used by this sample is refused', () => {
    const released = driveSample(orderAt('paid'), S1, 'released');
    const id = currentReportId(released, S1);
    const r = refuse(released, A.ketuaTim, 'report.amend', amendment(id, id));
    expect(r.code).toBe('invalid_payload');
    expect(r.message.en).toMatch(/already used/);
  });
});

describe('versions go up on every result command (a stale desktop edit is caught)', () => {
  const ver = (o: Order) => ({
    order: o.version,
    sample: sampleOf(o, S1).version,
    analyses: sampleOf(o, S1).analyses.map((a) => [a.id, a.version]),
  });
  interface Case {
    before: Order;
    actor: Actor;
    type: string;
    payload: unknown;
    touched: string[];
  }
  /** `actor` issues `type` on `before`, changing the analyses `touched`: by default all of S1's. */
  const issue = (
    before: Order,
    actor: Actor,
    type: string,
    payload: unknown,
    touched: string[] = sampleOf(before, S1).analyses.map((a) => a.id),
  ): Case => ({ before, actor, type, payload, touched });
  const cases: [string, () => Case][] = [
    [
      'result.save',
      () =>
        issue(
          analysisAt('pending'),
          A.analis1,
          'result.save',
          { sampleId: S1, analysisId: S1A1, result: { value: '7', numeric: 7, unit: '-' } },
          [S1A1],
        ),
    ],
    [
      'result.save on a draft',
      () =>
        issue(
          analysisAt('draft'),
          A.analis1,
          'result.save',
          { sampleId: S1, analysisId: S1A1, result: { value: '7.2', numeric: 7.2, unit: '-' } },
          [S1A1],
        ),
    ],
    [
      'result.submit',
      () =>
        issue(analysisAt('draft'), A.analis1, 'result.submit', { sampleId: S1, analysisId: S1A1 }, [S1A1]),
    ],
    [
      'analysis.request_retest',
      () =>
        issue(
          analysisAt('submitted'),
          A.penyelia,
          'analysis.request_retest',
          { sampleId: S1, analysisId: S1A1, newAnalysisId: freshId(), reason: 'Duplo menyimpang' },
          [S1A1],
        ),
    ],
    [
      'results.verify',
      () =>
        issue(flow.enterResults(sampleAt('in_testing'), S1), A.penyelia, 'results.verify', { sampleId: S1 }),
    ],
    [
      'results.validate',
      () => issue(sampleAt('results_verified'), A.mt, 'results.validate', { sampleId: S1 }),
    ],
    [
      'results.return',
      () =>
        issue(sampleAt('results_verified'), A.mt, 'results.return', {
          sampleId: S1,
          reason: 'Perhitungan perlu dicek',
        }),
    ],
  ];
  it.each(cases)('%s: the order, the sample and each analysis it changed', (_name, make) => {
    const { before, actor, type, payload, touched } = make();
    const after = step(before, actor, type, payload).state as Order;
    const b = ver(before);
    const a = ver(after);
    expect(a.order).toBe(b.order + 1);
    expect(a.sample).toBe(b.sample + 1);
    for (const [id, v] of b.analyses) {
      const now = a.analyses.find(([x]) => x === id)![1];
      expect(now, `analysis ${String(id)}`).toBe(touched.includes(id as string) ? (v as number) + 1 : v);
    }
  });

  it('a result saved on a copy of the analysis older than the last save is refused as stale', () => {
    const draft = analysisAt('draft');
    const seen = analysisOf(draft, S1, S1A1).version;
    const saved = runOrder(draft, A.analis1, 'result.save', {
      sampleId: S1,
      analysisId: S1A1,
      result: { value: '7.3', numeric: 7.3, unit: '-' },
    });
    const r = refuse(
      saved,
      A.analis1,
      'result.submit',
      { sampleId: S1, analysisId: S1A1 },
      { baseVersion: seen },
    );
    expect(r.code).toBe('stale_version');
  });
});

describe('account.deactivate and account.activate check whose account it is', () => {
  it.each([
    ['account.deactivate', 'active', { customerId: OTHER_CUSTOMER_ID, reason: REASON }],
    ['account.activate', 'pending_activation', { customerId: OTHER_CUSTOMER_ID }],
  ] as const)('%s naming another customer than the account is refused', (type, status, payload) => {
    const r = refuse(accountAt(status), A.adminSatker, type, payload);
    expect(r.code).toBe('invalid_payload');
    expect(r.message.en).toMatch(/does not match/);
  });

  it('deactivating the right account records who and why', () => {
    const { state, events } = step(accountAt('active'), A.adminSatker, 'account.deactivate', {
      customerId: CUSTOMER_ID,
      reason: REASON,
    });
    expect((state as Account).customer.status).toBe('deactivated');
    expect(events).toEqual([
      expect.objectContaining({
        entity: 'account',
        from: 'active',
        to: 'deactivated',
        reason: REASON,
        actorId: A.adminSatker.userId,
      }),
    ]);
  });
});

describe('a single-sample order goes all the way', () => {
  it('reaches in_lab when its only sample is registered, and reports_released when its only LHU is released', () => {
    const sampleId = uuid(0x5301);
    let o = runOrder(null, A.pelanggan, 'order.submit', {
      orderId: uuid(0x4301),
      samples: [orderedSample(sampleId, CATALOG.kopi, [], 'Kopi bubuk arabika 250 g')],
    });
    o = flow.approvePayment(
      flow.uploadProof(flow.issueBilling(flow.requestBilling(flow.approveTariff(flow.validate(o))))),
    );
    expect(o.status).toBe('paid');
    o = flow.registerSample(o, sampleId);
    expect(o.status).toBe('in_lab');
    o = driveSample(o, sampleId, 'signed');
    expect(o.status).toBe('in_lab');
    o = flow.release(o, sampleId);
    expect(o.status).toBe('reports_released');
  });

  it('a two-sample order stays in_lab until the second LHU is released', () => {
    const one = driveSample(orderAt('paid'), S1, 'released');
    expect(one.status).toBe('in_lab');
    expect(driveSample(one, S2, 'released').status).toBe('reports_released');
  });
});

describe('amending once every report is released', () => {
  it.each(['reports_released', 'survey_completed', 'finished'] as const)(
    'is allowed with the order %s, and the order stays where the customer is',
    (status) => {
      const o = orderAt(status);
      const old = currentReportId(o, S1);
      const amended = runOrder(o, A.ketuaTim, 'report.amend', {
        sampleId: S1,
        reportId: old,
        newReportId: freshId(),
        newReportNumber: freshNumber('LHU/PLG'),
        reason: 'Salah ketik nama pelanggan',
      });
      expect(amended.status).toBe(status);
      expect(sampleOf(amended, S1).status).toBe('report_numbered');
      // The new report goes through signature and release again; the order does not move back or forward.
      const again = flow.release(flow.sign(flow.requestSignature(amended, S1), S1), S1);
      expect(again.status).toBe(status);
      expect(sampleOf(again, S1).reports.map((r) => r.status)).toEqual(['superseded', 'released']);
    },
  );
});

describe('a Penyelia, MT or analyst account without a lab', () => {
  const noLab = (a: Actor): Actor => ({ ...a, labId: null });
  it('a Penyelia without a lab may accept a sample given to them (the assignment is what counts)', () => {
    const o = sampleAt('registered');
    expect(attempt(o, noLab(A.penyelia), 'sample.accept', { sampleId: S1, condition: 'Baik' }).ok).toBe(true);
  });

  it('a Penyelia without a lab may not accept a sample given to someone else', () => {
    const o = sampleAt('registered');
    expect(refuse(o, noLab(A.penyeliaLain), 'sample.accept', { sampleId: S1, condition: 'Baik' }).code).toBe(
      'forbidden',
    );
  });

  it("a Penyelia of another lab is refused even for a sample in their name (moved to another lab's list)", () => {
    const o = sampleAt('registered');
    expect(
      refuse(o, { ...A.penyelia, labId: LAB_LAIN }, 'sample.accept', { sampleId: S1, condition: 'Baik' })
        .code,
    ).toBe('forbidden');
  });

  it('an analyst of another lab is refused for a parameter in their name; without a lab they may enter it', () => {
    const o = analysisAt('pending');
    const payload = { sampleId: S1, analysisId: S1A1, result: { value: '7', numeric: 7, unit: '-' } };
    expect(refuse(o, { ...A.analis1, labId: LAB_LAIN }, 'result.save', payload).code).toBe('forbidden');
    expect(attempt(o, noLab(A.analis1), 'result.save', payload).ok).toBe(true);
    expect(refuse(o, actorAs(A.analis3.userId, 'analis', LAB_KIMIA), 'result.save', payload).code).toBe(
      'forbidden',
    );
  });
});
