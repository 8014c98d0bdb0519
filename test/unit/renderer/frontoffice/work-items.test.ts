/** The front office's pure pieces: what waits for whom, the worklist order, SIMPONI's words, the order review, the holiday draft. */
import { describe, expect, it } from 'vitest';
import type { OnlineOrder } from '../../../../shared/bridge/online-calls';
import type { Billing, Order, Sample } from '../../../../shared/domain/entities';
import {
  currentBilling,
  simponiStatus,
  workItems,
} from '../../../../renderer/desktop/screens/online/work-items';
import { reviewOutcome, reviewReason } from '../../../../renderer/desktop/screens/cs/order-review';
import { addHoliday, changed, removeHoliday } from '../../../../renderer/desktop/screens/admin/holiday-draft';
import { paymentRows } from '../../../../renderer/desktop/screens/bendahara/payments';
import { blankSample } from '../../blank-entities';

const NOW = new Date('2026-03-10T03:00:00Z');
const ago = (min: number) => new Date(NOW.getTime() - min * 60_000).toISOString();

const sample = (id: string, status: Sample['status']) => blankSample(id, { status, statusSince: ago(5) });

function billing(status: Billing['status'], expiresAt: string): Billing {
  return {
    id: `b-${expiresAt}`,
    code: '123456789012345',
    amount: 800_000,
    status,
    issuedAt: ago(60 * 24 * 8),
    expiresAt,
    ntpn: status === 'paid' ? 'ABCDEF0123456789' : null,
    paidAt: status === 'paid' ? ago(30) : null,
  };
}

function online(id: string, status: Order['status'], since: string, extra: Partial<Order> = {}): OnlineOrder {
  const order: Order = {
    id,
    version: 1,
    unitCode: 'BSPJI-PLG',
    number: `ORD/${id}`,
    customerId: 'c',
    status,
    submittedAt: ago(600),
    tariffApprovedBy: null,
    tariffTotal: null,
    samples: [sample(`${id}-s1`, 'awaiting_registration')],
    billings: [],
    proofs: [],
    survey: null,
    returns: [],
    finishedAt: null,
    statusSince: since,
    ...extra,
  };
  return {
    summary: {
      id,
      number: order.number,
      status,
      customerId: 'c',
      companyName: `PT ${id}`,
      submittedAt: order.submittedAt,
      updatedAt: since,
      version: 1,
      sampleCount: order.samples.length,
      total: 800_000,
    },
    order,
    totals: { total: 800_000, parameterCount: 5 },
  };
}

describe('workItems', () => {
  it("puts each role's steps in its list: CS 5 and 11, Ketua Tim 6 and 17, Bendahara 8 and 10", () => {
    const orders = [
      online('a', 'submitted', ago(3)),
      online('b', 'validated', ago(3)),
      online('c', 'billing_requested', ago(3)),
      online('d', 'payment_submitted', ago(3)),
      online('e', 'paid', ago(3), {
        samples: [sample('e1', 'awaiting_registration'), sample('e2', 'awaiting_registration')],
      }),
      online('f', 'in_lab', ago(3), {
        samples: [sample('f1', 'results_validated'), sample('f2', 'report_numbered'), sample('f3', 'signed')],
      }),
    ];
    const keys = (role: Parameters<typeof workItems>[0]) =>
      workItems(role, orders, NOW)
        .map((i) => `${i.action}:${i.step}`)
        .sort();
    expect(keys('cs')).toEqual([
      'register:11',
      'register:11',
      'release:20',
      'requestSignature:18',
      'validate:5',
    ]);
    expect(keys('ketua_tim_pji')).toEqual(['approveTariff:6', 'numberReport:17']);
    expect(keys('bendahara')).toEqual(['checkProof:10', 'issueBilling:8']);
    expect(keys('analis')).toEqual([]);
  });

  it('names two unnumbered samples of one order apart', () => {
    const o = online('e', 'paid', ago(3), {
      samples: [sample('e1', 'awaiting_registration'), sample('e2', 'awaiting_registration')],
    });
    expect(workItems('cs', [o], NOW).map((i) => i.number)).toEqual(['ORD/e · 1/2', 'ORD/e · 2/2']);
  });

  it('lists an expired billing for re-issue, not one still valid', () => {
    const expired = online('x', 'awaiting_payment', ago(60), { billings: [billing('issued', ago(10))] });
    const valid = online('y', 'awaiting_payment', ago(60), {
      billings: [billing('issued', new Date(NOW.getTime() + 3_600_000).toISOString())],
    });
    const items = workItems('bendahara', [expired, valid], NOW);
    expect(items.map((i) => `${i.key}:${i.action}`)).toEqual(['x:reissueBilling']);
  });

  it('orders overdue first (most over first), then the oldest wait', () => {
    // Step 5's standard is 10 minutes: 30 and 15 minutes are over, 5 is not.
    const orders = [
      online('new', 'submitted', ago(5)),
      online('over15', 'submitted', ago(15)),
      online('over30', 'submitted', ago(30)),
      online('unknown', 'submitted', ago(1), { statusSince: null }),
    ];
    orders[3]!.summary.updatedAt = ago(1);
    expect(workItems('cs', orders, NOW).map((i) => i.key)).toEqual(['over30', 'over15', 'new', 'unknown']);
  });
});

describe('SIMPONI status', () => {
  it('says Belum dibayar, Lunas, Kedaluwarsa as SIMPONI does', () => {
    expect(simponiStatus(billing('issued', new Date(NOW.getTime() + 1000).toISOString()), NOW)).toBe(
      'belum_dibayar',
    );
    expect(simponiStatus(billing('issued', ago(1)), NOW)).toBe('kedaluwarsa');
    expect(simponiStatus(billing('paid', ago(1)), NOW)).toBe('lunas');
    expect(simponiStatus(billing('replaced', ago(1)), NOW)).toBe('diganti');
  });
  it('takes the billing not replaced as the current one', () => {
    const o = online('z', 'awaiting_payment', ago(1), {
      billings: [billing('replaced', ago(100)), billing('issued', ago(-100))],
    }).order;
    expect(currentBilling(o)?.status).toBe('issued');
  });
  it('tells a payment by notification from one by an approved proof', () => {
    const paid = billing('paid', ago(1));
    const byProof = online('p', 'paid', ago(1), {
      billings: [paid],
      proofs: [
        {
          id: 'pr',
          billingId: paid.id,
          fileId: 'f',
          ntpn: null,
          status: 'approved',
          uploadedAt: ago(50),
          decidedBy: 'u',
          reason: null,
        },
      ],
    });
    const byNotice = online('n', 'paid', ago(1), { billings: [{ ...paid, id: 'other' }] });
    expect(
      paymentRows([byProof, byNotice])
        .map((r) => `${r.order.id}:${r.via}`)
        .sort(),
    ).toEqual(['n:notification', 'p:proof']);
  });
});

describe('order review (kaji ulang permintaan)', () => {
  it('validates only when all three answers are Bisa; any Tidak bisa returns the order', () => {
    expect(reviewOutcome({})).toEqual({ kind: 'incomplete', missing: ['sdm', 'metode', 'peralatan'] });
    expect(reviewOutcome({ sdm: 'bisa', metode: 'bisa' }).kind).toBe('incomplete');
    expect(reviewOutcome({ sdm: 'bisa', metode: 'bisa', peralatan: 'bisa' })).toEqual({ kind: 'validate' });
    expect(reviewOutcome({ sdm: 'bisa', peralatan: 'tidak_bisa' })).toEqual({
      kind: 'return',
      failed: ['peralatan'],
    });
  });
  it('writes the reason the customer reads, for CS to complete', () => {
    expect(reviewReason(['sdm', 'peralatan'])).toBe(
      'Kaji ulang permintaan: Kemampuan SDM, Kemampuan peralatan tidak bisa. ',
    );
    expect(reviewReason(['metode'], 'Metode SNI belum terakreditasi.')).toBe(
      'Kaji ulang permintaan: Kesesuaian metode tidak bisa. Metode SNI belum terakreditasi.',
    );
  });
});

describe('holiday draft', () => {
  const list = [{ date: '2026-01-01', name: 'Tahun Baru', kind: 'libur_nasional' as const }];
  it('adds in date order, refuses a date twice, removes, and knows when it differs', () => {
    const added = addHoliday(list, { date: '2025-12-25', name: 'Natal', kind: 'libur_nasional' });
    expect(added).not.toBe('duplicate');
    expect((added as typeof list).map((h) => h.date)).toEqual(['2025-12-25', '2026-01-01']);
    expect(addHoliday(list, { date: '2026-01-01', name: 'x', kind: 'cuti_bersama' })).toBe('duplicate');
    expect(removeHoliday(added as typeof list, '2025-12-25')).toEqual(list);
    expect(changed(list, list)).toBe(false);
    expect(changed(list, added as typeof list)).toBe(true);
  });
});
