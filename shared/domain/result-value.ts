/**
 * The number rule of a saved result (SOP step 14), one schema for every door a result comes in by:
 * the HTTP body of PUT .../result, the `result.save` command (pushed by a desktop, or applied on
 * it), and so the desktop's own check before it queues the command. The E-LHU prints `value` as
 * written, while the judgment reads `numeric` (or the limit of a "< …" result): the two must say the
 * same number, or the report prints one thing and judges another.
 *
 * - `numeric` given: `value` is a number as a lab writes it (`parseLabNumber`: "12,5", "12.5",
 *   "1.234,5", "2,5 × 10^4") and says that number; not below the detection limit.
 * - `belowDetectionLimit`: `value` is "<" and a positive number ("< 0,05"), `detectionLimit` is that
 *   number, `numeric` is null.
 * - Neither: `value` is a word ("negatif"), or a number the server reads into `numeric` itself.
 *   A value written "< …" is a below-limit result and must say so.
 * JSON Schema cannot tie two fields together, so the document gives the three shapes (anyOf) with
 * examples of the ones whose numbers must agree, and states the rule in words.
 */
import type { z } from 'zod';
import { ResultSchema } from './entities';
import { parseLabNumber } from './result-text';

/** Two readings of one written number agree (the desktop and the server parse the same text). */
const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** The number after "<" of a below-limit value, or null. */
function limitOf(value: string): number | null {
  if (!value.startsWith('<')) return null;
  const n = parseLabNumber(value.slice(1).trim());
  return n !== null && n > 0 ? n : null;
}

const RULE_TEXT =
  'Aturan angka / number rule: bila `numeric` diisi, `value` adalah angka itu seperti ditulis lab ("12,5", "12.5", "1.234,5", "2,5 × 10^4"); ' +
  'hasil di bawah batas deteksi ditulis "< 0,05" dengan belowDetectionLimit true, detectionLimit = angka itu, numeric null; ' +
  'selain itu `value` berupa kata ("negatif") atau angka yang dibaca server ke `numeric`. / ' +
  'when `numeric` is given, `value` is that number as a lab writes it; a below-limit result is written "< 0,05" with belowDetectionLimit true, ' +
  'detectionLimit equal to that number and numeric null; otherwise `value` is a word, or a number the server reads into `numeric`.';

const numberExample = {
  value: '12,5',
  numeric: 12.5,
  unit: 'mg/kg',
  belowDetectionLimit: false,
  detectionLimit: null,
};
const belowExample = {
  value: '< 0,05',
  numeric: null,
  unit: 'mg/kg',
  belowDetectionLimit: true,
  detectionLimit: 0.05,
};

export const ResultInputSchema = ResultSchema.superRefine((r, ctx) => {
  const issue = (field: string, id: string, en: string) =>
    ctx.addIssue({ code: 'custom', path: [field], message: `${id} / ${en}` });
  const written = parseLabNumber(r.value);
  if (r.belowDetectionLimit) {
    const limit = limitOf(r.value);
    if (limit === null)
      issue(
        'value',
        'hasil di bawah batas deteksi ditulis "<" dan angka positif, mis. "< 0,05"',
        'a below-limit result is "<" and a positive number, e.g. "< 0,05"',
      );
    else if (r.detectionLimit !== null && !same(limit, r.detectionLimit)) {
      issue(
        'detectionLimit',
        `harus ${limit}, batas yang tertulis pada hasil`,
        `must be ${limit}, the limit written in the result`,
      );
    }
    if (r.numeric !== null)
      issue(
        'numeric',
        'harus null untuk hasil di bawah batas deteksi',
        'must be null for a below-limit result',
      );
    return;
  }
  if (r.value.startsWith('<')) {
    issue(
      'belowDetectionLimit',
      'hasil yang ditulis "< …" berada di bawah batas deteksi: isi true',
      'a result written "< …" is below the detection limit: set it to true',
    );
    return;
  }
  if (r.numeric === null) return;
  if (written === null) {
    issue(
      'value',
      'harus angka seperti ditulis lab (mis. 12,5 / 1.234,5 / 2,5 × 10^4) bila numeric diisi',
      'must be a number as a lab writes it (e.g. 12,5 / 1.234,5 / 2,5 × 10^4) when numeric is given',
    );
  } else if (!same(written, r.numeric)) {
    issue(
      'numeric',
      `tidak sama dengan nilai yang tertulis (${r.value} = ${written})`,
      `does not match the value as written (${r.value} = ${written})`,
    );
  }
})
  // A number written without `numeric`: the server reads it, as the desktop does.
  .transform((r) =>
    r.numeric === null && !r.belowDetectionLimit && !r.value.startsWith('<')
      ? { ...r, numeric: parseLabNumber(r.value) }
      : r,
  )
  .meta({
    description: RULE_TEXT,
    anyOf: [
      {
        description: 'Angka / a number: numeric = value dibaca sebagai angka / value read as a number',
        properties: { numeric: { type: 'number' }, belowDetectionLimit: { const: false } },
        required: ['numeric'],
        examples: [
          numberExample,
          { ...numberExample, value: '1.234,5', numeric: 1234.5 },
          { ...numberExample, value: '2,5 × 10^4', numeric: 25000 },
        ],
      },
      {
        description:
          'Di bawah batas deteksi / below the detection limit: value "< n", detectionLimit = n, numeric null',
        properties: {
          numeric: { type: 'null' },
          belowDetectionLimit: { const: true },
          detectionLimit: { type: 'number' },
        },
        required: ['numeric', 'belowDetectionLimit', 'detectionLimit'],
        examples: [belowExample, { ...belowExample, value: '< 0,002', detectionLimit: 0.002 }],
      },
      {
        description:
          'Kata, atau angka yang dibaca server / a word, or a number the server reads: numeric null',
        properties: {
          numeric: { type: 'null' },
          belowDetectionLimit: { const: false },
          value: { not: { pattern: '^<' } },
        },
        required: ['numeric'],
      },
    ],
  });
export type ResultInput = z.input<typeof ResultInputSchema>;
