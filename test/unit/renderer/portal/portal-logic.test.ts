import { describe, expect, it } from 'vitest';
import type { CatalogResponse, OrderHistoryEntry } from '../../../../shared/api/http';
import type { Order } from '../../../../shared/domain/entities';
import { billingState, groupBillingCode, timeLeft } from '../../../../renderer/portal/lib/billing';
import {
  draftTotal,
  isBlank,
  loadDraft,
  newDraft,
  problems,
  saveDraft,
  toRequest,
  type OrderDraft,
} from '../../../../renderer/portal/lib/draft';
import {
  customerAction,
  paymentConfirmed,
  reportsUnlocked,
} from '../../../../renderer/portal/lib/next-action';
import { timelineLines } from '../../../../renderer/portal/lib/timeline';
import { uuid } from '../../../../renderer/portal/lib/uuid';

const T = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const P1 = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const P2 = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';
const catalog = {
  unit: {} as CatalogResponse['unit'],
  labs: [],
  sampleTypes: [{ id: T, labId: T, name: 'Kopi bubuk', description: '', active: true }],
  parameters: [
    {
      id: P1,
      sampleTypeId: T,
      name: 'Kadar air',
      unit: '%',
      method: 'SNI',
      requirement: null,
      detectionLimit: null,
      tariff: 75_000,
      active: true,
    },
    {
      id: P2,
      sampleTypeId: T,
      name: 'Kadar abu',
      unit: '%',
      method: 'SNI',
      requirement: null,
      detectionLimit: null,
      tariff: 60_000,
      active: false,
    },
  ],
} as CatalogResponse;

class MemoryStore {
  data = new Map<string, string>();
  full = false;
  getItem = (k: string) => this.data.get(k) ?? null;
  setItem = (k: string, v: string) => {
    if (this.full) throw new Error('QuotaExceededError');
    this.data.set(k, v);
  };
  removeItem = (k: string) => void this.data.delete(k);
}

describe('order draft', () => {
  it('survives a reload as typed, and says when storage refuses it', () => {
    const store = new MemoryStore();
    const d: OrderDraft = { ...newDraft(uuid), step: 1 };
    d.samples[0] = {
      ...d.samples[0]!,
      sampleTypeId: T,
      description: 'Kopi arabika 500 g',
      parameterIds: [P1],
    };
    const saved = saveDraft(store, 'k', d, new Date('2026-03-14T03:42:00Z'));
    expect(saved?.savedAt).toBe('2026-03-14T03:42:00.000Z');
    const back = loadDraft(store, 'k')!;
    expect(back.samples[0]!.description).toBe('Kopi arabika 500 g');
    expect(back.step).toBe(1);
    expect(back.idempotencyKey).toBe(d.idempotencyKey);
    store.full = true;
    expect(saveDraft(store, 'k', d, new Date())).toBeNull();
    store.data.set('bad', '{not json');
    expect(loadDraft(store, 'bad')).toBeNull();
  });

  it('says what each sample lacks, totals active parameters only, and sends only those', () => {
    const d = newDraft(uuid);
    expect(isBlank(d)).toBe(true);
    expect(problems(d, catalog).get(d.samples[0]!.key)).toEqual(['type', 'description', 'parameters']);
    d.samples[0] = { ...d.samples[0]!, sampleTypeId: T, description: 'ok sample', parameterIds: [P1, P2] };
    expect(problems(d, catalog).size).toBe(0);
    expect(draftTotal(d, catalog)).toBe(75_000);
    expect(toRequest(d, catalog).samples[0]!.parameterIds).toEqual([P1]);
  });
});

describe('e-billing', () => {
  it('groups the 15-digit code by three', () => {
    expect(groupBillingCode('820260314000123')).toBe('820 260 314 000 123');
  });
  it('names the status as SIMPONI does and counts the time left', () => {
    const now = new Date('2026-03-14T00:00:00Z');
    expect(billingState({ status: 'issued', expiresAt: '2026-03-15T02:30:00Z' }, now)).toBe('unpaid');
    expect(billingState({ status: 'issued', expiresAt: '2026-03-13T00:00:00Z' }, now)).toBe('expired');
    expect(billingState({ status: 'paid', expiresAt: '2026-03-13T00:00:00Z' }, now)).toBe('paid');
    expect(timeLeft('2026-03-15T02:30:00Z', now)).toMatchObject({ days: 1, hours: 2, minutes: 30 });
    expect(timeLeft('2026-03-13T00:00:00Z', now).ms).toBe(0);
  });
});

const order = (patch: Partial<Order>): Order =>
  ({
    id: T,
    status: 'submitted',
    samples: [],
    billings: [],
    proofs: [],
    returns: [],
    survey: null,
    statusSince: null,
    ...patch,
  }) as unknown as Order;

describe('the one action waiting for the customer', () => {
  const now = new Date('2026-03-14T00:00:00Z');
  it('follows the order status and the SOP table', () => {
    expect(customerAction(order({ status: 'submitted' }), now)).toEqual({
      kind: 'wait',
      step: 5,
      holder: 'cs',
    });
    expect(customerAction(order({ status: 'tariff_approved' }), now).kind).toBe('review_tariff');
    expect(customerAction(order({ status: 'payment_submitted' }), now)).toEqual({
      kind: 'wait',
      step: 10,
      holder: 'bendahara',
    });
    expect(customerAction(order({ status: 'reports_released' }), now).kind).toBe('survey');
    expect(customerAction(order({ status: 'survey_completed' }), now).kind).toBe('download');
  });
  it('gives the reason of a return and of a rejected proof', () => {
    const returned = order({
      status: 'returned_to_customer',
      returns: [
        {
          at: '',
          by: T,
          role: 'cs',
          command: 'order.return_to_customer',
          entity: 'order',
          entityId: T,
          reason: 'Lengkapi uraian',
        },
      ],
    });
    expect(customerAction(returned, now)).toEqual({ kind: 'correct', reason: 'Lengkapi uraian' });
    const billing = {
      id: T,
      code: '1'.repeat(15),
      amount: 1,
      status: 'issued',
      issuedAt: '',
      expiresAt: '2026-03-20T00:00:00Z',
      ntpn: null,
      paidAt: null,
    };
    const proof = {
      id: P1,
      billingId: T,
      fileId: T,
      ntpn: null,
      status: 'rejected',
      uploadedAt: '',
      decidedBy: T,
      reason: 'buram',
    };
    const a = customerAction(
      order({
        status: 'awaiting_payment',
        billings: [billing] as Order['billings'],
        proofs: [proof] as Order['proofs'],
      }),
      now,
    );
    expect(a.kind === 'pay' && a.rejectedProof?.reason).toBe('buram');
    const expired = order({
      status: 'awaiting_payment',
      billings: [{ ...billing, expiresAt: '2026-03-01T00:00:00Z' }] as Order['billings'],
    });
    expect(customerAction(expired, now).kind).toBe('billing_expired');
  });
  it('unlocks the LHU only after payment and survey', () => {
    expect(reportsUnlocked(order({ status: 'reports_released' }))).toBe(false);
    expect(reportsUnlocked(order({ status: 'survey_completed' }))).toBe(true);
    expect(paymentConfirmed(order({ proofs: [{ status: 'approved' }] as Order['proofs'] }))).toBe(true);
  });
});

describe('timeline', () => {
  const e = (step: number | null, command: string, reason: string | null = null): OrderHistoryEntry => ({
    at: '2026-03-14T00:00:00Z',
    actorId: null,
    actorName: null,
    role: 'analis',
    command,
    step,
    entity: 'analysis',
    entityId: T,
    sampleId: null,
    from: null,
    to: null,
    reason,
  });
  it('folds the entries of one step and keeps returns apart', () => {
    const lines = timelineLines([
      e(14, 'result.save'),
      e(14, 'result.submit'),
      e(14, 'result.save'),
      e(null, 'analysis.request_retest', 'ulang'),
      e(14, 'result.save'),
      e(null, 'x'),
    ]);
    expect(lines.map((l) => [l.step, l.isReturn])).toEqual([
      [14, false],
      [null, true],
      [14, false],
    ]);
  });
});

describe('survey body', () => {
  it('is accepted by the shared request schema', async () => {
    const { surveyBody } = await import('../../../../renderer/portal/api/endpoints');
    const { SurveyRequestSchema } = await import('../../../../shared/api/http');
    expect(SurveyRequestSchema.safeParse(surveyBody([4, 4, 3, 4, 4, 4, 4, 3, 4], 'baik')).success).toBe(true);
  });
});
