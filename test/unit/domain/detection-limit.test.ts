/** The method's detection limit travels from the catalog into each analysis, and survives a retest. */
import { describe, expect, it } from 'vitest';
import { OrderedAnalysisSchema } from '../../../shared/domain/commands';
import { AnalysisSchema, ParameterSchema } from '../../../shared/domain/entities';
import {
  A,
  CATALOG,
  ORDER_ID,
  S1,
  S1A1,
  S1_ANALYSES,
  S2,
  analysisAt,
  freshId,
  orderedSample,
  runOrder,
  sampleOf,
  twoSamples,
  storedParameter,
} from './fixtures';

describe('detection limit', () => {
  it('is copied from the ordered parameter into the analysis at submission (null when the method has none)', () => {
    const [s1, s2] = twoSamples();
    const withLimit = {
      ...s1!,
      analyses: s1!.analyses.map((a, i) => ({ ...a, detectionLimit: i === 2 ? 0.002 : null })),
    };
    const o = runOrder(null, A.pelanggan, 'order.submit', { orderId: ORDER_ID, samples: [withLimit, s2!] });
    expect(sampleOf(o, S1).analyses.map((a) => a.detectionLimit)).toEqual([null, null, 0.002]);
    // Ordered without the field (as the desktop and older clients send it): null.
    expect(sampleOf(o, S2).analyses.every((a) => a.detectionLimit === null)).toBe(true);
  });

  it('a retest keeps the limit of the analysis it repeats', () => {
    const o = analysisAt('retest');
    const old = sampleOf(o, S1).analyses.find((a) => a.id === S1A1)!;
    const fresh = sampleOf(o, S1).analyses.find((a) => a.retestOf === S1A1)!;
    expect(fresh.detectionLimit).toBe(old.detectionLimit);
  });

  it('must be positive and finite; stored parameters and analyses without it parse as null', () => {
    const p = storedParameter();
    expect(ParameterSchema.parse(p).detectionLimit).toBeNull();
    expect(ParameterSchema.parse({ ...p, detectionLimit: 0.05 }).detectionLimit).toBe(0.05);
    for (const bad of [0, -0.1, Number.POSITIVE_INFINITY, '0.05'])
      expect(ParameterSchema.safeParse({ ...p, detectionLimit: bad }).success).toBe(false);
    const ordered = orderedSample(S1, CATALOG.amdk, S1_ANALYSES, 'AMDK 600 mL').analyses[0]!;
    expect(OrderedAnalysisSchema.parse(ordered).detectionLimit).toBeNull();
    expect(
      OrderedAnalysisSchema.safeParse({ ...ordered, analysisId: freshId(), detectionLimit: -1 }).success,
    ).toBe(false);
    const stored = { ...sampleOf(analysisAt('pending'), S1).analyses[0]! } as Record<string, unknown>;
    delete stored.detectionLimit;
    expect(AnalysisSchema.parse(stored).detectionLimit).toBeNull();
  });
});
