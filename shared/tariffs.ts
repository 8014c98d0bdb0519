import type { Order } from './domain/entities';
import { activeAnalyses } from './domain/state';

/**
 * PNBP tariffs (PP 54/2021): per parameter per sample, integers in rupiah. These are the totals an
 * order shows; the billing amount is the approved total.
 */
export interface SampleTotal {
  sampleId: string;
  label: string;
  lines: { analysisId: string; parameterName: string; tariff: number }[];
  subtotal: number;
}
export interface OrderTotals {
  samples: SampleTotal[];
  total: number;
  parameterCount: number;
}

export function orderTotals(order: Pick<Order, 'samples'>): OrderTotals {
  const samples = order.samples.map((s) => {
    const lines = activeAnalyses(s).map((a) => ({
      analysisId: a.id,
      parameterName: a.parameterName,
      tariff: a.tariff,
    }));
    return {
      sampleId: s.id,
      label: s.number ?? s.customerLabel ?? s.description,
      lines,
      subtotal: lines.reduce((sum, l) => sum + l.tariff, 0),
    };
  });
  return {
    samples,
    total: samples.reduce((sum, s) => sum + s.subtotal, 0),
    parameterCount: samples.reduce((n, s) => n + s.lines.length, 0),
  };
}

/** Quote for an order being composed: parameter tariffs from the catalog, times each sample. */
export function quote(samples: readonly { parameterTariffs: readonly number[] }[]): number {
  return samples.reduce((sum, s) => sum + s.parameterTariffs.reduce((a, b) => a + b, 0), 0);
}

/** "Rp 1.250.000" as Indonesians write it. */
export function formatRupiah(amount: number): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError('rupiah amounts are integers');
  // Built per call, not at import: a wrong option then fails the call that uses it (and the
  // mutation run sees it), not the loading of every module that imports the tariffs.
  const rupiahFormat = new Intl.NumberFormat('id-ID', {
    style: 'currency',
    currency: 'IDR',
    maximumFractionDigits: 0,
  });
  return rupiahFormat.format(amount).replace(/\u00a0/g, ' ');
}
