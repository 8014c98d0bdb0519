/**
 * Ownership and separation of duties, stale versions, unknown commands and bad payloads. Every
 * rejection carries a code and a message in Indonesian and English.
 */
import { describe, expect, it } from 'vitest';
import { COMMAND_PAYLOADS, COMMAND_TYPES } from '../../../shared/domain/commands';
import type { Decision } from '../../../shared/domain/decide';
import type { Order } from '../../../shared/domain/entities';
import { RULES, type Ownership } from '../../../shared/domain/permissions';
import { REJECTION_CODES, type RejectionCode } from '../../../shared/domain/rejections';
import { currentReport, type Actor } from '../../../shared/domain/state';
import {
  A,
  CUSTOMER_ID,
  LAB_KIMIA,
  LAB_LAIN,
  NOW,
  NTPN,
  ORDER_ID,
  REASON,
  S1,
  S1A1,
  S1_ANALYSES,
  S2,
  S2_ANALYSES,
  accountAt,
  activateSeenAt,
  addDays,
  analysisAt,
  analysisOf,
  attempt,
  flow,
  freshBillingCode,
  freshId,
  orderAt,
  prepare,
  registration,
  sampleAt,
  sampleOf,
  stateFor,
  twoSamples,
} from './fixtures';

function expectRejected(d: Decision, code: RejectionCode): void {
  if (d.ok) expect.fail(`accepted, expected ${code}`);
  expect(d.code, d.message.en).toBe(code);
  expect(REJECTION_CODES).toContain(d.code);
  expect(d.message.id.trim().length).toBeGreaterThan(0);
  expect(d.message.en.trim().length).toBeGreaterThan(0);
  expect(d.message.id).not.toBe(d.message.en);
}

/** The command's first allowed state, the right actor and payload there. */
function allowedCase(type: (typeof COMMAND_TYPES)[number]) {
  const status = Object.values(RULES[type].from)[0]![0] ?? null;
  const state = stateFor(type, status);
  return { state, ...prepare(type, state) };
}

describe('ownership: only the assigned person acts', () => {
  const strangers: Partial<Record<Ownership, [string, Actor]>> = {
    own_customer: ['another customer', A.pelangganLain],
    sample_penyelia: ['a Penyelia not assigned', A.penyeliaLain],
    sample_mt: ['an MT not assigned', A.mtLain],
    analysis_analyst: ['an Analis not assigned', A.analis3],
    report_kepala_balai: ['a Kepala Balai not asked to sign', A.kepalaBalaiLain],
  };
  // order.submit creates an order owned by whoever submits it: nobody else's order to act on.
  const owned = COMMAND_TYPES.filter((t) => RULES[t].ownership !== 'any' && t !== 'order.submit');
  const cases = owned.map((t) => [t, ...strangers[RULES[t].ownership]!] as const);

  it('every owned command has a stranger to try', () => {
    expect(cases.length).toBe(owned.length);
    expect(owned.length).toBeGreaterThan(15);
  });

  it.each(cases)('%s by %s is forbidden', (type, _who, stranger) => {
    const { state, actor, payload, now } = allowedCase(type);
    expect(attempt(state, actor, type, payload, { now }).ok).toBe(true); // the owner may
    expectRejected(attempt(state, stranger, type, payload, { now }), 'forbidden');
  });

  it('the assigned Penyelia or Analis acting from another lab is forbidden', () => {
    const registered = sampleAt('registered');
    expectRejected(
      attempt(registered, { ...A.penyelia, labId: LAB_LAIN }, 'sample.accept', {
        sampleId: S1,
        condition: 'Baik',
      }),
      'forbidden',
    );
    const pending = analysisAt('pending');
    const save = { sampleId: S1, analysisId: S1A1, result: { value: '7.1', numeric: 7.1, unit: '-' } };
    expectRejected(attempt(pending, { ...A.analis1, labId: LAB_LAIN }, 'result.save', save), 'forbidden');
    expect(attempt(pending, { ...A.analis1, labId: LAB_KIMIA }, 'result.save', save).ok).toBe(true);
  });

  it('an analyst acts only on the parameters given to them', () => {
    const pending = analysisAt('pending');
    expect(analysisOf(pending, S1, S1_ANALYSES[1]).analystId).toBe(A.analis2.userId);
    expectRejected(
      attempt(pending, A.analis1, 'result.save', {
        sampleId: S1,
        analysisId: S1_ANALYSES[1],
        result: { value: '0.2', numeric: 0.2, unit: 'NTU' },
      }),
      'forbidden',
    );
  });

  it('a Penyelia of one sample has no say on another sample of the same order', () => {
    const o = flow.registerSample(sampleAt('registered'), S2, { penyelia: A.penyeliaLain, mt: A.mtLain });
    expectRejected(attempt(o, A.penyelia, 'sample.accept', { sampleId: S2, condition: 'Baik' }), 'forbidden');
    expect(attempt(o, A.penyeliaLain, 'sample.accept', { sampleId: S2, condition: 'Baik' }).ok).toBe(true);
  });

  it('a customer user without a customer, or registering someone else, is forbidden', () => {
    const orphan: Actor = { ...A.pelanggan, customerId: null };
    expectRejected(
      attempt(null, orphan, 'order.submit', { orderId: ORDER_ID, samples: twoSamples() }),
      'forbidden',
    );
    expectRejected(attempt(orderAt('tariff_approved'), orphan, 'billing.request', {}), 'forbidden');
    expectRejected(
      attempt(null, A.pelangganLain, 'account.register', registration(CUSTOMER_ID)),
      'forbidden',
    );
  });

  it("the customer's own order records the customer, whoever else tries", () => {
    const d = attempt(null, A.pelangganLain, 'order.submit', { orderId: ORDER_ID, samples: twoSamples() });
    if (!d.ok) expect.fail(d.message.en);
    expect((d.state as Order).customerId).toBe(A.pelangganLain.customerId);
  });
});

describe('separation of duties', () => {
  const received = () => sampleAt('received');
  const assign = (analystId: string) => ({
    sampleId: S1,
    assignments: S1_ANALYSES.map((analysisId, i) => ({
      analysisId,
      analystId: i === 1 ? analystId : A.analis1.userId,
    })),
  });

  it('the Penyelia cannot assign themselves or the MT as analyst', () => {
    expectRejected(
      attempt(received(), A.penyelia, 'sample.assign_analysts', assign(A.penyelia.userId)),
      'forbidden',
    );
    expectRejected(
      attempt(received(), A.penyelia, 'sample.assign_analysts', assign(A.mt.userId)),
      'forbidden',
    );
    expect(attempt(received(), A.penyelia, 'sample.assign_analysts', assign(A.analis2.userId)).ok).toBe(true);
  });

  it('CS cannot give a sample the same person as Penyelia and MT', () => {
    const p = {
      sampleId: S1,
      sampleNumber: 'SPL/1',
      labId: LAB_KIMIA,
      penyeliaId: A.penyelia.userId,
      mtId: A.penyelia.userId,
    };
    expectRejected(attempt(orderAt('paid'), A.cs, 'sample.register', p), 'forbidden');
  });

  it('every parameter needs an analyst, and only parameters of the sample can be assigned', () => {
    expectRejected(
      attempt(received(), A.penyelia, 'sample.assign_analysts', {
        sampleId: S1,
        assignments: [{ analysisId: S1A1, analystId: A.analis1.userId }],
      }),
      'invalid_payload',
    );
    expectRejected(
      attempt(received(), A.penyelia, 'sample.assign_analysts', {
        sampleId: S1,
        assignments: [{ analysisId: S2_ANALYSES[0], analystId: A.analis1.userId }],
      }),
      'invalid_payload',
    );
  });

  // decide never lets these states arise (the checks above stop them at assignment); they are
  // built by hand here, as data imported from elsewhere might be, to test the last line of defence.
  const tamper = (o: Order, change: (o: Order) => void): Order => {
    const copy = structuredClone(o);
    change(copy);
    return copy;
  };

  it('whoever entered a result cannot verify it', () => {
    const entered = stateFor('results.verify', 'in_testing') as Order;
    const byPenyelia = tamper(entered, (o) => {
      const a = analysisOf(o, S1, S1A1);
      a.enteredBy = A.penyelia.userId;
    });
    expectRejected(attempt(byPenyelia, A.penyelia, 'results.verify', { sampleId: S1 }), 'forbidden');
    const penyeliaIsAnalyst = tamper(entered, (o) => {
      analysisOf(o, S1, S1A1).analystId = A.penyelia.userId;
    });
    expectRejected(attempt(penyeliaIsAnalyst, A.penyelia, 'results.verify', { sampleId: S1 }), 'forbidden');
  });

  it('whoever entered a result cannot validate it', () => {
    const verified = sampleAt('results_verified');
    const byMt = tamper(verified, (o) => {
      analysisOf(o, S1, S1_ANALYSES[2]).enteredBy = A.mt.userId;
    });
    expectRejected(attempt(byMt, A.mt, 'results.validate', { sampleId: S1 }), 'forbidden');
  });

  it('the MT who also verified cannot validate', () => {
    const verified = sampleAt('results_verified');
    expect(analysisOf(verified, S1, S1A1).verifiedBy).toBe(A.penyelia.userId);
    const penyeliaAsMt = tamper(verified, (o) => {
      sampleOf(o, S1).mtId = A.penyelia.userId;
    });
    const d = attempt(penyeliaAsMt, { ...A.penyelia, role: 'mt' }, 'results.validate', { sampleId: S1 });
    expectRejected(d, 'forbidden');
    expect(!d.ok && d.message.en).toMatch(/verifying Penyelia/);
  });

  it('on the happy path the analyst, the verifier and the validator are three different people', () => {
    const validated = sampleAt('results_validated');
    for (const a of sampleOf(validated, S1).analyses) {
      expect(new Set([a.enteredBy, a.verifiedBy, a.validatedBy]).size).toBe(3);
      expect(a.enteredBy).toBe(a.analystId);
    }
  });
});

describe('stale versions', () => {
  it('an order command on an older version is refused; the current version or none is accepted', () => {
    const o = orderAt('validated');
    expect(o.version).toBeGreaterThan(1);
    expectRejected(
      attempt(o, A.ketuaTim, 'tariff.approve', {}, { baseVersion: o.version - 1 }),
      'stale_version',
    );
    expectRejected(
      attempt(o, A.ketuaTim, 'tariff.approve', {}, { baseVersion: o.version + 1 }),
      'stale_version',
    );
    expect(attempt(o, A.ketuaTim, 'tariff.approve', {}, { baseVersion: o.version }).ok).toBe(true);
    expect(attempt(o, A.ketuaTim, 'tariff.approve', {}, { baseVersion: null }).ok).toBe(true);
    expect(attempt(o, A.ketuaTim, 'tariff.approve', {}).ok).toBe(true);
  });

  it('a sample command is checked against the sample version, not the order', () => {
    const o = sampleAt('assigned');
    const s = sampleOf(o, S1);
    expect(s.version).not.toBe(o.version);
    expectRejected(
      attempt(o, A.mt, 'assignment.validate', { sampleId: S1 }, { baseVersion: o.version }),
      'stale_version',
    );
    expectRejected(
      attempt(o, A.mt, 'assignment.validate', { sampleId: S1 }, { baseVersion: s.version - 1 }),
      'stale_version',
    );
    expect(attempt(o, A.mt, 'assignment.validate', { sampleId: S1 }, { baseVersion: s.version }).ok).toBe(
      true,
    );
  });

  it('an analysis command is checked against the analysis version', () => {
    const o = analysisAt('draft');
    const a = analysisOf(o, S1, S1A1);
    expectRejected(
      attempt(
        o,
        A.analis1,
        'result.submit',
        { sampleId: S1, analysisId: S1A1 },
        { baseVersion: a.version - 1 },
      ),
      'stale_version',
    );
    expect(
      attempt(o, A.analis1, 'result.submit', { sampleId: S1, analysisId: S1A1 }, { baseVersion: a.version })
        .ok,
    ).toBe(true);
  });

  it('an account command is checked against the account version', () => {
    const acc = accountAt('pending_activation');
    expectRejected(activateSeenAt(acc, acc.version + 3), 'stale_version');
    expect(activateSeenAt(acc, acc.version).ok).toBe(true);
  });

  it('every accepted command bumps the versions of what it changed', () => {
    const before = analysisAt('pending');
    const after = flow.saveResult(before, S1, S1A1);
    expect(after.version).toBe(before.version + 1);
    expect(sampleOf(after, S1).version).toBe(sampleOf(before, S1).version + 1);
    expect(analysisOf(after, S1, S1A1).version).toBe(analysisOf(before, S1, S1A1).version + 1);
    expect(analysisOf(after, S1, S1_ANALYSES[1]).version).toBe(
      analysisOf(before, S1, S1_ANALYSES[1]).version,
    );
  });
});

describe('unknown commands and bad payloads', () => {
  it.each(['order.delete', 'ORDER.SUBMIT', '', '__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'unknown command %j is invalid_payload',
    (type) => {
      expectRejected(attempt(orderAt('submitted'), A.cs, type, {}), 'invalid_payload');
      expectRejected(attempt(null, A.pelanggan, type, {}), 'invalid_payload');
    },
  );

  const needsData = COMMAND_TYPES.filter((t) => !COMMAND_PAYLOADS[t].safeParse({}).success);
  it.each(needsData)('%s with an empty payload is invalid_payload', (type) => {
    const { state, actor, now } = allowedCase(type);
    expectRejected(attempt(state, actor, type, {}, { now }), 'invalid_payload');
    expectRejected(attempt(state, actor, type, null, { now }), 'invalid_payload');
    expectRejected(attempt(state, actor, type, 'x', { now }), 'invalid_payload');
  });

  it.each(COMMAND_TYPES.filter((t) => 'sampleId' in COMMAND_PAYLOADS[t].shape))(
    '%s with a sampleId that is not a UUID is invalid_payload',
    (type) => {
      const { state, actor, payload, now } = allowedCase(type);
      expectRejected(
        attempt(state, actor, type, { ...payload, sampleId: 'S-1' }, { now }),
        'invalid_payload',
      );
    },
  );

  type Bad = [string, string, () => { state: Order | null; actor: Actor; payload: unknown; now?: Date }];
  /** The customer submitting a new order of `samples`. */
  const submitting = (samples: unknown[], orderId: string = ORDER_ID) => ({
    state: null,
    actor: A.pelanggan,
    payload: { orderId, samples },
  });
  const bad: Bad[] = [
    ['order.submit', 'no samples', () => submitting([])],
    [
      'order.submit',
      'a sample without parameters',
      () => submitting([{ ...twoSamples()[0]!, analyses: [] }]),
    ],
    ['order.submit', 'an order id that is not a UUID', () => submitting(twoSamples(), '123')],
    [
      'order.submit',
      'a negative tariff',
      () => {
        const [s1, s2] = twoSamples();
        return submitting([{ ...s1!, analyses: [{ ...s1!.analyses[0]!, tariff: -1 }] }, s2]);
      },
    ],
    [
      'order.submit',
      'the same analysis id twice',
      () => {
        const [s1, s2] = twoSamples();
        return submitting([s1, { ...s2!, analyses: [{ ...s2!.analyses[0]!, analysisId: S1A1 }] }]);
      },
    ],
    [
      'order.submit',
      'the same sample id twice',
      () => submitting([twoSamples()[0], { ...twoSamples()[1]!, sampleId: S1 }]),
    ],
    [
      'tariff.approve',
      'a tariff with sen',
      () => ({
        state: orderAt('validated'),
        actor: A.ketuaTim,
        payload: { adjustments: [{ analysisId: S1A1, tariff: 1000.5 }] },
      }),
    ],
    [
      'tariff.approve',
      'an analysis not in the order',
      () => ({
        state: orderAt('validated'),
        actor: A.ketuaTim,
        payload: { adjustments: [{ analysisId: freshId(), tariff: 1000 }] },
      }),
    ],
    [
      'billing.issue',
      'a 14-digit code',
      () => ({
        state: orderAt('billing_requested'),
        actor: A.bendahara,
        payload: { billingId: freshId(), code: '82000000000001', expiresAt: addDays(NOW, 7).toISOString() },
      }),
    ],
    [
      'billing.issue',
      'an expiry in the past',
      () => ({
        state: orderAt('billing_requested'),
        actor: A.bendahara,
        payload: {
          billingId: freshId(),
          code: freshBillingCode(),
          expiresAt: addDays(NOW, -1).toISOString(),
        },
      }),
    ],
    [
      'billing.issue',
      'an expiry that is not a date',
      () => ({
        state: orderAt('billing_requested'),
        actor: A.bendahara,
        payload: { billingId: freshId(), code: freshBillingCode(), expiresAt: 'next week' },
      }),
    ],
    [
      'payment.upload_proof',
      'a lower-case NTPN',
      () => ({
        state: orderAt('awaiting_payment'),
        actor: A.pelanggan,
        payload: { proofId: freshId(), fileId: freshId(), ntpn: NTPN.toLowerCase() },
      }),
    ],
    [
      'payment.upload_proof',
      'a proof id already used',
      () => {
        const rejected = runReject(orderAt('payment_submitted'));
        return {
          state: rejected,
          actor: A.pelanggan,
          payload: { proofId: rejected.proofs[0]!.id, fileId: freshId(), ntpn: NTPN },
        };
      },
    ],
    [
      'payment.confirm_auto',
      'an unknown billing code',
      () => ({
        state: orderAt('awaiting_payment'),
        actor: A.sistem,
        payload: { billingCode: freshBillingCode(), ntpn: NTPN, paidAt: NOW.toISOString() },
      }),
    ],
    [
      'sample.register',
      'a lab id that is not a UUID',
      () => ({
        state: orderAt('paid'),
        actor: A.cs,
        payload: {
          sampleId: S1,
          sampleNumber: 'SPL/1',
          labId: 'KIMIA',
          penyeliaId: A.penyelia.userId,
          mtId: A.mt.userId,
        },
      }),
    ],
    [
      'sample.accept',
      'no condition',
      () => ({ state: sampleAt('registered'), actor: A.penyelia, payload: { sampleId: S1, condition: ' ' } }),
    ],
    [
      'result.save',
      'below LOD without the LOD',
      () => ({
        state: analysisAt('pending'),
        actor: A.analis1,
        payload: {
          sampleId: S1,
          analysisId: S1A1,
          result: { value: '< LOD', numeric: null, unit: 'mg/L', belowDetectionLimit: true },
        },
      }),
    ],
    [
      'result.save',
      'an empty value',
      () => ({
        state: analysisAt('pending'),
        actor: A.analis1,
        payload: { sampleId: S1, analysisId: S1A1, result: { value: '', numeric: null, unit: '-' } },
      }),
    ],
    [
      'report.request_signature',
      'an upper-case hash',
      () => {
        const o = sampleAt('report_numbered');
        return {
          state: o,
          actor: A.cs,
          payload: {
            sampleId: S1,
            reportId: currentReport(sampleOf(o, S1))!.id,
            kepalaBalaiId: A.kepalaBalai.userId,
            documentHash: 'A'.repeat(64),
            issuedOn: '2026-03-20',
          },
        };
      },
    ],
    [
      'report.request_signature',
      'a report that is not the current one',
      () => ({
        state: sampleAt('report_numbered'),
        actor: A.cs,
        payload: {
          sampleId: S1,
          reportId: freshId(),
          kepalaBalaiId: A.kepalaBalai.userId,
          documentHash: 'a'.repeat(64),
          issuedOn: '2026-03-20',
        },
      }),
    ],
    [
      'report.release',
      'a report that is not the current one',
      () => ({ state: sampleAt('signed'), actor: A.cs, payload: { sampleId: S1, reportId: freshId() } }),
    ],
    [
      'report.number',
      'an empty report number',
      () => ({
        state: sampleAt('results_validated'),
        actor: A.ketuaTim,
        payload: { sampleId: S1, reportId: freshId(), reportNumber: '' },
      }),
    ],
    [
      'survey.submit',
      'eight scores',
      () => ({
        state: orderAt('reports_released'),
        actor: A.pelanggan,
        payload: { scores: [4, 4, 4, 4, 4, 4, 4, 4] },
      }),
    ],
    [
      'survey.submit',
      'a score of 5',
      () => ({
        state: orderAt('reports_released'),
        actor: A.pelanggan,
        payload: { scores: [4, 4, 4, 4, 5, 4, 4, 4, 4] },
      }),
    ],
    [
      'account.register',
      'an invalid email',
      () => ({ state: null, actor: A.pelanggan, payload: { ...registration(), email: 'rina.at.example' } }),
    ],
    [
      'account.register',
      'an NPWP of 12 digits',
      () => ({ state: null, actor: A.pelanggan, payload: { ...registration(), npwp: '123456789012' } }),
    ],
  ];
  function runReject(o: Order): Order {
    const d = attempt(o, A.bendahara, 'payment.reject', { proofId: o.proofs[0]!.id, reason: REASON });
    if (!d.ok) throw new Error(d.message.en);
    return d.state as Order;
  }
  it.each(bad)('%s with %s is invalid_payload', (type, _what, make) => {
    const { state, actor, payload, now } = make();
    expectRejected(attempt(state, actor, type, payload, { now: now ?? NOW }), 'invalid_payload');
  });

  it('account.activate for another customer id is invalid_payload', () => {
    expectRejected(
      attempt(accountAt('pending_activation'), A.adminSatker, 'account.activate', { customerId: freshId() }),
      'invalid_payload',
    );
  });

  it('a command for the other kind of record is invalid_payload', () => {
    expectRejected(
      attempt(orderAt('submitted'), A.adminSatker, 'account.activate', { customerId: CUSTOMER_ID }),
      'invalid_payload',
    );
    expectRejected(
      attempt(accountAt('active'), A.cs, 'order.validate', { orderNumber: 'ORD/1' }),
      'invalid_payload',
    );
  });

  it('a sample or analysis that is not in the order is not_found; so is an order that does not exist', () => {
    expectRejected(
      attempt(sampleAt('registered'), A.penyelia, 'sample.accept', {
        sampleId: freshId(),
        condition: 'Baik',
      }),
      'not_found',
    );
    expectRejected(
      attempt(analysisAt('pending'), A.analis1, 'result.submit', {
        sampleId: S1,
        analysisId: S2_ANALYSES[0],
      }),
      'not_found',
    );
    expectRejected(attempt(null, A.cs, 'order.validate', { orderNumber: 'ORD/1' }), 'not_found');
    expectRejected(
      attempt(null, A.adminSatker, 'account.activate', { customerId: CUSTOMER_ID }),
      'not_found',
    );
    expectRejected(
      attempt(orderAt('payment_submitted'), A.bendahara, 'payment.approve', { proofId: freshId() }),
      'not_found',
    );
  });

  it('a second order.submit or account.register on an existing record is invalid_transition', () => {
    expectRejected(
      attempt(orderAt('submitted'), A.pelanggan, 'order.submit', {
        orderId: ORDER_ID,
        samples: twoSamples(),
      }),
      'invalid_transition',
    );
    expectRejected(
      attempt(accountAt('active'), A.pelanggan, 'account.register', registration()),
      'invalid_transition',
    );
  });

  it('a result cannot be submitted before it is entered', () => {
    // pending is not a state result.submit allows; the handler also guards a draft without a result.
    expectRejected(
      attempt(analysisAt('pending'), A.analis1, 'result.submit', { sampleId: S1, analysisId: S1A1 }),
      'invalid_transition',
    );
  });

  it('the order must be in the lab, and the sample in testing, for lab commands', () => {
    expectRejected(
      attempt(
        orderAt('awaiting_payment'),
        A.cs,
        'sample.register',
        prepare('sample.register', orderAt('awaiting_payment')).payload,
      ),
      'invalid_transition',
    );
    // The analysis is pending with its analyst named, but MT has not validated the assignment yet.
    const assigned = sampleAt('assigned');
    expect(analysisOf(assigned, S1, S1A1)).toMatchObject({ status: 'pending', analystId: A.analis1.userId });
    expectRejected(
      attempt(assigned, A.analis1, 'result.save', {
        sampleId: S1,
        analysisId: S1A1,
        result: { value: '7', numeric: 7, unit: '-' },
      }),
      'invalid_transition',
    );
  });
});

describe('payload ids are checked against the order', () => {
  it('payment.approve names the pending proof; report commands name the current report', () => {
    const o = orderAt('payment_submitted');
    expect(attempt(o, A.bendahara, 'payment.approve', { proofId: o.proofs[0]!.id }).ok).toBe(true);
    const signed = sampleAt('signed');
    expect(
      attempt(signed, A.cs, 'report.release', {
        sampleId: S1,
        reportId: currentReport(sampleOf(signed, S1))!.id,
      }).ok,
    ).toBe(true);
  });

  it('a submitted order belongs to the customer who submitted it', () => {
    expect(orderAt('submitted')).toMatchObject({
      id: ORDER_ID,
      customerId: CUSTOMER_ID,
      status: 'submitted',
      number: null,
    });
  });
});
