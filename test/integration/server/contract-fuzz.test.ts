/* eslint-disable @typescript-eslint/no-explicit-any -- the OpenAPI document and response bodies are JSON walked by the assertions */
/**
 * Issue 12: requests derived from the OpenAPI document itself, for every operation, on the demo
 * data (demo seed and demo orders, so path ids exist):
 * - valid ones (bodies and queries drawn from the document's JSON schemas with fast-check) are
 *   refused only with a status the operation documents, with a code listed for it, and never 400;
 * - invalid ones (a required field removed, a wrong type, an unknown field, a string too long, a
 *   malformed path id or query number, an empty or missing file part) get a 4xx in the error shape;
 * - every response (2xx and 4xx) matches the schema the document gives its status;
 * - no 5xx, ever.
 * A few runs per operation (fixed seeds) keep the file quick.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Order } from '../../../shared/domain/entities';
import type { Role } from '../../../shared/sop/roles';
import {
  API,
  describeEachDialect,
  multipart,
  pdfBytes,
  startDemoOrdersServer,
  type TestServer,
  type Res,
} from './harness';
import { samplesOf, validatorOf, type JsonSchema } from './support/json-schema-arbitrary';

const VALID_RUNS = 4;
const ANSWER_MS = 10_000;

interface Operation {
  path: string;
  method: string;
  op: Record<string, any>;
}

describeEachDialect('requests derived from the OpenAPI document', (dialect) => {
  let s: TestServer;
  let ops: Operation[];
  /** Path parameter values from the demo data, by parameter name (and, for `id`, by path prefix). */
  let ids: {
    order: string;
    sample: string;
    analysis: string;
    report: string;
    proofOrder: string;
    proof: string;
    customer: string;
    user: string;
    lab: string;
    sampleType: string;
    parameter: string;
    release: string | null;
  };
  const problems: string[] = [];

  beforeAll(async () => {
    s = (await startDemoOrdersServer(dialect)).server;
    const { handle, demo } = s;

    const doc = (await s.request('GET', `${API}/openapi.json`)).body;
    ops = Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, byMethod]) =>
      Object.entries(byMethod).map(([method, op]) => ({ path, method, op })),
    );

    const orders = (await handle.db.selectFrom('order_data').select(['data']).execute()).map(
      (r) => JSON.parse(r.data) as Order,
    );
    const withReport = orders.flatMap((o) =>
      o.samples.filter((x) => x.reports.length > 0).map((x) => ({ o, x })),
    )[0]!;
    const withProof = orders.find((o) => o.proofs.length > 0)!;
    // Targets of user and customer operations: not the accounts the test calls with.
    const callers = new Set(
      [
        'admin_satker',
        'cs',
        'bendahara',
        'ketua_tim_pji',
        'penyelia',
        'mt',
        'analis',
        'kepala_balai',
        'pelanggan',
      ].map((r) => s.firstOf(r as Role)?.id),
    );
    const target = demo.users.find(
      (u) => !callers.has(u.id) && u.role !== 'pelanggan' && u.role !== 'admin_satker',
    )!;
    const customer =
      demo.users.filter((u) => u.customerId && !callers.has(u.id)).at(-1) ??
      demo.users.find((u) => u.customerId)!;
    const sampleType = Object.values(demo.sampleTypes)[0]!;
    ids = {
      order: withReport.o.id,
      sample: withReport.x.id,
      analysis: withReport.x.analyses[0]!.id,
      report: withReport.x.reports[0]!.id,
      proofOrder: withProof.id,
      proof: withProof.proofs[0]!.id,
      customer: customer.customerId!,
      user: target.id,
      lab: Object.values(demo.labs)[0]!,
      sampleType: sampleType.id,
      parameter: sampleType.parameterIds[0]!,
      release: null,
    };
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });

  /** Who calls: the operation's own role when it names few, else Admin Satker where it may. */
  const callerOf = (op: Record<string, any>): string | null => {
    const roles = (op['x-roles'] as string[]).filter((r) => r !== 'sistem');
    if (roles.includes('public') || roles.length === 0) return null;
    const role = roles.length > 3 && roles.includes('admin_satker') ? 'admin_satker' : roles[0]!;
    return s.firstOf(role as Role).username;
  };

  const pathValue = (path: string, name: string): string => {
    if (name === 'orderId') return path.includes('payment-proofs') ? ids.proofOrder : ids.order;
    if (name === 'sampleId') return ids.sample;
    if (name === 'analysisId') return ids.analysis;
    if (name === 'reportId') return ids.report;
    if (name === 'proofId') return ids.proof;
    if (name === 'file') return 'latest.yml';
    if (path.startsWith(`${API}/customers`)) return ids.customer;
    if (path.startsWith(`${API}/users`)) return ids.user;
    if (path.startsWith(`${API}/catalog/labs`)) return ids.lab;
    if (path.startsWith(`${API}/catalog/sample-types`)) return ids.sampleType;
    if (path.startsWith(`${API}/catalog/parameters`)) return ids.parameter;
    if (path.startsWith(`${API}/releases`)) return ids.release ?? randomUUID();
    return randomUUID();
  };

  interface Sent {
    url: string;
    body?: unknown;
    raw?: { body: Buffer; contentType: string };
  }

  /** An answer within ANSWER_MS, else a 599 the checks report (a hung route must not stall the file). */
  const send = async (o: Operation, req: Sent): Promise<Res> => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<Res>((resolve) => {
      timer = setTimeout(
        () =>
          resolve({
            status: 599,
            body: null,
            headers: {},
            raw: Buffer.from(`no answer within ${ANSWER_MS} ms`),
          }),
        ANSWER_MS,
      );
    });
    try {
      return await Promise.race([sendNow(o, req), late]);
    } finally {
      clearTimeout(timer);
    }
  };

  const sendNow = async (o: Operation, req: Sent): Promise<Res> => {
    const caller = callerOf(o.op);
    const headers: Record<string, string> = {};
    if (o.method !== 'get' && o.op.security) headers['idempotency-key'] = randomUUID();
    if (req.raw) headers['content-type'] = req.raw.contentType;
    const opts = {
      headers,
      ...(req.raw ? { rawBody: req.raw.body } : req.body !== undefined ? { body: req.body } : {}),
    };
    if (!caller) return s.request(o.method.toUpperCase(), req.url, opts);
    return s.request(o.method.toUpperCase(), req.url, { ...opts, token: await s.token(caller) });
  };

  const url = (o: Operation, path: Record<string, string> = {}, query: Record<string, unknown> = {}) => {
    const p = o.path.replace(/\{([^}]+)\}/g, (_m, name: string) =>
      encodeURIComponent(path[name] ?? pathValue(o.path, name)),
    );
    const q = Object.entries(query)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
      .join('&');
    return q ? `${p}?${q}` : p;
  };

  const where = (o: Operation, what: string) => `${o.method.toUpperCase()} ${o.path} (${what})`;

  /** The response matches the schema its status documents; returns a problem or null. */
  const checkResponse = (o: Operation, res: Res, what: string): string | null => {
    if (res.status >= 500)
      return `${where(o, what)}: ${res.status} ${res.raw.toString('utf8').slice(0, 200)}`;
    const documented =
      o.op.responses[String(res.status)] ?? (res.status >= 400 ? o.op.responses['4XX'] : undefined);
    if (!documented) return `${where(o, what)}: status ${res.status} is not documented`;
    const json = documented.content?.['application/json'];
    if (!json) return null;
    if (!validatorOf(json.schema)(res.body)) {
      return `${where(o, what)}: ${res.status} body does not match its schema: ${JSON.stringify(res.body).slice(0, 300)}`;
    }
    return null;
  };

  const queryParams = (o: Operation) => (o.op.parameters as any[]).filter((p) => p.in === 'query');
  const pathParams = (o: Operation) => (o.op.parameters as any[]).filter((p) => p.in === 'path');
  const jsonBody = (o: Operation): JsonSchema | null =>
    o.op.requestBody?.content?.['application/json']?.schema ?? null;
  const formBody = (o: Operation): JsonSchema | null =>
    o.op.requestBody?.content?.['multipart/form-data']?.schema ?? null;

  const querySchema = (o: Operation): JsonSchema => ({
    type: 'object',
    properties: Object.fromEntries(queryParams(o).map((p) => [p.name, p.schema])),
    required: queryParams(o)
      .filter((p) => p.required)
      .map((p) => p.name),
  });

  const formOf = (schema: JsonSchema, seed: number, file: Buffer | null) => {
    const fields: Record<string, string> = {};
    const props: Record<string, JsonSchema> = schema.properties ?? {};
    const [values] = samplesOf(
      { type: 'object', properties: Object.fromEntries(Object.entries(props).filter(([k]) => k !== 'file')) },
      1,
      seed,
    ) as Record<string, string>[];
    for (const [k, v] of Object.entries(values ?? {})) fields[k] = String(v);
    return multipart(
      file ? { data: file, filename: 'upload.pdf', contentType: 'application/pdf' } : null,
      fields,
    );
  };

  it('valid requests: refused only for documented reasons; invalid ones: 4xx in the error shape; responses as documented; never 5xx', async () => {
    let sent = 0;
    for (const [n, o] of ops.entries()) {
      if (o.path.endsWith('/openapi.json')) continue;
      const seed = 1000 + n;
      const body = jsonBody(o);
      const form = formBody(o);
      const queries = samplesOf(querySchema(o), VALID_RUNS, seed) as Record<string, unknown>[];
      const bodies = body ? samplesOf(body, VALID_RUNS, seed) : [];

      // Valid.
      for (let i = 0; i < VALID_RUNS; i++) {
        const req: Sent = { url: url(o, {}, queries[i] ?? {}) };
        if (body) req.body = bodies[i];
        if (form)
          req.raw = formOf(form, seed + i, i % 2 === 0 ? pdfBytes(`fuzz ${i}`) : Buffer.from(`bytes ${i}`));
        const res = await send(o, req);
        sent++;
        const what = `valid ${JSON.stringify(req.body ?? req.url).slice(0, 400)}`;
        const p = checkResponse(o, res, what);
        if (p) problems.push(p);
        else if (res.status === 400)
          problems.push(
            `${where(o, what)}: 400 for a request the document calls valid: ${JSON.stringify(res.body?.error?.message?.en)}`,
          );
        else if (res.status >= 400 && !o.op.responses[String(res.status)])
          problems.push(`${where(o, what)}: ${res.status} is not one of the operation's documented statuses`);
      }

      // Invalid.
      const invalid: { what: string; req: Sent }[] = [];
      for (const p of pathParams(o))
        if (p.schema?.format === 'uuid')
          invalid.push({
            what: `path ${p.name} not a uuid`,
            req: {
              url: url(o, { [p.name]: 'not-a-uuid' }, queries[0]),
              ...(body ? { body: bodies[0] } : {}),
            },
          });
      for (const p of queryParams(o)) {
        if (p.schema?.type === 'integer')
          invalid.push({
            what: `query ${p.name} 1e2`,
            req: { url: url(o, {}, { ...queries[0], [p.name]: '1e2' }) },
          });
        if (p.schema?.type === 'integer')
          invalid.push({
            what: `query ${p.name} empty`,
            req: { url: url(o, {}, { ...queries[0], [p.name]: '' }) },
          });
        if (p.schema?.enum)
          invalid.push({
            what: `query ${p.name} not in its enum`,
            req: { url: url(o, {}, { ...queries[0], [p.name]: 'zz-not-a-value' }) },
          });
      }
      if (body && body.type === 'object') {
        const base = bodies[0] as Record<string, unknown>;
        const u = url(o, {}, queries[0]);
        for (const k of (body.required as string[] | undefined) ?? []) {
          const { [k]: _gone, ...rest } = base;
          invalid.push({ what: `body without required ${k}`, req: { url: u, body: rest } });
          break;
        }
        invalid.push({ what: 'body of the wrong type', req: { url: u, body: [1, 2] } });
        const props: Record<string, JsonSchema> = body.properties ?? {};
        const typed = Object.entries(props).find(
          ([, v]) => typeof v.type === 'string' && v.type !== 'string',
        );
        const stringy = Object.entries(props).find(([, v]) => v.type === 'string' && !v.enum);
        if (stringy)
          invalid.push({
            what: `${stringy[0]} a number`,
            req: { url: u, body: { ...base, [stringy[0]]: 12345 } },
          });
        else if (typed)
          invalid.push({
            what: `${typed[0]} a string`,
            req: { url: u, body: { ...base, [typed[0]]: 'zz' } },
          });
        if (body.additionalProperties === false)
          invalid.push({ what: 'an unknown field', req: { url: u, body: { ...base, zzUnknownField: 1 } } });
        const long = Object.entries(props).find(
          ([, v]) => v.type === 'string' && typeof v.maxLength === 'number',
        );
        if (long)
          invalid.push({
            what: `${long[0]} too long`,
            req: { url: u, body: { ...base, [long[0]]: 'x'.repeat((long[1].maxLength as number) + 1) } },
          });
        const nul = Object.entries(props).find(([, v]) => v.type === 'string' && !v.enum && !v.format);
        if (nul)
          invalid.push({
            what: `${nul[0]} with NUL`,
            req: { url: u, body: { ...base, [nul[0]]: 'ab\u0000cd' } },
          });
        if (body.minProperties === 1) invalid.push({ what: 'an empty patch', req: { url: u, body: {} } });
      }
      if (form) {
        invalid.push({
          what: 'an empty file part',
          req: { url: url(o), raw: formOf(form, seed, Buffer.alloc(0)) },
        });
        invalid.push({ what: 'no file part', req: { url: url(o), raw: formOf(form, seed, null) } });
      }
      for (const { what, req } of invalid) {
        const res = await send(o, req);
        sent++;
        const label = `invalid: ${what}`;
        const p = checkResponse(o, res, label);
        if (p) problems.push(p);
        else if (res.status < 400) problems.push(`${where(o, label)}: answered ${res.status}`);
        else if (!(
          typeof res.body?.error?.code === 'string' &&
          typeof res.body.error.message?.id === 'string' &&
          typeof res.body.error.message?.en === 'string'
        )) {
          problems.push(`${where(o, label)}: ${res.status} not in the error shape`);
        }
      }
    }
    expect(sent).toBeGreaterThan(ops.length * VALID_RUNS);
    expect(problems, problems.join('\n')).toEqual([]);
  }, 180_000);
});
