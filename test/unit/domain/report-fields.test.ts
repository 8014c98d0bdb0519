/**
 * What the E-LHU needs from the order (issue 10): the decision rule chosen with the order, who took
 * each sample, and per analysis the catalog's default U, the accreditation scope and a subcontractor.
 */
import { describe, expect, it } from 'vitest';
import { COMMAND_PAYLOADS, OrderedAnalysisSchema } from '../../../shared/domain/commands';
import {
  AnalysisSchema,
  OrderSchema,
  ParameterSchema,
  ResultSchema,
  SampleSchema,
} from '../../../shared/domain/entities';
import {
  A,
  ORDER_ID,
  S1,
  S1A1,
  S2,
  analysisAt,
  refuse,
  runOrder,
  sampleOf,
  twoSamples,
  storedParameter,
} from './fixtures';

describe('report fields of the order', () => {
  it('stores the decision rule chosen at submission (simple acceptance when not chosen)', () => {
    const samples = twoSamples();
    expect(runOrder(null, A.pelanggan, 'order.submit', { orderId: ORDER_ID, samples }).decisionRule).toBe(
      'simple_acceptance',
    );
    const o = runOrder(null, A.pelanggan, 'order.submit', {
      orderId: ORDER_ID,
      samples,
      decisionRule: 'guard_band',
    });
    expect(o.decisionRule).toBe('guard_band');
    expect(
      COMMAND_PAYLOADS['order.submit'].safeParse({ orderId: ORDER_ID, samples, decisionRule: 'strict' })
        .success,
    ).toBe(false);
  });

  it("stores who took each sample, with the lab's date, plan and method", () => {
    const [s1, s2] = twoSamples();
    const sampling = {
      by: 'lab' as const,
      date: '2025-03-01',
      plan: 'RPC/PLG/2025/014',
      method: 'SNI 1903:2017 butir 7',
    };
    const o = runOrder(null, A.pelanggan, 'order.submit', {
      orderId: ORDER_ID,
      samples: [{ ...s1!, sampling }, s2!],
    });
    expect(sampleOf(o, S1).sampling).toEqual(sampling);
    expect(sampleOf(o, S2).sampling).toEqual({ by: 'customer' });
    expect(
      COMMAND_PAYLOADS['order.submit'].safeParse({
        orderId: ORDER_ID,
        samples: [{ ...s1!, sampling: { by: 'lab', date: '2025-03-01' } }],
      }).success,
    ).toBe(false);
  });

  it('copies the catalog U, the scope and the subcontractor into each analysis, and a retest keeps them', () => {
    const [s1, s2] = twoSamples();
    const analyses = s1!.analyses.map((a, i) => ({
      ...a,
      uncertainty: i === 0 ? { expanded: 0.01, coverageFactor: 2 } : null,
      accredited: i !== 1,
    }));
    const submitted = runOrder(null, A.pelanggan, 'order.submit', {
      orderId: ORDER_ID,
      samples: [{ ...s1!, analyses }, s2!],
    });
    // The subcontractor is CS's, named in the order review (step 5).
    const third = sampleOf(submitted, S1).analyses[2]!.id;
    const o = runOrder(submitted, A.cs, 'order.validate', {
      orderNumber: 'ORD/1',
      subcontractors: [{ analysisId: third, subcontractor: 'Lab Mitra' }],
    });
    const got = sampleOf(o, S1).analyses;
    expect(got.map((a) => a.uncertainty)).toEqual([{ expanded: 0.01, coverageFactor: 2 }, null, null]);
    expect(got.map((a) => a.accredited)).toEqual([true, false, true]);
    expect(got.map((a) => a.subcontractor)).toEqual([null, null, 'Lab Mitra']);
    expect(sampleOf(o, S2).analyses.every((a) => a.accredited === true && a.uncertainty === null)).toBe(true);
    const r = analysisAt('retest');
    const old = sampleOf(r, S1).analyses.find((a) => a.id === S1A1)!;
    const fresh = sampleOf(r, S1).analyses.find((a) => a.retestOf === S1A1)!;
    expect([fresh.uncertainty, fresh.accredited, fresh.subcontractor]).toEqual([
      old.uncertainty,
      old.accredited,
      old.subcontractor,
    ]);
  });

  it("refuses a subcontractor named in the customer's order (submit or resubmit): CS names it at step 5", () => {
    const [s1] = twoSamples();
    const analyses = s1!.analyses.map((a, i) => ({ ...a, subcontractor: i === 0 ? 'Lab Mitra' : null }));
    const r = refuse(null, A.pelanggan, 'order.submit', {
      orderId: ORDER_ID,
      samples: [{ ...s1!, analyses }],
    });
    expect(r.message.en).toContain('chosen by CS in the order review (step 5), not by the customer');
    const returned = runOrder(
      runOrder(null, A.pelanggan, 'order.submit', { orderId: ORDER_ID, samples: [s1!] }),
      A.cs,
      'order.return_to_customer',
      { reason: 'Lengkapi deskripsi contoh.' },
    );
    expect(
      refuse(returned, A.pelanggan, 'order.resubmit', { samples: [{ ...s1!, analyses }] }).message.id,
    ).toContain('ditetapkan oleh CS');
  });

  it("parses entities stored before these fields, and a result with the analyst's U", () => {
    const o = analysisAt('pending');
    const stored = JSON.parse(JSON.stringify(o)) as Record<string, unknown> & {
      samples: Record<string, unknown>[];
    };
    delete stored.decisionRule;
    delete stored.samples[0]!.sampling;
    const parsed = OrderSchema.parse(stored);
    expect(parsed.decisionRule).toBeUndefined();
    expect(SampleSchema.parse(stored.samples[0]).sampling).toBeUndefined();
    expect(AnalysisSchema.parse(sampleOf(o, S1).analyses[0]).subcontractor ?? null).toBeNull();
    const p = storedParameter();
    expect(
      ParameterSchema.parse({ ...p, uncertainty: { expanded: 0.02, coverageFactor: 2 }, accredited: false }),
    ).toMatchObject({ accredited: false });
    expect(
      ParameterSchema.safeParse({ ...p, uncertainty: { expanded: -1, coverageFactor: 2 } }).success,
    ).toBe(false);
    const result = {
      value: '0,12',
      numeric: 0.12,
      unit: 'mg/kg',
      uncertainty: { expanded: 0.01, coverageFactor: 2 },
    };
    expect(ResultSchema.parse(result).uncertainty).toEqual({ expanded: 0.01, coverageFactor: 2 });
    expect(
      ResultSchema.safeParse({ ...result, uncertainty: { expanded: 0.01, coverageFactor: 0.5 } }).success,
    ).toBe(false);
    expect(OrderedAnalysisSchema.shape.accredited.parse(undefined)).toBe(true);
  });
});
