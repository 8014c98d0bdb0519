/**
 * The questions the server, the desktop and the portal ask of an order's state: whose signing queue
 * a report is in (step 19), when an e-billing has expired (steps 8-9), and when the customer may
 * download the E-LHU (step 21). Each asked of states reached through `decide`.
 */
import { describe, expect, it } from 'vitest';
import {
  awaitsSignatureOf,
  canDownloadReports,
  currentBilling,
  currentReport,
  isBillingExpired,
} from '../../../shared/domain/state';
import { ORDER_STATUSES } from '../../../shared/domain/states';
import {
  A,
  BILLING_EXPIRES,
  NTPN,
  S1,
  addDays,
  freshId,
  orderAt,
  refuse,
  runOrder,
  sampleAt,
  sampleOf,
} from './fixtures';

const reportOf = (status: Parameters<typeof sampleAt>[0]) => currentReport(sampleOf(sampleAt(status), S1))!;

describe("a Kepala Balai's signing queue (step 19)", () => {
  it('holds a report sent to that Kepala Balai, not to another', () => {
    const r = reportOf('awaiting_signature');
    expect(awaitsSignatureOf(r, A.kepalaBalai.userId)).toBe(true);
    expect(awaitsSignatureOf(r, A.kepalaBalaiLain.userId)).toBe(false);
  });

  it('no longer holds it once signed or refused, and never held it before it was sent', () => {
    expect(awaitsSignatureOf(reportOf('signed'), A.kepalaBalai.userId)).toBe(false);
    expect(awaitsSignatureOf(reportOf('report_numbered'), A.kepalaBalai.userId)).toBe(false);
    const refused = runOrder(sampleAt('awaiting_signature'), A.kepalaBalai, 'report.refuse', {
      sampleId: S1,
      reportId: reportOf('awaiting_signature').id,
      reason: 'Satuan pada tabel hasil keliru',
    });
    const r = currentReport(sampleOf(refused, S1))!;
    expect(r.kepalaBalaiId).toBe(A.kepalaBalai.userId);
    expect(awaitsSignatureOf(r, A.kepalaBalai.userId)).toBe(false);
  });
});

describe('the e-billing expires at its expiry instant (steps 8-9)', () => {
  const billing = () => currentBilling(orderAt('awaiting_payment'))!;

  it('is still payable a millisecond before, and expired at the instant itself', () => {
    expect(billing().expiresAt).toBe(BILLING_EXPIRES.toISOString());
    expect(isBillingExpired(billing(), new Date(BILLING_EXPIRES.getTime() - 1))).toBe(false);
    expect(isBillingExpired(billing(), BILLING_EXPIRES)).toBe(true);
  });

  it('a proof uploaded at the expiry instant is refused; a millisecond before, accepted', () => {
    const upload = { proofId: freshId(), fileId: freshId(), ntpn: NTPN };
    expect(
      refuse(orderAt('awaiting_payment'), A.pelanggan, 'payment.upload_proof', upload, {
        now: BILLING_EXPIRES,
      }).code,
    ).toBe('invalid_transition');
    const before = new Date(BILLING_EXPIRES.getTime() - 1);
    expect(
      runOrder(orderAt('awaiting_payment'), A.pelanggan, 'payment.upload_proof', upload, { now: before })
        .status,
    ).toBe('payment_submitted');
  });

  it('a paid e-billing never expires', () => {
    const paid = currentBilling(orderAt('paid'))!;
    expect(paid.status).toBe('paid');
    expect(isBillingExpired(paid, addDays(BILLING_EXPIRES, 30))).toBe(false);
  });
});

describe('the customer downloads the signed E-LHU only after the survey (step 21)', () => {
  it('from the survey on, and in no state before it', () => {
    const may = ORDER_STATUSES.filter((s) => canDownloadReports(orderAt(s)));
    expect(may).toEqual(['survey_completed', 'finished']);
  });
});
