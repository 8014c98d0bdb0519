/**
 * The order handlers (SOP steps 4-6), through `decide`: what a resubmitted order keeps of the
 * decision rule the customer chose (ISO/IEC 17025 7.1.3), the refusal of a resubmission that
 * names an id twice, and CS's subcontracting of a parameter the order does not hold.
 */
import { describe, expect, it } from 'vitest';
import type { Order } from '../../../shared/domain/entities';
import { A, ORDER_ID, REASON, S1, S1A1, freshId, orderAt, refuse, runOrder, twoSamples } from './fixtures';

/** An order submitted with the guard-band rule, then returned to the customer by CS (step 5). */
function returnedWithGuardBand(): Order {
  const submitted = runOrder(null, A.pelanggan, 'order.submit', {
    orderId: ORDER_ID,
    samples: twoSamples(),
    decisionRule: 'guard_band',
  });
  return runOrder(submitted, A.cs, 'order.return_to_customer', { reason: REASON });
}

describe('order.resubmit (step 4 again, after a return)', () => {
  it('keeps the decision rule chosen before when the resubmission names none', () => {
    const o = runOrder(returnedWithGuardBand(), A.pelanggan, 'order.resubmit', { samples: twoSamples() });
    expect(o.status).toBe('submitted');
    expect(o.decisionRule).toBe('guard_band');
  });

  it('takes the decision rule the resubmission names', () => {
    const o = runOrder(orderAt('returned_to_customer'), A.pelanggan, 'order.resubmit', {
      samples: twoSamples(),
      decisionRule: 'guard_band',
    });
    expect(o.decisionRule).toBe('guard_band');
    const back = runOrder(returnedWithGuardBand(), A.pelanggan, 'order.resubmit', {
      samples: twoSamples(),
      decisionRule: 'simple_acceptance',
    });
    expect(back.decisionRule).toBe('simple_acceptance');
  });

  it('refuses samples that name one id twice, and says which id', () => {
    const [first, second] = twoSamples();
    const r = refuse(orderAt('returned_to_customer'), A.pelanggan, 'order.resubmit', {
      samples: [first, { ...second!, sampleId: first!.sampleId }],
    });
    expect(r).toEqual({
      ok: false,
      code: 'invalid_payload',
      message: { id: `Id ganda dalam pesanan: ${S1}`, en: `Duplicate id in the order: ${S1}` },
    });
  });
});

describe('order.validate: subcontracting in the order review (step 5)', () => {
  it('refuses a subcontractor for a parameter the order does not hold, and names it', () => {
    const unknown = freshId();
    const r = refuse(orderAt('submitted'), A.cs, 'order.validate', {
      orderNumber: 'ORD/BSPJI-PLG/2026/0002',
      subcontractors: [
        { analysisId: S1A1, subcontractor: 'Lab Mitra Terakreditasi' },
        { analysisId: unknown, subcontractor: 'Lab Mitra Terakreditasi' },
      ],
    });
    expect(r).toEqual({
      ok: false,
      code: 'invalid_payload',
      message: {
        id: `Parameter ${unknown} tidak ada pada pesanan.`,
        en: `Analysis ${unknown} is not in this order.`,
      },
    });
  });

  it('records the subcontractor on the parameter it names, and only there', () => {
    const o = runOrder(orderAt('submitted'), A.cs, 'order.validate', {
      orderNumber: 'ORD/BSPJI-PLG/2026/0003',
      subcontractors: [{ analysisId: S1A1, subcontractor: 'Lab Mitra Terakreditasi' }],
    });
    const named = o.samples.flatMap((s) => s.analyses).filter((a) => a.subcontractor !== null);
    expect(named.map((a) => [a.id, a.subcontractor])).toEqual([[S1A1, 'Lab Mitra Terakreditasi']]);
    expect(o.number).toBe('ORD/BSPJI-PLG/2026/0003');
  });
});

describe('order.submit: a customer may not choose a subcontracted laboratory', () => {
  it('is refused, naming the parameter, and tells the customer to leave it empty', () => {
    const [first, second] = twoSamples();
    const named = { ...first!.analyses[1]!, subcontractor: 'Lab Mitra Pilihan Pelanggan' };
    const r = refuse(null, A.pelanggan, 'order.submit', {
      orderId: ORDER_ID,
      samples: [{ ...first!, analyses: [first!.analyses[0]!, named] }, second!],
    });
    expect(r).toEqual({
      ok: false,
      code: 'invalid_payload',
      message: {
        id: `Laboratorium subkontrak ditetapkan oleh CS saat kaji ulang pesanan (langkah 5), bukan oleh pelanggan: kosongkan "subcontractor" pada parameter ${named.parameterName}.`,
        en: `A subcontracted laboratory is chosen by CS in the order review (step 5), not by the customer: leave "subcontractor" empty on parameter ${named.parameterName}.`,
      },
    });
  });

  // The payload schema trims the text and needs one character: a blank subcontractor never reaches
  // the handler, so "named" can only mean a real name.
  it('a blank subcontractor is refused by the payload check, before the handler', () => {
    const [first, second] = twoSamples();
    const blank = { ...first!.analyses[0]!, subcontractor: '   ' };
    const r = refuse(null, A.pelanggan, 'order.submit', {
      orderId: ORDER_ID,
      samples: [{ ...first!, analyses: [blank] }, second!],
    });
    expect(r).toEqual({
      ok: false,
      code: 'invalid_payload',
      message: {
        id: 'Data tidak valid pada "samples.0.analyses.0.subcontractor": wajib diisi',
        en: 'Invalid data at "samples.0.analyses.0.subcontractor": required',
      },
    });
  });
});
