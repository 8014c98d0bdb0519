import type { Report, Sample } from '../../../../shared/domain/entities';

/** The sample's report that is still current (not superseded by an amendment). */
export function currentReport(sample: Sample): Report | null {
  const live = sample.reports.filter((r) => r.status !== 'superseded');
  return live[live.length - 1] ?? null;
}
