import { IKM_ELEMENTS, ikmIndex } from './domain/entities';

/**
 * The public-service satisfaction index (Indeks Kepuasan Masyarakat, PermenPANRB 14/2017) of a set
 * of surveys: each of the nine elements is scored 1..4; the element means (NRR per unsur) are
 * weighted equally (1/9), and the weighted mean times 25 is the index (25..100). Every survey
 * scores all nine elements, so this equals the mean of all scores times 25 (`ikmIndex`).
 *
 * The quality of service (mutu pelayanan) follows the converted interval (nilai interval konversi)
 * of the regulation, read on the index rounded to two decimals. This is the one list of the
 * categories: the server's records, their exports and any screen read it from here.
 */
export interface IkmCategory {
  grade: 'A' | 'B' | 'C' | 'D';
  /** Kinerja unit pelayanan, as the regulation names it. */
  label: { id: string; en: string };
  /** Interval of the index, both ends included, two decimals. */
  min: number;
  max: number;
}

export const IKM_CATEGORIES: readonly IkmCategory[] = [
  { grade: 'A', label: { id: 'Sangat Baik', en: 'Very good' }, min: 88.31, max: 100 },
  { grade: 'B', label: { id: 'Baik', en: 'Good' }, min: 76.61, max: 88.3 },
  { grade: 'C', label: { id: 'Kurang Baik', en: 'Poor' }, min: 65, max: 76.6 },
  { grade: 'D', label: { id: 'Tidak Baik', en: 'Bad' }, min: 25, max: 64.99 },
];

/** The index as reported: two decimals (the categories' intervals are written with two), halves up. */
export function roundIkm(index: number): number {
  // The tolerance keeps 88.305 (8830.499999… in binary) a half that rounds up.
  return Math.round(index * 100 + 1e-7) / 100;
}

/** The category of an index (rounded to two decimals first); null outside 25..100. */
export function ikmCategory(index: number): IkmCategory | null {
  const v = roundIkm(index);
  return IKM_CATEGORIES.find((c) => v >= c.min && v <= c.max) ?? null;
}

export interface IkmSummary {
  /** Surveys counted. */
  count: number;
  /** Mean score (1..4) of each of the nine elements, in IKM_ELEMENTS order; null without surveys. */
  elementMeans: (number | null)[];
  /** Index, two decimals; null without surveys. */
  index: number | null;
  category: IkmCategory | null;
}

/** The IKM of a set of surveys (each nine scores of 1..4). */
export function ikmSummary(surveys: readonly (readonly number[])[]): IkmSummary {
  const n = surveys.length;
  if (n === 0) return { count: 0, elementMeans: IKM_ELEMENTS.map(() => null), index: null, category: null };
  const elementMeans = IKM_ELEMENTS.map((_, i) => surveys.reduce((sum, s) => sum + s[i]!, 0) / n);
  const index = roundIkm(ikmIndex(elementMeans));
  return { count: n, elementMeans, index, category: ikmCategory(index) };
}
