/**
 * Every "no" of the SOP (issue 2): who sends what back, to which state, with which reason, and that
 * the work can go on afterwards. Each return carries a reason, kept on the order.
 */
import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES } from '../../../shared/domain/commands';
import type { Order } from '../../../shared/domain/entities';
import { RULES } from '../../../shared/domain/permissions';
import { currentBilling, currentReport, orderTotal, type Actor } from '../../../shared/domain/state';
import {
  A,
  AFTER_EXPIRY,
  BILLING_EXPIRES,
  CUSTOMER_ID,
  NOW,
  NTPN,
  REASON,
  S1,
  S1A1,
  S1_ANALYSES,
  accountAt,
  activeOf,
  addDays,
  analysisOf,
  attempt,
  driveSample,
  flow,
  freshBillingCode,
  freshId,
  kepalaBalaiOf,
  orderAt,
  orderedSample,
  CATALOG,
  prepare,
  refuse,
  runAccount,
  runOrder,
  sampleAt,
  sampleOf,
  stateFor,
  twoSamples,
} from './fixtures';

const lastReturn = (o: Order) => o.returns.at(-1)!;

type SampleReturn = 'sample.reject' | 'assignment.return' | 'results.return';
const SAMPLE_RETURNS: readonly string[] = ['sample.reject', 'assignment.return', 'results.return'];

/**
 * `actor` sends the order, or its sample S1, back with `reason`; the order keeps the return: who,
 * as which role, by which command, on what, and why.
 */
function sendBack(
  state: Order,
  actor: Actor,
  command: 'order.return_to_customer' | 'tariff.reject' | SampleReturn,
  reason: string,
): Order {
  const onSample = SAMPLE_RETURNS.includes(command);
  const o = runOrder(state, actor, command, onSample ? { sampleId: S1, reason } : { reason });
  expect(lastReturn(o)).toMatchObject({
    by: actor.userId,
    role: actor.role,
    command,
    entity: onSample ? 'sample' : 'order',
    entityId: onSample ? S1 : o.id,
    reason,
  });
  return o;
}

describe('CS or Ketua Tim return the order to the customer', () => {
  /** `actor` sends the order back to the customer, with whom it then waits. */
  const returnToCustomer = (state: Order, actor: Actor, reason: string) => {
    const o = sendBack(state, actor, 'order.return_to_customer', reason);
    expect(o.status).toBe('returned_to_customer');
    return o;
  };

  it('CS returns a submitted order; the customer corrects and resubmits it', () => {
    const o = returnToCustomer(orderAt('submitted'), A.cs, 'Deskripsi sampel kurang jelas');

    // The corrected order: the first sample now with only two parameters.
    const s1 = orderedSample(
      S1,
      { ...CATALOG.amdk, parameters: CATALOG.amdk.parameters.slice(0, 2) },
      S1_ANALYSES,
      'AMDK 600 mL, batch 2026-02, dua botol',
    );
    const again = runOrder(o, A.pelanggan, 'order.resubmit', { samples: [s1, twoSamples()[1]!] });
    expect(again.status).toBe('submitted');
    expect(sampleOf(again, S1).analyses).toHaveLength(2);
    expect(again.returns).toHaveLength(1); // the history of the return stays
    expect(flow.validate(again).status).toBe('validated');
  });

  it('Ketua Tim returns a validated order', () => {
    returnToCustomer(orderAt('validated'), A.ketuaTim, 'Parameter tidak tersedia di lab');
  });

  it('each returns only at its own step', () => {
    expect(refuse(orderAt('validated'), A.cs, 'order.return_to_customer', { reason: REASON }).code).toBe(
      'invalid_transition',
    );
    expect(
      refuse(orderAt('submitted'), A.ketuaTim, 'order.return_to_customer', { reason: REASON }).code,
    ).toBe('invalid_transition');
  });

  it('a returned order cannot move on until resubmitted', () => {
    const o = runOrder(orderAt('submitted'), A.cs, 'order.return_to_customer', { reason: REASON });
    expect(refuse(o, A.cs, 'order.validate', { orderNumber: 'ORD/1' }).code).toBe('invalid_transition');
    expect(refuse(o, A.ketuaTim, 'tariff.approve', {}).code).toBe('invalid_transition');
  });
});

describe('the customer rejects the tariff', () => {
  it('goes back to the Ketua Tim, who approves a corrected tariff', () => {
    const approved = orderAt('tariff_approved');
    expect(approved.tariffApprovedBy).toBe(A.ketuaTim.userId);
    expect(approved.tariffTotal).toBe(orderTotal(approved));

    const o = sendBack(approved, A.pelanggan, 'tariff.reject', 'Tarif timbal tidak sesuai PP 54/2021');
    expect(o.status).toBe('validated');
    expect(o.tariffApprovedBy).toBeNull();
    expect(o.tariffTotal).toBeNull();
    expect(refuse(o, A.pelanggan, 'billing.request', {}).code).toBe('invalid_transition');

    const fixed = runOrder(o, A.ketuaTim, 'tariff.approve', {
      adjustments: [{ analysisId: S1_ANALYSES[2], tariff: 120_000 }],
    });
    expect(fixed.status).toBe('tariff_approved');
    expect(fixed.tariffTotal).toBe(approved.tariffTotal! - 30_000);
    expect(runOrder(fixed, A.pelanggan, 'billing.request', {}).status).toBe('billing_requested');
  });
});

describe('an expired e-billing is re-issued', () => {
  const awaiting = () => orderAt('awaiting_payment');

  it('re-issue is refused while the e-billing is still valid', () => {
    const r = refuse(
      awaiting(),
      A.bendahara,
      'billing.reissue',
      { billingId: freshId(), code: freshBillingCode(), expiresAt: addDays(NOW, 10).toISOString() },
      { now: addDays(NOW, 6) },
    );
    expect(r.code).toBe('invalid_transition');
  });

  it('an expired e-billing cannot be paid, and is replaced by a new one', () => {
    const o = awaiting();
    const old = currentBilling(o)!;
    expect(old).toMatchObject({
      status: 'issued',
      amount: o.tariffTotal,
      expiresAt: BILLING_EXPIRES.toISOString(),
    });
    expect(
      refuse(
        o,
        A.pelanggan,
        'payment.upload_proof',
        { proofId: freshId(), fileId: freshId(), ntpn: NTPN },
        { now: AFTER_EXPIRY },
      ).code,
    ).toBe('invalid_transition');

    const code = freshBillingCode();
    const d = attempt(
      o,
      A.bendahara,
      'billing.reissue',
      { billingId: freshId(), code, expiresAt: addDays(AFTER_EXPIRY, 7).toISOString() },
      { now: AFTER_EXPIRY },
    );
    if (!d.ok) expect.fail(d.message.en);
    const next = d.state as Order;
    expect(next.status).toBe('awaiting_payment');
    expect(next.billings).toHaveLength(2);
    expect(next.billings[0]).toMatchObject({ id: old.id, status: 'replaced' });
    expect(currentBilling(next)).toMatchObject({ code, status: 'issued', amount: old.amount });
    expect(d.events.map((e) => [e.entity, e.from, e.to])).toEqual([
      ['billing', 'issued', 'replaced'],
      ['billing', null, 'issued'],
      ['order', 'awaiting_payment', 'awaiting_payment'],
    ]);
    expect(d.events.every((e) => e.step === 8)).toBe(true);

    // The old code no longer pays; the new one does.
    expect(
      refuse(
        next,
        A.sistem,
        'payment.confirm_auto',
        { billingCode: old.code, ntpn: NTPN, paidAt: AFTER_EXPIRY.toISOString() },
        { now: AFTER_EXPIRY },
      ).code,
    ).toBe('invalid_payload');
    const paid = runOrder(
      next,
      A.sistem,
      'payment.confirm_auto',
      { billingCode: code, ntpn: NTPN, paidAt: AFTER_EXPIRY.toISOString() },
      { now: AFTER_EXPIRY },
    );
    expect(paid.status).toBe('paid');
    expect(currentBilling(paid)).toMatchObject({ status: 'paid', ntpn: NTPN });
  });

  it('a re-issued e-billing needs a new code and a future expiry', () => {
    const o = awaiting();
    const old = currentBilling(o)!;
    const same = refuse(
      o,
      A.bendahara,
      'billing.reissue',
      { billingId: freshId(), code: old.code, expiresAt: addDays(AFTER_EXPIRY, 7).toISOString() },
      { now: AFTER_EXPIRY },
    );
    expect(same.code).toBe('invalid_payload');
    const past = refuse(
      o,
      A.bendahara,
      'billing.reissue',
      { billingId: freshId(), code: freshBillingCode(), expiresAt: NOW.toISOString() },
      { now: AFTER_EXPIRY },
    );
    expect(past.code).toBe('invalid_payload');
  });

  it('an automatic payment made after expiry is refused', () => {
    const o = awaiting();
    const r = refuse(
      o,
      A.sistem,
      'payment.confirm_auto',
      { billingCode: currentBilling(o)!.code, ntpn: NTPN, paidAt: AFTER_EXPIRY.toISOString() },
      { now: AFTER_EXPIRY },
    );
    expect(r.code).toBe('invalid_transition');
  });
});

describe('the Bendahara rejects a proof of payment', () => {
  it('goes back to awaiting payment with the reason; a new proof is then approved', () => {
    const submitted = orderAt('payment_submitted');
    const proofId = submitted.proofs[0]!.id;
    const o = runOrder(submitted, A.bendahara, 'payment.reject', {
      proofId,
      reason: 'Bukti transfer tidak terbaca',
    });
    expect(o.status).toBe('awaiting_payment');
    expect(o.proofs[0]).toMatchObject({
      status: 'rejected',
      decidedBy: A.bendahara.userId,
      reason: 'Bukti transfer tidak terbaca',
    });
    expect(currentBilling(o)!.status).toBe('issued');
    expect(lastReturn(o)).toMatchObject({
      role: 'bendahara',
      command: 'payment.reject',
      reason: 'Bukti transfer tidak terbaca',
    });
    // A rejected proof cannot be approved afterwards.
    expect(refuse(flow.uploadProof(o), A.bendahara, 'payment.approve', { proofId }).code).toBe('not_found');

    const again = flow.uploadProof(o);
    const paid = flow.approvePayment(again);
    expect(paid.status).toBe('paid');
    expect(paid.proofs.map((p) => p.status)).toEqual(['rejected', 'approved']);
    expect(currentBilling(paid)).toMatchObject({ status: 'paid', ntpn: NTPN });
  });
});

describe('the Penyelia rejects a sample; CS registers it again', () => {
  it('keeps the reason and lets CS pick another Penyelia', () => {
    const o = sendBack(sampleAt('registered'), A.penyelia, 'sample.reject', 'Volume sampel kurang dari 2 L');
    expect(sampleOf(o, S1).status).toBe('rejected');
    expect(refuse(o, A.penyelia, 'sample.accept', { sampleId: S1, condition: 'Baik' }).code).toBe(
      'invalid_transition',
    );

    const again = flow.registerSample(o, S1, { penyelia: A.penyeliaLain });
    expect(sampleOf(again, S1)).toMatchObject({
      status: 'registered',
      penyeliaId: A.penyeliaLain.userId,
      condition: null,
    });
    expect(sampleOf(again, S1).number).not.toBe(sampleOf(o, S1).number);
    expect(refuse(again, A.penyelia, 'sample.accept', { sampleId: S1, condition: 'Baik' }).code).toBe(
      'forbidden',
    );
    expect(flow.acceptSample(again, S1).samples[0]!.status).toBe('received');
  });
});

describe('the MT returns the assignment', () => {
  it('goes back to the Penyelia, who assigns again', () => {
    const o = sendBack(
      sampleAt('assigned'),
      A.mt,
      'assignment.return',
      'Analis belum kompeten untuk logam berat',
    );
    expect(sampleOf(o, S1).status).toBe('received');
    expect(refuse(o, A.mt, 'assignment.validate', { sampleId: S1 }).code).toBe('invalid_transition');

    const reassigned = runOrder(o, A.penyelia, 'sample.assign_analysts', {
      sampleId: S1,
      assignments: [{ analysisId: S1_ANALYSES[2], analystId: A.analis3.userId }],
    });
    expect(sampleOf(reassigned, S1).status).toBe('assigned');
    expect(activeOf(reassigned, S1).map((a) => a.analystId)).toEqual([
      A.analis1.userId,
      A.analis2.userId,
      A.analis3.userId,
    ]);
    expect(flow.validateAssignment(reassigned, S1).samples[0]!.status).toBe('in_testing');
  });
});

describe('the Penyelia sends an analysis back for retest', () => {
  const allSubmitted = () => stateFor('results.verify', 'in_testing') as Order;

  it('keeps the old analysis as retest and creates a new pending one', () => {
    const before = allSubmitted();
    const oldBefore = analysisOf(before, S1, S1A1);
    const newId = freshId();
    const d = attempt(before, A.penyelia, 'analysis.request_retest', {
      sampleId: S1,
      analysisId: S1A1,
      newAnalysisId: newId,
      analystId: A.analis3.userId,
      reason: 'Duplo berbeda lebih dari 5%',
    });
    if (!d.ok) expect.fail(d.message.en);
    const o = d.state as Order;
    const old = analysisOf(o, S1, S1A1);
    expect(old).toMatchObject({
      status: 'retest',
      result: oldBefore.result,
      enteredBy: oldBefore.enteredBy,
      submittedAt: oldBefore.submittedAt,
      retestReason: 'Duplo berbeda lebih dari 5%',
    });
    const fresh = analysisOf(o, S1, newId);
    expect(fresh).toMatchObject({
      status: 'pending',
      version: 0,
      parameterId: old.parameterId,
      tariff: old.tariff,
      analystId: A.analis3.userId,
      result: null,
      enteredBy: null,
      verifiedBy: null,
      retestOf: S1A1,
      retestReason: 'Duplo berbeda lebih dari 5%',
    });
    expect(sampleOf(o, S1).analyses).toHaveLength(4);
    expect(activeOf(o, S1)).toHaveLength(3);
    expect(sampleOf(o, S1).status).toBe('in_testing');
    expect(orderTotal(o)).toBe(orderTotal(before)); // a retest is not billed again
    expect(lastReturn(o)).toMatchObject({
      by: A.penyelia.userId,
      role: 'penyelia',
      entity: 'analysis',
      entityId: S1A1,
      reason: 'Duplo berbeda lebih dari 5%',
    });
    expect(d.events.map((e) => [e.entityId, e.from, e.to])).toEqual([
      [S1A1, 'submitted', 'retest'],
      [newId, null, 'pending'],
    ]);

    // Verification waits for the new result; the old analyst cannot touch the new analysis.
    expect(refuse(o, A.penyelia, 'results.verify', { sampleId: S1 }).code).toBe('invalid_transition');
    const oldAnalystSaves = (analysisId: string) =>
      refuse(o, A.analis1, 'result.save', {
        sampleId: S1,
        analysisId,
        result: { value: '7', numeric: 7, unit: '-' },
      }).code;
    expect(oldAnalystSaves(newId)).toBe('forbidden');
    expect(oldAnalystSaves(S1A1)).toBe('invalid_transition');
    const entered = flow.enterResults(o, S1);
    expect(analysisOf(entered, S1, newId)).toMatchObject({
      status: 'submitted',
      enteredBy: A.analis3.userId,
    });
    const verified = flow.verify(entered, S1);
    expect(analysisOf(verified, S1, S1A1)).toMatchObject({ status: 'retest', verifiedBy: null });
    expect(analysisOf(verified, S1, newId)).toMatchObject({
      status: 'verified',
      verifiedBy: A.penyelia.userId,
    });
    const validated = flow.validateResults(verified, S1);
    expect(analysisOf(validated, S1, S1A1).status).toBe('retest');
    expect(sampleOf(validated, S1).status).toBe('results_validated');
  });

  it('keeps the same analyst when none is named', () => {
    const newId = freshId();
    const o = runOrder(allSubmitted(), A.penyelia, 'analysis.request_retest', {
      sampleId: S1,
      analysisId: S1A1,
      newAnalysisId: newId,
      reason: 'Blanko terkontaminasi',
    });
    expect(analysisOf(o, S1, newId).analystId).toBe(A.analis1.userId);
  });

  it('refuses the Penyelia or MT as the new analyst, and a used id', () => {
    const o = allSubmitted();
    const base = { sampleId: S1, analysisId: S1A1, reason: 'Duplo berbeda lebih dari 5%' };
    expect(
      refuse(o, A.penyelia, 'analysis.request_retest', {
        ...base,
        newAnalysisId: freshId(),
        analystId: A.penyelia.userId,
      }).code,
    ).toBe('forbidden');
    expect(
      refuse(o, A.penyelia, 'analysis.request_retest', {
        ...base,
        newAnalysisId: freshId(),
        analystId: A.mt.userId,
      }).code,
    ).toBe('forbidden');
    expect(
      refuse(o, A.penyelia, 'analysis.request_retest', { ...base, newAnalysisId: S1_ANALYSES[1] }).code,
    ).toBe('invalid_payload');
  });
});

describe('the MT returns the results', () => {
  it('goes back to in testing, unverified; the Penyelia verifies again', () => {
    const verified = sampleAt('results_verified');
    const o = sendBack(verified, A.mt, 'results.return', 'Satuan kadar timbal keliru');
    expect(sampleOf(o, S1).status).toBe('in_testing');
    for (const a of activeOf(o, S1))
      expect(a).toMatchObject({ status: 'submitted', verifiedBy: null, validatedBy: null });
    expect(activeOf(o, S1).map((a) => a.result)).toEqual(activeOf(verified, S1).map((a) => a.result));
    expect(refuse(o, A.mt, 'results.validate', { sampleId: S1 }).code).toBe('invalid_transition');

    const again = flow.validateResults(flow.verify(o, S1), S1);
    expect(sampleOf(again, S1).status).toBe('results_validated');
  });
});

describe('the Kepala Balai refuses to sign', () => {
  it('goes back to CS with the report number kept; CS asks again', () => {
    const waiting = sampleAt('awaiting_signature');
    const report = currentReport(sampleOf(waiting, S1))!;
    const d = attempt(waiting, A.kepalaBalai, 'report.refuse', {
      sampleId: S1,
      reportId: report.id,
      reason: 'Tanggal uji pada E-LHU salah',
    });
    if (!d.ok) expect.fail(d.message.en);
    const o = d.state as Order;
    expect(sampleOf(o, S1).status).toBe('report_numbered');
    const after = currentReport(sampleOf(o, S1))!;
    expect(after).toMatchObject({
      id: report.id,
      number: report.number,
      status: 'refused',
      documentHash: null,
      signedHash: null,
    });
    expect(d.events).toContainEqual(
      expect.objectContaining({
        entity: 'report',
        entityId: report.id,
        from: 'awaiting_signature',
        to: 'refused',
        reason: 'Tanggal uji pada E-LHU salah',
      }),
    );
    expect(lastReturn(o)).toMatchObject({
      by: A.kepalaBalai.userId,
      role: 'kepala_balai',
      entity: 'sample',
      reason: 'Tanggal uji pada E-LHU salah',
    });
    expect(
      refuse(o, A.kepalaBalai, 'report.sign', {
        sampleId: S1,
        reportId: report.id,
        signedHash: 'c'.repeat(64),
      }).code,
    ).toBe('invalid_transition');

    const again = flow.requestSignature(o, S1, A.kepalaBalaiLain);
    expect(sampleOf(again, S1).status).toBe('awaiting_signature');
    expect(kepalaBalaiOf(again, S1)).toEqual(A.kepalaBalaiLain);
    expect(
      refuse(again, A.kepalaBalai, 'report.sign', {
        sampleId: S1,
        reportId: report.id,
        signedHash: 'c'.repeat(64),
      }).code,
    ).toBe('forbidden');
    const signed = flow.sign(again, S1);
    expect(currentReport(sampleOf(signed, S1))).toMatchObject({
      status: 'signed',
      signedHash: 'b'.repeat(64),
      number: report.number,
    });
  });
});

describe('an amended report replaces an issued one (ISO/IEC 17025 7.8.8)', () => {
  it('supersedes the old report with a newly numbered one that names it and the reason', () => {
    const finished = orderAt('finished');
    const old = currentReport(sampleOf(finished, S1))!;
    expect(old.status).toBe('released');
    const newId = freshId();
    const d = attempt(finished, A.ketuaTim, 'report.amend', {
      sampleId: S1,
      reportId: old.id,
      newReportId: newId,
      newReportNumber: `${old.number}/AMD-1`,
      reason: 'Nama perusahaan pelanggan salah ketik',
    });
    if (!d.ok) expect.fail(d.message.en);
    const o = d.state as Order;
    const s = sampleOf(o, S1);
    expect(s.status).toBe('report_numbered');
    expect(s.reports).toHaveLength(2);
    expect(s.reports[0]).toMatchObject({
      id: old.id,
      number: old.number,
      status: 'superseded',
      supersededBy: newId,
      signedHash: old.signedHash,
    });
    expect(s.reports[1]).toMatchObject({
      id: newId,
      number: `${old.number}/AMD-1`,
      status: 'numbered',
      replaces: old.id,
      amendReason: 'Nama perusahaan pelanggan salah ketik',
      numberedBy: A.ketuaTim.userId,
      kepalaBalaiId: null,
      signedHash: null,
    });
    expect(currentReport(s)!.id).toBe(newId);
    expect(lastReturn(o)).toMatchObject({
      by: A.ketuaTim.userId,
      command: 'report.amend',
      reason: 'Nama perusahaan pelanggan salah ketik',
    });
    expect(d.events).toContainEqual(
      expect.objectContaining({ entity: 'report', entityId: old.id, from: 'released', to: 'superseded' }),
    );
    expect(d.events).toContainEqual(
      expect.objectContaining({ entity: 'report', entityId: newId, from: null, to: 'numbered' }),
    );

    // The amended report goes through signature and release again; the superseded one stays.
    const released = driveSample(o, S1, 'released');
    expect(sampleOf(released, S1).reports.map((r) => r.status)).toEqual(['superseded', 'released']);
    // A superseded report cannot be amended again; only the current one can.
    const r = refuse(released, A.ketuaTim, 'report.amend', {
      sampleId: S1,
      reportId: old.id,
      newReportId: freshId(),
      newReportNumber: 'LHU/X/1',
      reason: 'Koreksi kedua',
    });
    expect(r.code).toBe('invalid_payload');
  });

  it('needs a new number, different from every report of the order', () => {
    const finished = orderAt('finished');
    const s1 = currentReport(sampleOf(finished, S1))!;
    const s2 = currentReport(finished.samples[1]!)!;
    for (const number of [s1.number, s2.number]) {
      const r = refuse(finished, A.ketuaTim, 'report.amend', {
        sampleId: S1,
        reportId: s1.id,
        newReportId: freshId(),
        newReportNumber: number,
        reason: 'Nama perusahaan salah ketik',
      });
      expect(r.code).toBe('invalid_payload');
    }
  });

  it('is only for a released report', () => {
    const signed = sampleAt('signed');
    const r = refuse(signed, A.ketuaTim, 'report.amend', {
      sampleId: S1,
      reportId: currentReport(sampleOf(signed, S1))!.id,
      newReportId: freshId(),
      newReportNumber: 'LHU/X/2',
      reason: 'Koreksi',
    });
    expect(r.code).toBe('invalid_transition');
  });
});

describe('other refusals with a reason', () => {
  it('the customer cancels before paying, not after', () => {
    const o = runOrder(orderAt('awaiting_payment'), A.pelanggan, 'order.cancel', {
      reason: 'Anggaran belum tersedia',
    });
    expect(o.status).toBe('cancelled');
    expect(lastReturn(o)).toMatchObject({ role: 'pelanggan', reason: 'Anggaran belum tersedia' });
    expect(
      refuse(orderAt('paid'), A.pelanggan, 'order.cancel', { reason: 'Anggaran belum tersedia' }).code,
    ).toBe('invalid_transition');
    expect(refuse(o, A.pelanggan, 'order.resubmit', { samples: twoSamples() }).code).toBe(
      'invalid_transition',
    );
  });

  it('the Admin Satker deactivates an account with a reason and may activate it again', () => {
    const d = attempt(accountAt('active'), A.adminSatker, 'account.deactivate', {
      customerId: CUSTOMER_ID,
      reason: 'Data NPWP palsu',
    });
    if (!d.ok) expect.fail(d.message.en);
    expect(d.events).toEqual([
      expect.objectContaining({
        entity: 'account',
        from: 'active',
        to: 'deactivated',
        reason: 'Data NPWP palsu',
      }),
    ]);
    const again = runAccount(accountAt('deactivated'), A.adminSatker, 'account.activate', {
      customerId: CUSTOMER_ID,
    });
    expect(again.customer).toMatchObject({ status: 'active', activatedBy: A.adminSatker.userId });
  });
});

describe('every return carries a reason', () => {
  const returns = COMMAND_TYPES.filter((t) => RULES[t].isReturn);

  it('the returns are exactly the commands whose payload has a reason', () => {
    expect(returns.sort()).toEqual(
      [
        'account.deactivate',
        'analysis.request_retest',
        'assignment.return',
        'order.cancel',
        'order.return_to_customer',
        'payment.reject',
        'report.amend',
        'report.refuse',
        'results.return',
        'sample.reject',
        'tariff.reject',
      ].sort(),
    );
    for (const t of returns) expect(RULES[t].step).toBeNull();
  });

  const bad: [string, unknown][] = [
    ['missing', undefined],
    ['empty', ''],
    ['too short', 'abc'],
    ['only spaces around a short word', '    ab     '],
    ['too long', 'x'.repeat(1001)],
    ['not a string', 12345],
  ];
  const cases = returns.flatMap((t) => bad.map(([what, reason]) => [t, what, reason] as const));
  it.each(cases)('%s with a %s reason is invalid_payload', (type, _what, reason) => {
    const from = Object.values(RULES[type].from)[0]![0] ?? null;
    const state = stateFor(type, from);
    const { actor, payload, now } = prepare(type, state);
    expect(attempt(state, actor, type, payload, { now }).ok).toBe(true);
    const withBad = { ...payload, reason };
    if (reason === undefined) delete withBad.reason;
    const r = refuse(state, actor, type, withBad, { now });
    expect(r.code).toBe('invalid_payload');
    expect(r.message.id).toContain('reason'); // the path of the field
    expect(r.message.en).toContain('reason');
  });
});
