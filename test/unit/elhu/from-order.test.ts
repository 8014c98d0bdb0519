import { describe, expect, it } from 'vitest';
import { OrderSchema } from '../../../shared/domain/entities';
import { demoElhuSource } from '../../../shared/elhu/demo-data';
import { ElhuDataError, elhuDataFromOrder } from '../../../shared/elhu/from-order';

/** The demo report's ten judgments under simple acceptance (the seventh result has no requirement). */
const SIMPLE_ACCEPTANCE = ['met', 'met', 'not_met', 'met', 'met', 'met', 'none', 'met', 'met', 'met'];

describe('elhuDataFromOrder', () => {
  it('builds the report data from valid entities', () => {
    const src = demoElhuSource();
    expect(() => OrderSchema.parse(src.order)).not.toThrow();
    const d = elhuDataFromOrder(src);
    expect(d.reportNumber).toBe('LHU/PLG/2025/03/0001');
    expect(d.orderNumber).toBe('ORD/PLG/2025/03/0001');
    expect(d.sample).toMatchObject({
      number: 'SPL/PLG/2025/0001',
      type: 'Karet remah (crumb rubber) SIR 20',
      receivedOn: '2025-03-03',
    });
    expect(d.customer.contact).toBe('Siti Rahmawati · +62 711 5540 123 · qc@sumberkaretmusi.co.id');
    expect(d.testedFrom).toBe('2025-03-04');
    expect(d.testedTo).toBe('2025-03-08');
    // issuedAt 2025-03-14T02:00Z is 09:00 WIB the same day.
    expect(d.issuedOn).toBe('2025-03-14');
    expect(d.results).toHaveLength(10);
    expect(d.results[0]).toEqual({
      parameter: 'Kadar kotoran (b/b)',
      unit: '%',
      method: 'SNI 1903:2017 Lampiran A (ISO 249)',
      result: '0,092',
      requirement: 'maks. 0,16',
      judgment: 'met',
      uncertainty: '',
      outsideAccreditationScope: false,
      subcontractor: null,
    });
    expect(d.results.map((r) => r.judgment)).toEqual(SIMPLE_ACCEPTANCE);
    expect([d.decisionRule, d.sampling]).toEqual(['simple_acceptance', { by: 'customer' }]);
    expect(d.results[7]!.result).toBe('< 0,5');
    expect(d.requirementSources).toEqual(['SNI 1903:2017']);
    expect(d.kepalaBalai.title).toBe('Kepala Balai Standardisasi dan Pelayanan Jasa Industri Palembang');
    expect(d.verificationUrl).toBe(
      `https://sippt.bspji-palembang.kemenperin.go.id/verifikasi/${src.reportId}`,
    );
    expect(d.replaces).toBeNull();
  });

  it('leaves out analyses replaced by a retest', () => {
    const src = demoElhuSource();
    const analyses = src.order.samples[0]!.analyses;
    analyses.push({
      ...analyses[0]!,
      id: '5e1f00a1-0000-4000-8000-00000000ffff',
      status: 'retest',
      parameterName: 'Kadar kotoran (lama)',
    });
    const d = elhuDataFromOrder(src);
    expect(d.results.map((r) => r.parameter)).not.toContain('Kadar kotoran (lama)');
    expect(d.results).toHaveLength(10);
  });

  it('refuses results that the MT has not validated', () => {
    const src = demoElhuSource();
    src.order.samples[0]!.analyses[2]!.status = 'verified';
    expect(() => elhuDataFromOrder(src)).toThrow(ElhuDataError);
    try {
      elhuDataFromOrder(src);
    } catch (e) {
      expect((e as ElhuDataError).code).toBe('results_not_validated');
      expect((e as ElhuDataError).message).toContain('Kadar zat menguap');
    }
  });

  it('names the replaced report and the reason on an amended report', () => {
    const d = elhuDataFromOrder(demoElhuSource({ amended: true }));
    expect(d.replaces).toEqual({
      number: 'LHU/PLG/2025/03/0001',
      reason: 'Koreksi penulisan alamat pelanggan pada laporan sebelumnya.',
    });
    const src = demoElhuSource({ amended: true });
    src.replacedReportNumber = null;
    expect(() => elhuDataFromOrder(src)).toThrow(/replaced report/);
  });

  it('takes explicit test dates, issue date and verification URL when given', () => {
    const d = elhuDataFromOrder({
      ...demoElhuSource(),
      testedFrom: '2025-03-01',
      testedTo: '2025-03-02',
      issuedOn: '2025-03-20',
      verificationUrl: 'https://x.go.id/v/1',
    });
    expect([d.testedFrom, d.testedTo, d.issuedOn, d.verificationUrl]).toEqual([
      '2025-03-01',
      '2025-03-02',
      '2025-03-20',
      'https://x.go.id/v/1',
    ]);
  });

  it('needs a received, numbered sample and an issue date', () => {
    const a = demoElhuSource();
    a.order.samples[0]!.receivedAt = null;
    expect(() => elhuDataFromOrder(a)).toThrow(/not received/);
    const b = demoElhuSource();
    b.order.samples[0]!.reports[0]!.issuedAt = null;
    expect(() => elhuDataFromOrder(b)).toThrow(/date of issue/);
    const c = demoElhuSource();
    expect(() => elhuDataFromOrder({ ...c, reportId: '5e1f00c3-0000-4000-8000-0000000fffff' })).toThrow(
      /report not on this sample/,
    );
  });

  it("carries the decision rule, U (the analyst's, else the catalog default), sampling, scope and subcontractor", () => {
    const d = elhuDataFromOrder(demoElhuSource({ complete: true }));
    expect(d.decisionRule).toBe('guard_band');
    // The same, but for the sixth result: undecided under the guard band.
    expect(d.sampling).toMatchObject({ by: 'lab', date: '2025-03-01' });
    expect(d.results.map((r) => r.judgment)).toEqual(SIMPLE_ACCEPTANCE.with(5, 'undecided'));
    expect(d.results[0]!.uncertainty).toBe('± 0,008 (k = 2)');
    expect(d.results[7]!.uncertainty).toBe(''); // "< LOD": no U printed
    expect(d.results.filter((r) => r.outsideAccreditationScope).map((r) => r.parameter)).toEqual([
      'Warna / bau',
    ]);
    expect(d.results.filter((r) => r.subcontractor).map((r) => r.parameter)).toEqual([
      'Viskositas Mooney ML(1+4) 100 °C',
    ]);
    // The catalog's default U applies when the analyst gave none.
    const src = demoElhuSource({ complete: true });
    const a = src.order.samples[0]!.analyses[1]! as (typeof src.order.samples)[0]['analyses'][0] & {
      uncertainty?: unknown;
    };
    a.uncertainty = { expanded: 0.6, coverageFactor: 2 };
    delete (a.result as { uncertainty?: unknown }).uncertainty;
    const d2 = elhuDataFromOrder(src);
    expect([d2.results[1]!.uncertainty, d2.results[1]!.judgment]).toEqual(['± 0,6 (k = 2)', 'undecided']);
  });
});
