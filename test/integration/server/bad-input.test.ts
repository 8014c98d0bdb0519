/**
 * A corpus of bad input sent to every endpoint of the OpenAPI document: malformed JSON, wrong types,
 * missing and unknown fields, oversized bodies, 100,000-character strings, SQL and path-traversal
 * strings, wrong content types, junk in path and query. Every answer is a 4xx with a message in
 * Indonesian and English; none is a 500; nothing is written.
 */
import { beforeAll, expect, it } from 'vitest';
import { API, describeEachDialect, type Res } from './harness';
import { namedScores, ok, suiteFlow, USERS } from './flow';

const LONG = 'A'.repeat(100_000);
const SQL = [
  "' OR '1'='1",
  '1; DROP TABLE orders; --',
  '" UNION SELECT password_hash FROM users --',
  "'); DELETE FROM audit_log; --",
];
const TRAVERSAL = [
  '../../../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '/etc/shadow',
  'C:\\Windows\\system32\\config\\SAM',
  'file:///etc/passwd',
];
const ODD = [
  '',
  ' ',
  '\u0000',
  '\u202e\u0000gnp.exe',
  '😀'.repeat(50),
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '%00',
  '__proto__',
];

interface Endpoint {
  method: string;
  path: string;
  bodyProps: string[];
  queryProps: string[];
  multipart: boolean;
  secured: boolean;
}

function isError(r: Res): boolean {
  return (
    r.status >= 400 &&
    r.status < 500 &&
    typeof r.body?.error?.code === 'string' &&
    typeof r.body.error.message?.id === 'string' &&
    typeof r.body.error.message?.en === 'string' &&
    r.body.error.message.id.length > 0 &&
    r.body.error.message.en.length > 0
  );
}

describeEachDialect('bad input corpus', (dialect) => {
  const { s, f } = suiteFlow(dialect);
  let endpoints: Endpoint[];
  let ids: Record<string, string>;
  let orderVersion: number;
  let orderId: string;

  const position = async () => {
    const a = ok(await s.as(USERS.admin).get('audit?limit=1')).entries[0]?.position ?? '0:0';
    const customers = ok(await s.as(USERS.admin).get('customers?limit=500')).customers.length;
    const orders = ok(await s.as(USERS.admin).get('orders?limit=200')).orders.length;
    return `${a}|${customers}|${orders}`;
  };

  beforeAll(async () => {
    orderId = await f.toPaid();
    const o = await f.sampleTo(orderId, 0, 'in_testing');
    orderVersion = o.version;
    ids = {
      orderId,
      sampleId: o.samples[0]!.id,
      analysisId: o.samples[0]!.analyses[0]!.id,
      reportId: '5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      proofId: o.proofs[0]?.id ?? '6e2d3c4b-5f6a-4b7c-9d8e-0f1a2b3c4d5e',
      id: '7c3b2a19-0d8e-4f7a-9b6c-5d4e3f2a1b0c',
    };
    const doc = ok(await s.request('GET', `${API}/openapi.json`));
    endpoints = [];
    for (const [path, methods] of Object.entries(
      doc.paths as Record<
        string,
        Record<
          string,
          {
            requestBody?: { content?: Record<string, { schema?: { properties?: object } }> };
            parameters?: { in: string; name: string }[];
            security?: unknown;
          }
        >
      >,
    )) {
      for (const [method, op] of Object.entries(methods)) {
        const json = op.requestBody?.content?.['application/json']?.schema;
        endpoints.push({
          method: method.toUpperCase(),
          path,
          bodyProps: Object.keys(json?.properties ?? {}),
          queryProps: (op.parameters ?? [])
            .filter((p: { in: string }) => p.in === 'query')
            .map((p: { name: string }) => p.name),
          multipart: Boolean(op.requestBody?.content?.['multipart/form-data']),
          secured: Boolean(op.security),
        });
      }
    }
    expect(endpoints.length).toBeGreaterThan(45);
  });

  const urlOf = (e: Endpoint, params: Record<string, string> = ids) =>
    `${e.path.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(params[name] ?? ids.id!))}`;
  const send = async (
    e: Endpoint,
    as: string,
    opts: { url?: string; raw?: string | Buffer; contentType?: string; body?: unknown },
  ) => {
    const token = await s.token(as);
    const headers: Record<string, string> = {};
    if (opts.contentType) headers['content-type'] = opts.contentType;
    const r = await s.request(e.method, opts.url ?? urlOf(e), {
      token,
      headers,
      ...(opts.raw !== undefined ? { rawBody: opts.raw } : {}),
      ...(opts.body !== undefined ? { body: opts.body } : {}),
    });
    return r;
  };

  it('malformed and wrongly typed bodies, wrong content types, oversized bodies: 4xx everywhere, nothing written', async () => {
    const before = await position();
    const failures: string[] = [];
    const nested = '{"a":'.repeat(2000) + '1' + '}'.repeat(2000);
    const bodies: [string, string | Buffer, string][] = [
      ['not json', 'this is not json', 'application/json'],
      ['truncated', '{"reason": "abc', 'application/json'],
      ['empty', '', 'application/json'],
      ['null', 'null', 'application/json'],
      ['array', '[]', 'application/json'],
      ['number', '42', 'application/json'],
      ['string', '"x"', 'application/json'],
      ['unknown field', '{"unknownField": true}', 'application/json'],
      ['proto pollution', '{"__proto__": {"role": "admin_satker"}}', 'application/json'],
      ['constructor pollution', '{"constructor": {"prototype": {"x": 1}}}', 'application/json'],
      ['deep nesting', nested, 'application/json'],
      [
        'long string field',
        JSON.stringify({ reason: LONG, condition: LONG, username: LONG }),
        'application/json',
      ],
      ['text/plain', 'reason=abc', 'text/plain'],
      ['form', 'reason=abc', 'application/x-www-form-urlencoded'],
      ['xml', '<reason>abc</reason>', 'application/xml'],
      ['oversized', Buffer.alloc(9 * 1024 * 1024, 0x20), 'application/json'],
    ];
    for (const e of endpoints) {
      if (e.method === 'GET' || e.multipart) continue;
      for (const as of [USERS.admin, USERS.customer, USERS.penyeliaKaret]) {
        for (const [name, raw, ct] of bodies) {
          const r = await send(e, as, { raw, contentType: ct });
          if (!isError(r))
            failures.push(
              `${e.method} ${e.path} as ${as} with ${name}: ${r.status} ${JSON.stringify(r.body)?.slice(0, 200)}`,
            );
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await position()).toBe(before);
    expect((await f.order(orderId)).version).toBe(orderVersion);
  });

  it('every body field with wrong types, 100,000 characters, SQL and path-traversal strings: never a 500, never written', async () => {
    const before = await position();
    const failures: string[] = [];
    const values: unknown[] = [
      LONG,
      ...SQL,
      ...TRAVERSAL,
      ...ODD,
      12345,
      -1,
      1e308,
      true,
      null,
      [],
      {},
      [LONG],
      { $gt: '' },
    ];
    const check = (e: Endpoint, prop: string, v: unknown, r: Res, mayApply: boolean) => {
      if (r.status >= 500 || (r.status < 400 && !mayApply))
        failures.push(`${e.method} ${e.path} .${prop}=${JSON.stringify(v)?.slice(0, 40)}: ${r.status}`);
      else if (r.status >= 400 && !isError(r))
        failures.push(`${e.method} ${e.path} .${prop}: malformed error body`);
    };
    // PATCH bodies are partial: one valid field is a whole request. They run after the check that nothing was written.
    const patches = endpoints.filter((e) => e.method === 'PATCH');
    for (const e of endpoints) {
      if (e.method === 'GET' || e.method === 'PATCH' || e.multipart) continue;
      for (const prop of e.bodyProps) {
        for (const v of values) {
          // Only the field under test: the other required fields are missing, so this must be refused too.
          // A single-field body with a plausible string is a valid request, not bad input: skip those.
          const plausible = typeof v === 'string' && v.length < 1000 && !v.includes('\u0000');
          if (e.bodyProps.length === 1 && plausible) continue;
          const r = await send(e, USERS.admin, { body: { [prop]: v } });
          check(e, prop, v, r, false);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await position()).toBe(before);
    for (const e of patches) {
      for (const prop of e.bodyProps) {
        for (const v of values) {
          const r = await send(e, USERS.admin, { body: { [prop]: v } });
          const text = typeof v === 'string' && v.length <= 100 && !v.includes('\u0000');
          const empty =
            (Array.isArray(v) && v.length === 0) ||
            (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0);
          check(e, prop, v, r, text || empty || typeof v === 'boolean' || v === null);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('junk in path parameters and query strings: 4xx, never a 500', async () => {
    const failures: string[] = [];
    const junk = [
      ...SQL,
      ...TRAVERSAL,
      LONG.slice(0, 5000),
      '00000000-0000-0000-0000-000000000000',
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
      '%',
      '..',
      '.',
    ];
    for (const e of endpoints) {
      const names = [...e.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
      for (const name of names) {
        for (const j of junk) {
          const r = await send(e, USERS.admin, {
            url: urlOf(e, { ...ids, [name]: j }),
            ...(e.method === 'GET' ? {} : { body: {} }),
          });
          if (!isError(r)) failures.push(`${e.method} ${e.path} {${name}}=${j.slice(0, 30)}: ${r.status}`);
        }
      }
      if (e.method === 'GET') {
        for (const q of e.queryProps) {
          for (const j of [...SQL, '-1', '1e9', 'abc', '[]', LONG.slice(0, 3000)]) {
            const r = await send(e, USERS.admin, { url: `${urlOf(e)}?${q}=${encodeURIComponent(j)}` });
            if (!isError(r)) failures.push(`${e.method} ${e.path}?${q}=${j.slice(0, 30)}: ${r.status}`);
          }
        }
        const extra = await send(e, USERS.admin, { url: `${urlOf(e)}?unknownParam=1` });
        if (e.queryProps.length > 0 && !isError(extra))
          failures.push(`${e.path}?unknownParam: ${extra.status}`);
      }
    }
    // Raw URL tricks.
    for (const url of [
      `${API}/orders/%ZZ`,
      `${API}/../../etc/passwd`,
      `${API}/orders/${'a'.repeat(10_000)}`,
      `${API}/orders?status=${'%'.repeat(3)}`,
    ]) {
      const r = await s.request('GET', url, { token: await s.token(USERS.admin) });
      if (!isError(r)) failures.push(`GET ${url.slice(0, 60)}: ${r.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('valid text with SQL and control characters is stored as text, not run', async () => {
    const id = await f.toValidated();
    const reason = `${SQL[1]} ${TRAVERSAL[0]} <b>tebal</b> 😀`;
    const r = await s.as(USERS.ketua).post(`orders/${id}/return`, { reason });
    expect(r.status).toBe(200);
    expect((await f.order(id, USERS.customer)).returns[0]!.reason).toBe(reason);
    expect(ok(await s.as(USERS.admin).get('orders?limit=5')).orders.length).toBeGreaterThan(0);
  });

  it('a command in the wrong state or by the wrong role: 4xx with a reason, nothing written', async () => {
    const before = await position();
    const o = await f.order(orderId);
    const sm = o.samples[0]!;
    const tries: [string, () => Promise<Res>, number][] = [
      ['validate a paid order', () => s.as(USERS.cs).post(`orders/${orderId}/validate`), 409],
      ['pay twice', () => s.as(USERS.bendahara).post(`orders/${orderId}/billing`), 409],
      [
        'customer verifies results',
        () => s.as(USERS.customer).post(`orders/${orderId}/samples/${sm.id}/results/verify`),
        403,
      ],
      [
        'analyst accepts sample',
        () =>
          s.as(USERS.analisKaret1).post(`orders/${orderId}/samples/${sm.id}/accept`, { condition: 'baik' }),
        403,
      ],
      [
        'verify before results',
        () => s.as(USERS.penyeliaKaret).post(`orders/${orderId}/samples/${sm.id}/results/verify`),
        409,
      ],
      [
        'survey too early',
        () =>
          s
            .as(USERS.customer)
            .post(`orders/${orderId}/survey`, { scores: namedScores([4, 4, 4, 4, 4, 4, 4, 4, 4]) }),
        409,
      ],
      [
        'survey scores out of range',
        () =>
          s
            .as(USERS.customer)
            .post(`orders/${orderId}/survey`, { scores: namedScores([5, 0, 4, 4, 4, 4, 4, 4, 4]) }),
        400,
      ],
      [
        'result for a missing analysis',
        () =>
          s.as(USERS.analisKaret1).put(`orders/${orderId}/samples/${sm.id}/analyses/${ids.reportId}/result`, {
            result: { value: '1', numeric: 1, unit: '%' },
          }),
        404,
      ],
      [
        'submit without a result',
        () =>
          s
            .as(USERS.analisKaret1)
            .post(`orders/${orderId}/samples/${sm.id}/analyses/${sm.analyses[0]!.id}/submit`),
        409,
      ],
      [
        'below-LOD without the LOD',
        () =>
          s
            .as(USERS.analisKaret1)
            .put(`orders/${orderId}/samples/${sm.id}/analyses/${sm.analyses[0]!.id}/result`, {
              result: { value: '<LOD', numeric: null, unit: '%', belowDetectionLimit: true },
            }),
        400,
      ],
      [
        'assign a Kimia analyst to a Karet sample',
        () =>
          s.as(USERS.penyeliaKaret).post(`orders/${orderId}/samples/${sm.id}/assign`, {
            assignments: [{ analysisId: sm.analyses[0]!.id, analystId: s.user(USERS.analisKimia1).id }],
          }),
        409,
      ],
      [
        'a bad Idempotency-Key',
        () =>
          s
            .as(USERS.cs)
            .post(
              `orders/${orderId}/validate`,
              {},
              { headers: { 'idempotency-key': "'; DROP TABLE command_log; --" } },
            ),
        400,
      ],
      [
        'a bad X-Base-Version',
        () => s.as(USERS.cs).post(`orders/${orderId}/validate`, {}, { headers: { 'x-base-version': '-1' } }),
        400,
      ],
    ];
    for (const [name, run, status] of tries) {
      const r = await run();
      expect(r.status, `${name}: ${JSON.stringify(r.body)}`).toBe(status);
      expect(isError(r), name).toBe(true);
    }
    expect(await position()).toBe(before);
    expect((await f.order(orderId)).version).toBe(orderVersion);
  });

  it('an order referring to catalog entries that do not exist, or to another sample type’s parameter, is refused', async () => {
    const { sir20, kopi } = f.ids;
    const base = f.oneSample().samples[0]!;
    const cases = [
      { ...base, sampleTypeId: ids.reportId },
      { ...base, parameterIds: [kopi.parameterIds[0]!] },
      { ...base, parameterIds: [ids.reportId] },
      { ...base, parameterIds: [sir20.parameterIds[0]!, sir20.parameterIds[0]!] },
      { ...base, parameterIds: [] },
      { ...base, description: 'x' },
    ];
    for (const sample of cases) {
      const r = await s.as(USERS.customer).post('orders', { samples: [sample] });
      expect([400, 422], JSON.stringify(r.body)).toContain(r.status);
      expect(isError(r)).toBe(true);
    }
    expect(
      (await s.as(USERS.customer).post('orders', { samples: Array.from({ length: 101 }, () => base) }))
        .status,
    ).toBe(400);
  });
});
