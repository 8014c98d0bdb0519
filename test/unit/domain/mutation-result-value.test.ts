/**
 * The number rule of a saved result (SOP step 14): the E-LHU prints `value` as written and the
 * judgment reads `numeric`, so the two must say the same number; a result below the detection
 * limit is written "< n" with that limit. Each case as an analyst or a desktop would send it.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ResultInputSchema, type ResultInput } from '../../../shared/domain/result-value';

const result = (r: Partial<ResultInput>): ResultInput => ({
  value: '12,5',
  numeric: 12.5,
  unit: 'mg/kg',
  ...r,
});
const below = (r: Partial<ResultInput> = {}) =>
  result({ value: '< 0,05', numeric: null, belowDetectionLimit: true, detectionLimit: 0.05, ...r });

/** The fields refused, each with its message ("Indonesian / English"). */
function refused(r: ResultInput): Record<string, string> {
  const parsed = ResultInputSchema.safeParse(r);
  if (parsed.success) throw new Error(`accepted: ${JSON.stringify(r)}`);
  return Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]));
}
const accepted = (r: ResultInput) => {
  const parsed = ResultInputSchema.safeParse(r);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('; '));
  return parsed.data;
};

describe('a number result: value as written, numeric the same number', () => {
  it.each([
    ['12,5', 12.5],
    ['12.5', 12.5],
    ['1.234,5', 1234.5],
    ['2,5 × 10^4', 25_000],
    // A client that computed the count itself (1.1e20) agrees with the text's reading to the last digit.
    ['1,1 × 10^20', 1.1e20],
  ])('%s with numeric %d is kept as written', (value, numeric) => {
    expect(accepted(result({ value, numeric }))).toMatchObject({
      value,
      numeric,
      belowDetectionLimit: false,
    });
  });

  it('refuses a numeric that is not the number written: the report would print one and judge another', () => {
    expect(refused(result({ value: '12,5', numeric: 12.6 }))).toEqual({
      numeric:
        'tidak sama dengan nilai yang tertulis (12,5 = 12.5) / does not match the value as written (12,5 = 12.5)',
    });
    expect(Object.keys(refused(result({ value: '1.234,5', numeric: 1234.6 })))).toEqual(['numeric']);
    expect(Object.keys(refused(result({ value: '0,001', numeric: 0.002 })))).toEqual(['numeric']);
  });

  it('refuses a word with a numeric', () => {
    expect(refused(result({ value: 'negatif', numeric: 0 }))).toEqual({
      value:
        'harus angka seperti ditulis lab (mis. 12,5 / 1.234,5 / 2,5 × 10^4) bila numeric diisi / must be a number as a lab writes it (e.g. 12,5 / 1.234,5 / 2,5 × 10^4) when numeric is given',
    });
  });

  it('reads a number sent without numeric, as the desktop does; a word stays without one', () => {
    expect(accepted(result({ value: '1.234,5', numeric: null })).numeric).toBe(1234.5);
    expect(accepted(result({ value: '2,5 × 10^4', numeric: null })).numeric).toBe(25_000);
    expect(accepted(result({ value: 'negatif', numeric: null })).numeric).toBeNull();
  });
});

describe('a result below the detection limit: "< n", the limit n, no numeric', () => {
  it('is kept as written', () => {
    expect(accepted(below())).toMatchObject({
      value: '< 0,05',
      numeric: null,
      belowDetectionLimit: true,
      detectionLimit: 0.05,
    });
    expect(accepted(below({ value: '<0.002', detectionLimit: 0.002 })).numeric).toBeNull();
  });

  it('refuses a value that is not "<" and a positive number', () => {
    const message =
      'hasil di bawah batas deteksi ditulis "<" dan angka positif, mis. "< 0,05" / a below-limit result is "<" and a positive number, e.g. "< 0,05"';
    expect(refused(below({ value: '0,05' }))).toEqual({ value: message });
    expect(refused(below({ value: '< 0' }))).toEqual({ value: message });
    expect(refused(below({ value: '< -0,05' }))).toEqual({ value: message });
    expect(refused(below({ value: '< LoD' }))).toEqual({ value: message });
  });

  it('asks for the limit when it is missing, once', () => {
    const parsed = ResultInputSchema.safeParse(below({ detectionLimit: null }));
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['detectionLimit', 'hasil < LOD butuh nilai LOD / a below-LOD result needs the detection limit'],
    ]);
  });

  it('refuses a limit other than the one written in the value', () => {
    expect(refused(below({ detectionLimit: 0.1 }))).toEqual({
      detectionLimit:
        'harus 0.05, batas yang tertulis pada hasil / must be 0.05, the limit written in the result',
    });
  });

  it('refuses a numeric, and says every field that is wrong at once', () => {
    expect(refused(below({ numeric: 0.05 }))).toEqual({
      numeric: 'harus null untuk hasil di bawah batas deteksi / must be null for a below-limit result',
    });
    expect(Object.keys(refused(below({ value: 'kurang', numeric: 1 }))).sort()).toEqual(['numeric', 'value']);
    expect(Object.keys(refused(below({ detectionLimit: 0.1, numeric: 1 }))).sort()).toEqual([
      'detectionLimit',
      'numeric',
    ]);
  });

  it('refuses "< n" sent as an ordinary result, with or without a numeric', () => {
    const says = {
      belowDetectionLimit:
        'hasil yang ditulis "< …" berada di bawah batas deteksi: isi true / a result written "< …" is below the detection limit: set it to true',
    };
    expect(refused(result({ value: '< 0,05', numeric: null }))).toEqual(says);
    expect(refused(result({ value: '< 0,05', numeric: 0.05 }))).toEqual(says);
  });
});

describe('the document (OpenAPI) states the rule and shows its three shapes', () => {
  type Property = { type: string } | { const: unknown } | { not: { pattern: string } };
  type Shape = { required: string[]; properties: Record<string, Property> };
  const doc = z.toJSONSchema(ResultInputSchema, { io: 'input', unrepresentable: 'any' }) as {
    description: string;
    anyOf: (Shape & { description: string; examples?: ResultInput[] })[];
  };

  it('names the rule in Indonesian and English: the number, the below-limit result, the word', () => {
    expect(doc.description).toMatch(/^Aturan angka \/ number rule: /);
    const [id, en] = doc.description.split('. / ');
    expect(id).toMatch(/`numeric` diisi.*"12,5".*"< 0,05".*belowDetectionLimit true.*kata \("negatif"\)/);
    expect(en).toMatch(
      /`numeric` is given.*"< 0,05".*belowDetectionLimit true.*detectionLimit equal.*a word/,
    );
    expect(doc.anyOf.map((s) => s.required)).toEqual([
      ['numeric'],
      ['numeric', 'belowDetectionLimit', 'detectionLimit'],
      ['numeric'],
    ]);
    for (const shape of doc.anyOf) expect(shape.description).toMatch(/^\S.* \/ \S/);
  });

  it('every example it shows is a result the rule accepts, unchanged', () => {
    const examples = doc.anyOf.flatMap((s) => s.examples ?? []);
    expect(examples.length).toBe(5);
    for (const e of examples) {
      expect(accepted(e)).toMatchObject(e);
      expect(e.value).not.toBe('');
      expect(e.unit, 'an example shows its unit').not.toBe('');
    }
  });

  /** Whether a result fits one of the document's shapes, as a JSON-schema validator reads it. */
  const fits = (shape: Shape, r: Record<string, unknown>) =>
    shape.required.every((k) => k in r) &&
    Object.entries(shape.properties).every(([k, p]) => {
      const v = r[k];
      if ('type' in p) return p.type === 'null' ? v === null : typeof v === p.type;
      if ('const' in p) return v === p.const;
      if ('not' in p) return typeof v === 'string' && !new RegExp(p.not.pattern, 'u').test(v);
      return true;
    });
  const shapesOf = (r: Record<string, unknown>) => doc.anyOf.flatMap((s, i) => (fits(s, r) ? [i] : []));

  it('a result the rule accepts fits exactly its own shape: a number, below the limit, or a word', () => {
    const word = {
      value: 'negatif',
      numeric: null,
      unit: '-',
      belowDetectionLimit: false,
      detectionLimit: null,
    };
    const cases: [Record<string, unknown>, number][] = [
      ...doc.anyOf.flatMap((s, i) =>
        (s.examples ?? []).map((e) => [e, i] as [Record<string, unknown>, number]),
      ),
      [word, 2],
      // A word keeps the catalog's limit it came with: still a word, not a below-limit result.
      [{ ...word, detectionLimit: 0.05 }, 2],
    ];
    for (const [r, shape] of cases) {
      accepted(r as ResultInput);
      expect(shapesOf(r), JSON.stringify(r)).toEqual([shape]);
    }
  });

  it('a result the rule refuses fits no shape, or (where JSON Schema cannot say it) one', () => {
    const cases: [ResultInput, number[]][] = [
      [below({ numeric: 0.05 }), []],
      [below({ detectionLimit: null }), []],
      [result({ value: '< 0,05', numeric: null }), []],
      [result({ value: '12,5', numeric: 12.5, belowDetectionLimit: true, detectionLimit: 0.05 }), []],
      // "< n" for a below-limit value is a rule between two fields: stated in words only.
      [below({ value: 'negatif' }), [1]],
    ];
    for (const [r, shapes] of cases) {
      expect(ResultInputSchema.safeParse(r).success).toBe(false);
      const full = { belowDetectionLimit: false, detectionLimit: null, ...r };
      expect(shapesOf(full), JSON.stringify(r)).toEqual(shapes);
    }
  });
});
