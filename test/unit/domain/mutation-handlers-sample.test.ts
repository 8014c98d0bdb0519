/**
 * The Penyelia's assignment of analysts (SOP step 13), through `decide`: an assignment may only name
 * the sample's own parameters, and the refusal says which one it does not hold.
 */
import { describe, expect, it } from 'vitest';
import {
  A,
  S1,
  S2_ANALYSES,
  activeOf,
  analysisOf,
  freshId,
  refuse,
  runOrder,
  sampleAt,
  sampleOf,
} from './fixtures';

const assignAll = () =>
  activeOf(sampleAt('received'), S1).map((a) => ({ analysisId: a.id, analystId: A.analis1.userId }));

describe('sample.assign_analysts (step 13)', () => {
  const notInSample = (id: string) => ({
    ok: false,
    code: 'invalid_payload',
    message: { id: `Parameter ${id} tidak ada pada sampel.`, en: `Analysis ${id} is not in this sample.` },
  });

  it('refuses an analysis id the order does not hold, beside a complete assignment', () => {
    const unknown = freshId();
    const r = refuse(sampleAt('received'), A.penyelia, 'sample.assign_analysts', {
      sampleId: S1,
      assignments: [...assignAll(), { analysisId: unknown, analystId: A.analis2.userId }],
    });
    expect(r).toEqual(notInSample(unknown));
  });

  it("refuses a parameter of the order's other sample", () => {
    const other = S2_ANALYSES[0];
    const r = refuse(sampleAt('received'), A.penyelia, 'sample.assign_analysts', {
      sampleId: S1,
      assignments: [...assignAll(), { analysisId: other, analystId: A.analis2.userId }],
    });
    expect(r).toEqual(notInSample(other));
  });

  it("gives each of the sample's parameters the analyst named for it", () => {
    const assignments = assignAll().map((x, i) => (i === 1 ? { ...x, analystId: A.analis2.userId } : x));
    const o = runOrder(sampleAt('received'), A.penyelia, 'sample.assign_analysts', {
      sampleId: S1,
      assignments,
    });
    expect(sampleOf(o, S1).status).toBe('assigned');
    expect(assignments.map((x) => analysisOf(o, S1, x.analysisId).analystId)).toEqual([
      A.analis1.userId,
      A.analis2.userId,
      A.analis1.userId,
    ]);
  });
});
