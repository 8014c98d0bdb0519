/* eslint-disable @typescript-eslint/no-explicit-any -- JSON schemas are walked as plain JSON */
/**
 * A small JSON schema (draft 2020-12, the subset the OpenAPI document uses) → fast-check arbitrary
 * of values the schema accepts. Every generated leaf is checked with ajv against its own schema, so
 * the arbitrary only yields what the document calls valid; sizes are kept small (arrays up to 3
 * items, strings up to 24 characters over their minimum) so a run stays cheap.
 */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import fc from 'fast-check';

export type JsonSchema = Record<string, any>;

export const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
addFormats(ajv);

const validators = new Map<string, (v: unknown) => boolean>();
/** An ajv validator per schema (cached by its JSON). */
export function validatorOf(schema: JsonSchema): (v: unknown) => boolean {
  const key = JSON.stringify(schema);
  let v = validators.get(key);
  if (!v) {
    const compiled = ajv.compile(schema);
    v = (x: unknown) => compiled(x) as boolean;
    validators.set(key, v);
  }
  return v;
}

/** The text pattern of shared/domain/entities.ts `textPattern`: ^(?:[EDGE](?:[ALL]*[EDGE])?)?$ */
const TEXT_PATTERN = /^\^\(\?:(\[[^\]]*\])\(\?:(\[[^\]]*\])\*(\[[^\]]*\])\)\?\)\?\$$/;

const EXTRA = 24;

function stringArbitrary(s: JsonSchema): fc.Arbitrary<string> {
  const min: number = s.minLength ?? 0;
  const max: number = Math.min(s.maxLength ?? min + EXTRA, min + EXTRA);
  if (s.format === 'uuid') return fc.uuid();
  if (s.format === 'date') return fc.date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  if (s.format === 'date-time') return fc.date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
  if (s.format === 'email') {
    const word = fc.stringMatching(/^[a-z][a-z0-9]{0,9}$/);
    return fc.tuple(word, word).map(([a, b]) => `${a}@${b}.example.com`);
  }
  const text = typeof s.pattern === 'string' ? TEXT_PATTERN.exec(s.pattern) : null;
  if (text) {
    const edge = fc.stringMatching(new RegExp(`^${text[1]}$`));
    const all = fc.stringMatching(new RegExp(`^${text[2]}$`));
    return fc.integer({ min: Math.max(min, 0), max: Math.max(min, max) }).chain((n) =>
      n === 0 ? fc.constant('') : n === 1 ? edge : fc.tuple(edge, fc.array(all, { minLength: n - 2, maxLength: n - 2 }), edge).map(([a, mid, b]) => a + mid.join('') + b),
    );
  }
  // A long minimum (e.g. base64 of 16+ characters) needs longer repetitions than the default size.
  if (typeof s.pattern === 'string' && s.pattern !== '^[^\\u0000]*$') return fc.stringMatching(new RegExp(s.pattern, 'u'), { size: min > 4 ? 'large' : 'small' });
  return fc.string({ minLength: min, maxLength: Math.max(min, max), unit: 'grapheme-ascii' });
}

function numberArbitrary(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const lo = Math.max(s.minimum ?? -1e6, typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum : -Infinity, -1e6);
  const hi = Math.min(s.maximum ?? 1e6, typeof s.exclusiveMaximum === 'number' ? s.exclusiveMaximum : Infinity, 1e6);
  if (integer) return fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) });
  return fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });
}

/** Values the schema accepts (the leaves filtered by ajv, so a generator shortcut never lies). */
export function arbitraryOf(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  const s = schema ?? {};
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  const alts = s.anyOf ?? s.oneOf;
  if (Array.isArray(alts)) return fc.oneof(...alts.map((a: JsonSchema) => arbitraryOf({ ...a }, depth + 1))).filter(validatorOf(s));
  if (Array.isArray(s.type)) return fc.oneof(...s.type.map((t: string) => arbitraryOf({ ...s, type: t }, depth + 1)));
  const check = validatorOf(s);
  switch (s.type) {
    case 'string':
      return stringArbitrary(s).filter(check);
    case 'integer':
      return numberArbitrary(s, true).filter(check);
    case 'number':
      return numberArbitrary(s, false).filter(check);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const min = s.minItems ?? 0;
      const max = Math.max(min, Math.min(s.maxItems ?? min + 3, min + 3));
      return fc.array(arbitraryOf(s.items ?? {}, depth + 1), { minLength: min, maxLength: max }).filter(check);
    }
    case 'object': {
      const props: Record<string, JsonSchema> = s.properties ?? {};
      const required: string[] = s.required ?? [];
      if (Object.keys(props).length === 0) return fc.constant({});
      const model = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, arbitraryOf(v, depth + 1)]));
      return fc.record(model, { requiredKeys: required }).filter(check);
    }
    default:
      // {} (anything): a small JSON value.
      return depth > 3 ? fc.constant(null) : fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.string({ maxLength: 8 }));
  }
}

/** Deterministic samples of a schema's values. */
export function samplesOf(schema: JsonSchema, n: number, seed: number): unknown[] {
  return fc.sample(arbitraryOf(schema), { numRuns: n, seed });
}
