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

/**
 * The text pattern of shared/domain/entities.ts `textPattern`: ^[WS]*CORE[WS]*$ where CORE is
 * (?:[EDGE](?:[ALL]*[EDGE])?)? (no minimum), [EDGE](?:[ALL]*[EDGE])? (one) or [EDGE][ALL]{k,}[EDGE].
 */
const TEXT_PATTERN = /^\^(\[[^\]]*\])\*(.*)\1\*\$$/;
const CORES = [
  /^\(\?:(\[[^\]]*\])\(\?:(\[[^\]]*\])\*\1\)\?\)\?$/,
  /^(\[[^\]]*\])\(\?:(\[[^\]]*\])\*\1\)\?$/,
  /^(\[[^\]]*\])(\[[^\]]*\])\{([0-9]+),\}\1$/,
];

/**
 * One character of a class written as textPattern writes it ([\\uXXXX-\\u{XXXXX}...]), by code
 * point (fast-check's regex reader does not take \\u{...}); surrogates are left out.
 */
function charOf(cls: string): fc.Arbitrary<string> {
  const cp = (t: string) => parseInt(t.replace(/^\\u\{?|\}$/g, ''), 16);
  const ranges: [number, number][] = [];
  for (const m of cls
    .slice(1, -1)
    .matchAll(/(\\u\{[0-9a-f]+\}|\\u[0-9a-f]{4})(?:-(\\u\{[0-9a-f]+\}|\\u[0-9a-f]{4}))?/g)) {
    const lo = cp(m[1]!);
    const hi = m[2] ? cp(m[2]) : lo;
    if (hi < 0xd800 || lo > 0xdfff) ranges.push([lo, hi]);
    else {
      if (lo < 0xd800) ranges.push([lo, 0xd7ff]);
      if (hi > 0xdfff) ranges.push([0xe000, hi]);
    }
  }
  return fc
    .constantFrom(...ranges)
    .chain(([lo, hi]) => fc.integer({ min: lo, max: hi }).map((c) => String.fromCodePoint(c)));
}

/** A text value: its core drawn from the field's characters, sometimes with whitespace around it (the server trims it). */
function textArbitrary(ws: string, core: string, min: number, max: number): fc.Arbitrary<string> | null {
  const m = CORES.map((re) => re.exec(core)).find(Boolean);
  if (!m) return null;
  const edge = charOf(m[1]!);
  const all = charOf(m[2]!);
  const least = Math.max(min, m[3] !== undefined ? Number(m[3]) + 2 : 0, core.startsWith('(?:') ? 0 : 1);
  const body = fc
    .integer({ min: least, max: Math.max(least, max) })
    .chain((n) =>
      n === 0
        ? fc.constant('')
        : n === 1
          ? edge
          : fc
              .tuple(edge, fc.array(all, { minLength: n - 2, maxLength: n - 2 }), edge)
              .map(([a, mid, b]) => a + mid.join('') + b),
    );
  const pad = fc.oneof(
    { weight: 4, arbitrary: fc.constant('') },
    { weight: 1, arbitrary: fc.array(charOf(ws), { minLength: 1, maxLength: 2 }).map((cs) => cs.join('')) },
  );
  return fc.tuple(pad, body, pad).map(([a, b, c]) => a + b + c);
}

const EXTRA = 24;

function stringArbitrary(s: JsonSchema): fc.Arbitrary<string> {
  const min: number = s.minLength ?? 0;
  const max: number = Math.min(s.maxLength ?? min + EXTRA, min + EXTRA);
  if (s.format === 'uuid') return fc.uuid();
  if (s.format === 'date')
    return fc
      .date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
  if (s.format === 'date-time')
    return fc
      .date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString());
  if (s.format === 'email') {
    const word = fc.stringMatching(/^[a-z][a-z0-9]{0,9}$/);
    return fc.tuple(word, word).map(([a, b]) => `${a}@${b}.example.com`);
  }
  const text = typeof s.pattern === 'string' ? TEXT_PATTERN.exec(s.pattern) : null;
  const texts = text ? textArbitrary(text[1]!, text[2]!, min, max) : null;
  if (texts) return texts;
  // A long minimum (e.g. base64 of 16+ characters) needs longer repetitions than the default size.
  if (typeof s.pattern === 'string' && s.pattern !== '^[^\\u0000]*$')
    return fc.stringMatching(new RegExp(s.pattern, 'u'), { size: min > 4 ? 'large' : 'small' });
  return fc.string({ minLength: min, maxLength: Math.max(min, max), unit: 'grapheme-ascii' });
}

function numberArbitrary(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const lo = Math.max(
    s.minimum ?? -1e6,
    typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum : -Infinity,
    -1e6,
  );
  const hi = Math.min(
    s.maximum ?? 1e6,
    typeof s.exclusiveMaximum === 'number' ? s.exclusiveMaximum : Infinity,
    1e6,
  );
  if (integer) return fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) });
  return fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });
}

/** Values the schema accepts (the leaves filtered by ajv, so a generator shortcut never lies). */
export function arbitraryOf(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  const s = schema ?? {};
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  const alts = s.anyOf ?? s.oneOf;
  if (Array.isArray(alts)) {
    // Each alternative together with what the schema says beside it (an object's properties with
    // an anyOf of shapes); an alternative whose fields must agree in a way JSON Schema cannot say
    // (e.g. a result's numeric and its written value) is drawn from its examples.
    const { anyOf: _any, oneOf: _one, ...base } = s;
    const options = alts.map((a: JsonSchema) =>
      Array.isArray(a.examples) && a.examples.length > 0
        ? fc.constantFrom(...(a.examples as unknown[]))
        : arbitraryOf(merged(base, a), depth + 1),
    );
    return fc.oneof(...options).filter(validatorOf(s));
  }
  if (Array.isArray(s.type))
    return fc.oneof(...s.type.map((t: string) => arbitraryOf({ ...s, type: t }, depth + 1)));
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
      return fc
        .array(arbitraryOf(s.items ?? {}, depth + 1), { minLength: min, maxLength: max })
        .filter(check);
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
      return depth > 3
        ? fc.constant(null)
        : fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.string({ maxLength: 8 }));
  }
}

/** A schema and one of its alternatives, both holding (properties merged key by key, required joined). */
function merged(base: JsonSchema, alt: JsonSchema): JsonSchema {
  const out: JsonSchema = { ...base, ...alt };
  if (base.properties || alt.properties) {
    const props: Record<string, JsonSchema> = { ...(base.properties ?? {}) };
    for (const [k, v] of Object.entries((alt.properties ?? {}) as Record<string, JsonSchema>))
      props[k] = { ...(props[k] ?? {}), ...v };
    out.properties = props;
  }
  if (base.required || alt.required)
    out.required = [...new Set([...(base.required ?? []), ...(alt.required ?? [])])];
  return out;
}

/** Deterministic samples of a schema's values. */
export function samplesOf(schema: JsonSchema, n: number, seed: number): unknown[] {
  return fc.sample(arbitraryOf(schema), { numRuns: n, seed });
}
