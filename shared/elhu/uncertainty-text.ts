/**
 * The Analis's expanded uncertainty as typed in the result grid (ISO/IEC 17025 7.8.3.1 c): "0,05"
 * (k from the method's default, else 2) or "0,05 k=2,1"; an empty cell means the catalog default
 * applies. One reading for the grid, its tests and anything else that takes U as text.
 */
import type { Message } from '../domain/rejections';
import { formatNumberId, parseDecimal } from './judgment';
import type { ExpandedUncertainty } from './types';

export type UncertaintyReading =
  { kind: 'empty' } | { kind: 'value'; value: ExpandedUncertainty } | { kind: 'invalid'; message: Message };

/** Coverage factor when neither the analyst nor the catalog names one (about 95 % coverage). */
export const DEFAULT_COVERAGE_FACTOR = 2;

const SHAPE = /^±?\s*([0-9.,]+)\s*(?:[;(]?\s*k\s*=\s*([0-9.,]+)\s*\)?)?$/i;

export function readUncertaintyText(text: string, defaultK: number | null = null): UncertaintyReading {
  const t = text.trim();
  if (t === '') return { kind: 'empty' };
  const m = SHAPE.exec(t);
  const expanded = m ? parseDecimal(m[1]!) : null;
  const k = m?.[2] !== undefined ? parseDecimal(m[2]) : (defaultK ?? DEFAULT_COVERAGE_FACTOR);
  if (!m || expanded === null || k === null) {
    return {
      kind: 'invalid',
      message: {
        id: 'U ditulis sebagai angka, mis. 0,05 atau 0,05 k=2',
        en: 'Write U as a number, e.g. 0,05 or 0,05 k=2',
      },
    };
  }
  if (expanded <= 0)
    return { kind: 'invalid', message: { id: 'U harus lebih dari 0', en: 'U must be above 0' } };
  if (k < 1 || k > 10) {
    return { kind: 'invalid', message: { id: 'k harus antara 1 dan 10', en: 'k must be between 1 and 10' } };
  }
  return { kind: 'value', value: { expanded, coverageFactor: k } };
}

/** A stored U as the grid shows it for editing: "0,05 k=2". */
export function uncertaintyText(u: ExpandedUncertainty | null | undefined): string {
  return u ? `${formatNumberId(u.expanded)} k=${formatNumberId(u.coverageFactor)}` : '';
}
