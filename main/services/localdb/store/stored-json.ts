/**
 * JSON read back from the two local files goes through here: an order the user acts on is parsed
 * with the shared OrderSchema; the reads that walk every order go through the one trusted read
 * (`trustedJson`), whose comment says why. A row that does not read fails with a StoredRowError
 * naming the row, the column and the field, never a bare SyntaxError or a TypeError deep in the
 * projection.
 */
import type { z } from 'zod';
import { OrderSchema, type Order } from '../../../../shared/domain/entities';

export type StoredKind = 'order' | 'command' | 'reference';

const KIND_LABEL: Record<StoredKind, { id: string; en: string }> = {
  order: { id: 'pesanan', en: 'order' },
  command: { id: 'perubahan', en: 'change' },
  reference: { id: 'data acuan', en: 'reference data' },
};

/** Where a stored value came from, for the error that names it. */
export interface StoredAt {
  kind: StoredKind;
  /** The row's key: order id, command id, or `kind/id` of reference data. */
  key: string;
  column: string;
}

/**
 * A stored row that cannot be read. The transaction it happened in rolls back, so nothing is
 * written from it; the outbox file is never changed by a failed read.
 */
export class StoredRowError extends Error {
  readonly kind: StoredKind;
  readonly key: string;
  readonly column: string;
  /** The field inside the JSON ('' for the whole value). */
  readonly field: string;
  readonly detail: string;

  constructor(at: StoredAt, field: string, detail: string) {
    const label = KIND_LABEL[at.kind];
    const place = field === '' ? at.column : `${at.column}, field ${field}`;
    super(
      `Data ${label.id} ${at.key} tidak terbaca (kolom ${place}): ${detail}. / ` +
        `Stored ${label.en} ${at.key} cannot be read (column ${place}): ${detail}.`,
    );
    this.name = 'StoredRowError';
    this.kind = at.kind;
    this.key = at.key;
    this.column = at.column;
    this.field = field;
    this.detail = detail;
  }
}

function parseJson(json: string, at: StoredAt): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch (e) {
    throw new StoredRowError(at, '', e instanceof Error ? e.message : String(e));
  }
}

/** A stored value checked against a shared schema: the first issue names the field. */
export function parsedJson<S extends z.ZodType>(json: string, schema: S, at: StoredAt): z.output<S> {
  const r = schema.safeParse(parseJson(json, at));
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new StoredRowError(at, issue ? issue.path.join('.') : '', issue?.message ?? 'invalid value');
}

/** A stored value whose shape nothing here depends on (a command's payload: decide() parses it). */
export function untypedJson(json: string, at: StoredAt): unknown {
  return parseJson(json, at);
}

/**
 * The one trusted read: the JSON is taken as `T` after a check of its outline only.
 *
 * Why trusting is right here: every value it reads was written by this engine, from a value that
 * had already passed the shared schema (an order of a pull, parsed by the API client with
 * PullResponseSchema; reference data from the API's parsed answers) or from decide() over such a
 * value, and `PRAGMA quick_check` vets the file at every opening. And what full parsing would cost
 * where this is used, measured on a working copy of 10,000 orders of 1 sample × 10 analyses
 * (Node 20, 2 cores): OrderSchema takes about 5 times JSON.parse, some 180 µs more per order on a
 * quiet machine, so 1.8 s more (4.4 s under load) each time every order is read: the worklist
 * projected again (role change), the clocks after a holiday list change, the Penyelia's analyst
 * picker counting open work. A single order (order(), baseOrder(): 0.06 ms more at the median,
 * 0.45 ms for 60 results) is parsed in full instead.
 *
 * `outline` returns what is wrong with the value's outline (field and detail), or null.
 */
export function trustedJson<T>(
  json: string,
  at: StoredAt,
  outline: (v: unknown) => { field: string; detail: string } | null,
): T {
  const v = parseJson(json, at);
  const wrong = outline(v);
  if (wrong) throw new StoredRowError(at, wrong.field, wrong.detail);
  return v as T;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An order row's JSON in full: for the order a user acts on or that a rebase decides over. */
export function readOrder(json: string, id: string, column: string): Order {
  const o = parsedJson(json, OrderSchema, { kind: 'order', key: id, column });
  if (o.id !== id) throw new StoredRowError({ kind: 'order', key: id, column }, 'id', `is ${o.id}`);
  return o;
}

/** An order row's JSON through the trusted read (every order of the copy; see trustedJson). */
export function trustedOrder(json: string, id: string, column: string): Order {
  return trustedJson<Order>(json, { kind: 'order', key: id, column }, (v) => {
    if (!isRecord(v)) return { field: '', detail: 'not an object' };
    if (v.id !== id) return { field: 'id', detail: `is ${String(v.id)}` };
    if (typeof v.version !== 'number') return { field: 'version', detail: 'not a number' };
    if (typeof v.status !== 'string') return { field: 'status', detail: 'not a string' };
    if (!Array.isArray(v.samples)) return { field: 'samples', detail: 'not an array' };
    for (const [i, s] of v.samples.entries()) {
      if (!isRecord(s) || typeof s.id !== 'string') return { field: `samples.${i}.id`, detail: 'missing' };
      if (!Array.isArray(s.analyses)) return { field: `samples.${i}.analyses`, detail: 'not an array' };
    }
    return null;
  });
}

/** The order as the user sees it: the local view when there is one, else the base. */
export function shownOrder(
  row: { id: string; base_json: string; local_json: string | null },
  read: typeof readOrder = readOrder,
): Order {
  return row.local_json !== null
    ? read(row.local_json, row.id, 'local_json')
    : read(row.base_json, row.id, 'base_json');
}
