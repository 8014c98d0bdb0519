/**
 * The results handlers (SOP steps 14-16 and the retest), through `decide`: the refusals the analyst
 * and the Penyelia read, the events a saved draft and a retest record, and the analyses afterwards.
 */
import { describe, expect, it } from 'vitest';
import type { Order } from '../../../shared/domain/entities';
import {
  A,
  S1,
  S1A1,
  activeOf,
  analysisAt,
  analysisOf,
  attempt,
  freshId,
  refuse,
  resultFor,
  sampleAt,
  sampleOf,
} from './fixtures';

const RETEST_REASON = 'Hasil duplo menyimpang, uji ulang';

function accepted(d: ReturnType<typeof attempt>) {
  if (!d.ok) throw new Error(`refused: ${d.message.en}`);
  return d;
}

describe('result.save (step 14)', () => {
  it('saving a draft again records the analysis staying a draft, with the new result', () => {
    const o = analysisAt('draft');
    const result = { ...resultFor(analysisOf(o, S1, S1A1)), value: '0.002', numeric: 0.002 };
    const d = accepted(attempt(o, A.analis1, 'result.save', { sampleId: S1, analysisId: S1A1, result }));
    expect(d.events.map((e) => [e.entity, e.entityId, e.sampleId, e.from, e.to])).toEqual([
      ['analysis', S1A1, S1, 'draft', 'draft'],
    ]);
    expect(analysisOf(d.state as Order, S1, S1A1)).toMatchObject({
      status: 'draft',
      enteredBy: A.analis1.userId,
    });
    expect(analysisOf(d.state as Order, S1, S1A1).result).toMatchObject({ value: '0.002' });
  });
});

describe('result.submit (step 14)', () => {
  // Saving a draft always stores a result; a draft without one is built by hand (a damaged record),
  // and it may not be sent on to the Penyelia.
  it('refuses a draft that holds no result', () => {
    const o = structuredClone(analysisAt('draft'));
    analysisOf(o, S1, S1A1).result = null;
    expect(refuse(o, A.analis1, 'result.submit', { sampleId: S1, analysisId: S1A1 })).toEqual({
      ok: false,
      code: 'invalid_transition',
      message: { id: 'Isi hasil sebelum mengirim.', en: 'Enter a result before submitting.' },
    });
  });
});

describe('results.verify (step 15)', () => {
  it('refuses while results are missing, and says how many', () => {
    expect(refuse(sampleAt('in_testing'), A.penyelia, 'results.verify', { sampleId: S1 })).toEqual({
      ok: false,
      code: 'invalid_transition',
      message: {
        id: 'Masih ada 3 parameter yang hasilnya belum dikirim analis.',
        en: '3 analyses still have no submitted result.',
      },
    });
  });
});

describe('analysis.request_retest (step 15)', () => {
  const retest = (payload: Record<string, unknown>) =>
    attempt(analysisAt('submitted'), A.penyelia, 'analysis.request_retest', {
      sampleId: S1,
      analysisId: S1A1,
      newAnalysisId: freshId(),
      reason: RETEST_REASON,
      ...payload,
    });

  it('refuses a new analysis id the sample already holds', () => {
    const other = activeOf(analysisAt('submitted'), S1)[1]!.id;
    expect(retest({ newAnalysisId: other })).toEqual({
      ok: false,
      code: 'invalid_payload',
      message: { id: 'Id analisis baru sudah dipakai.', en: 'The new analysis id is already used.' },
    });
  });

  const notAnalyst = {
    ok: false,
    code: 'forbidden',
    message: {
      id: 'Penyelia atau MT sampel tidak boleh menjadi analisnya.',
      en: "The sample's Penyelia or MT may not be its analyst.",
    },
  };

  it("refuses the sample's Penyelia or MT as the retest's analyst", () => {
    expect(retest({ analystId: A.penyelia.userId })).toEqual(notAnalyst);
    expect(retest({ analystId: A.mt.userId })).toEqual(notAnalyst);
  });

  it('records the old analysis retested with the reason, then the new one pending', () => {
    const newAnalysisId = freshId();
    const d = accepted(retest({ newAnalysisId, analystId: A.analis3.userId }));
    expect(d.events.map((e) => [e.entity, e.entityId, e.sampleId, e.from, e.to, e.reason])).toEqual([
      ['analysis', S1A1, S1, 'submitted', 'retest', RETEST_REASON],
      ['analysis', newAnalysisId, S1, null, 'pending', null],
    ]);
    expect(analysisOf(d.state as Order, S1, newAnalysisId)).toMatchObject({
      status: 'pending',
      analystId: A.analis3.userId,
      retestOf: S1A1,
      retestReason: RETEST_REASON,
      result: null,
    });
  });
});

describe('results.validate (step 16)', () => {
  // The state table lets only the sample's MT validate, and assignment keeps the MT from being an
  // analyst; an MT named as an analyst is a record built by hand, and separation of duties must
  // still hold for it (ISO/IEC 17025 7.8.1: the validator is not the tester).
  it("refuses an MT who is an analysis' assigned analyst, even if someone else entered its result", () => {
    const o = structuredClone(sampleAt('results_verified'));
    analysisOf(o, S1, S1A1).analystId = A.mt.userId;
    expect(refuse(o, A.mt, 'results.validate', { sampleId: S1 })).toEqual({
      ok: false,
      code: 'forbidden',
      message: {
        id: 'Validasi MT harus oleh orang lain dari analis dan Penyelia yang memverifikasi.',
        en: 'MT validation needs a person other than the analyst and the verifying Penyelia.',
      },
    });
    expect(sampleOf(sampleAt('results_verified'), S1).status).toBe('results_verified');
  });
});
