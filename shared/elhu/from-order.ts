/**
 * Order / Sample / Report entities -> ElhuData. Server (step 18) and desktop (signing preview) call
 * this one mapping so that the same entities always give the same report.
 */
import type { Analysis, Customer, Order, Report, Sample } from '../domain/entities';
import { localDate } from './dates';
import { formatRequirement, formatResult, formatUncertainty, judgeResult } from './judgment';
import type {
  DecisionRule,
  ElhuData,
  ElhuResultRow,
  ElhuSampling,
  ElhuUnit,
  ExpandedUncertainty,
} from './types';

/**
 * The report fields of the entities (ISO/IEC 17025 7.8.2.1, 7.8.3.1 c, 7.8.6), read when present:
 * absent means simple acceptance, sampled by the customer, inside the accreditation scope, done
 * in-house, no uncertainty stated.
 */
type ReportedOrder = Order & { decisionRule?: DecisionRule | null };
type ReportedSample = Sample & { sampling?: ElhuSampling | null };
type ReportedAnalysis = Analysis & {
  /** The catalog's default U, copied at submission. */
  uncertainty?: ExpandedUncertainty | null;
  /** False: outside the unit's accreditation scope. */
  accredited?: boolean | null;
  /** The subcontracted laboratory's name. */
  subcontractor?: string | null;
};
type ReportedResult = NonNullable<Analysis['result']> & { uncertainty?: ExpandedUncertainty | null };

export class ElhuDataError extends Error {
  constructor(
    readonly code:
      | 'sample_not_found'
      | 'report_not_found'
      | 'sample_not_numbered'
      | 'sample_not_received'
      | 'order_not_numbered'
      | 'results_not_validated'
      | 'no_results'
      | 'no_issue_date'
      | 'no_test_dates'
      | 'replaced_report_unknown'
      | 'no_verification_url',
    readonly messageId: string,
    readonly messageEn: string,
  ) {
    super(`${messageId} / ${messageEn}`);
    this.name = 'ElhuDataError';
  }
}

export interface ElhuSource {
  order: Order;
  sampleId: string;
  reportId: string;
  customer: Pick<Customer, 'companyName' | 'contactName' | 'email' | 'phone' | 'address'>;
  unit: ElhuUnit;
  /** The laboratory that did the tests ("where tested", 7.8.2.1 c). */
  lab: { name: string; address: string };
  kepalaBalai: { name: string; nip: string; title?: string; certificateIssuer?: string | null };
  /** Base of the public verification page; the report id is appended. */
  verificationBaseUrl?: string;
  /** The full verification URL of this report (takes precedence over verificationBaseUrl). */
  verificationUrl?: string;
  /** The report this one replaces (for an amended report): its number. Required when report.replaces is set. */
  replacedReportNumber?: string | null;
  /** Date of issue; defaults to the report's issuedAt (local date of the unit). */
  issuedOn?: string;
  /** Overrides the test period taken from the results' test dates. */
  testedFrom?: string;
  testedTo?: string;
  deviations?: string;
  notes?: string[];
}

/** The analyses that go on the report: all but those replaced by a retest. */
export function reportedAnalyses(sample: Sample): Analysis[] {
  return sample.analyses.filter((a) => a.status !== 'retest');
}

function verificationUrlOf(src: ElhuSource, reportId: string): string {
  if (src.verificationUrl) return src.verificationUrl;
  if (!src.verificationBaseUrl) {
    throw new ElhuDataError(
      'no_verification_url',
      'alamat verifikasi belum diatur',
      'no verification URL configured',
    );
  }
  return `${src.verificationBaseUrl.replace(/\/+$/, '')}/${encodeURIComponent(reportId)}`;
}

export function elhuDataFromOrder(src: ElhuSource): ElhuData {
  const { order, unit } = src;
  const sample = order.samples.find((s) => s.id === src.sampleId);
  if (!sample)
    throw new ElhuDataError('sample_not_found', 'contoh tidak ada di order ini', 'sample not in this order');
  const report: Report | undefined = sample.reports.find((r) => r.id === src.reportId);
  if (!report)
    throw new ElhuDataError(
      'report_not_found',
      'laporan tidak ada pada contoh ini',
      'report not on this sample',
    );
  if (!sample.number)
    throw new ElhuDataError('sample_not_numbered', 'contoh belum bernomor', 'sample has no number yet');
  if (!sample.receivedAt)
    throw new ElhuDataError('sample_not_received', 'contoh belum diterima', 'sample not received yet');
  if (!order.number)
    throw new ElhuDataError('order_not_numbered', 'order belum bernomor', 'order has no number yet');

  const analyses = reportedAnalyses(sample);
  if (analyses.length === 0)
    throw new ElhuDataError('no_results', 'tidak ada parameter uji', 'no parameters to report');
  const notValidated = analyses.filter((a) => a.status !== 'validated' || a.result === null);
  if (notValidated.length > 0) {
    const names = notValidated.map((a) => a.parameterName).join(', ');
    throw new ElhuDataError(
      'results_not_validated',
      `hasil belum divalidasi MT: ${names}`,
      `results not validated by the MT yet: ${names}`,
    );
  }

  const rule: DecisionRule = (order as ReportedOrder).decisionRule ?? 'simple_acceptance';
  const rows: ElhuResultRow[] = [];
  const sources: string[] = [];
  const testDates: string[] = [];
  for (const analysis of analyses) {
    const a = analysis as ReportedAnalysis;
    const result = a.result! as ReportedResult;
    // The analyst's U, else the catalog's default for the method; none for a "< LOD" result.
    const u = result.belowDetectionLimit ? null : (result.uncertainty ?? a.uncertainty ?? null);
    rows.push({
      parameter: a.parameterName,
      unit: result.unit.trim() !== '' ? result.unit : a.unit,
      method: a.method,
      result: formatResult(result),
      requirement: formatRequirement(a.requirement),
      judgment: judgeResult(result, a.requirement, rule, result.uncertainty ?? a.uncertainty ?? null),
      uncertainty: formatUncertainty(u),
      outsideAccreditationScope: a.accredited === false,
      subcontractor: a.subcontractor?.trim() || null,
    });
    const source = a.requirement?.source?.trim();
    if (source && !sources.includes(source)) sources.push(source);
    if (result.testedOn) testDates.push(result.testedOn);
  }
  testDates.sort();

  const issuedOn = src.issuedOn ?? (report.issuedAt ? localDate(report.issuedAt, unit.timeZone) : null);
  if (!issuedOn) throw new ElhuDataError('no_issue_date', 'tanggal terbit belum ada', 'no date of issue yet');
  const testedFrom = src.testedFrom ?? testDates[0];
  const testedTo = src.testedTo ?? testDates[testDates.length - 1];
  if (!testedFrom || !testedTo) {
    throw new ElhuDataError('no_test_dates', 'tanggal pengujian tidak diketahui', 'test dates unknown');
  }

  let replaces: ElhuData['replaces'] = null;
  if (report.replaces) {
    if (!src.replacedReportNumber) {
      throw new ElhuDataError(
        'replaced_report_unknown',
        'nomor laporan yang diganti harus diberikan',
        'the number of the replaced report is required',
      );
    }
    replaces = { number: src.replacedReportNumber, reason: report.amendReason ?? '' };
  }

  const c = src.customer;
  const contact = [c.contactName, c.phone, c.email].filter((s) => s.trim() !== '').join(' · ');
  return {
    unit,
    reportNumber: report.number,
    reportId: report.id,
    replaces,
    customer: { name: c.companyName, address: c.address, contact },
    orderNumber: order.number,
    sample: {
      number: sample.number,
      type: sample.sampleTypeName,
      description: sample.description,
      customerLabel: sample.customerLabel,
      condition: sample.condition ?? '',
      receivedOn: localDate(sample.receivedAt, unit.timeZone),
    },
    testLocation: [src.lab.name, src.lab.address].filter((s) => s.trim() !== '').join(', '),
    testedFrom,
    testedTo,
    issuedOn,
    decisionRule: rule,
    sampling: (sample as ReportedSample).sampling ?? { by: 'customer' },
    results: rows,
    requirementSources: sources,
    deviations: src.deviations ?? '',
    notes: src.notes ?? [],
    kepalaBalai: {
      name: src.kepalaBalai.name,
      nip: src.kepalaBalai.nip,
      title: src.kepalaBalai.title ?? `Kepala ${unit.name}`,
      certificateIssuer: src.kepalaBalai.certificateIssuer ?? null,
    },
    verificationUrl: verificationUrlOf(src, report.id),
  };
}
