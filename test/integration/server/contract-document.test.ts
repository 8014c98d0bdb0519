/* eslint-disable @typescript-eslint/no-explicit-any -- the OpenAPI document is JSON walked by the assertions */
/**
 * Issue 12: the OpenAPI document states what the server enforces. Checked on the document itself:
 * it is a valid set of JSON schemas (ajv compiles every one), patterns use [0-9] (not \d), every
 * operation names the roles that may call it (x-roles) and, where it performs one, its SOP step
 * (x-sop-step) in words too; state-changing operations document Idempotency-Key and
 * X-Base-Version; every error status has the error schema with its codes; the pull cursor and
 * the order-list cursor carry their real format.
 */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { suiteServer } from './harness';

const s = suiteServer('sqlite');
let doc: { paths: Record<string, Record<string, Record<string, unknown>>> };
beforeAll(async () => {
  const r = await s.request('GET', '/api/v1/openapi.json');
  expect(r.status).toBe(200);
  doc = r.body;
});

const ops = () =>
  Object.entries(doc.paths).flatMap(([path, byMethod]) =>
    Object.entries(byMethod).map(([method, op]) => ({ path, method, op: op as Record<string, any> })),
  );

describe('the OpenAPI document', () => {
  it('every schema compiles (ajv, draft 2020-12) and no pattern uses \\d', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: false });
    addFormats(ajv);
    const text = JSON.stringify(doc.paths);
    const patterns = [...text.matchAll(/"pattern":"((?:[^"\\]|\\.)*)"/g)].map(
      (m) => JSON.parse(`"${m[1]}"`) as string,
    );
    expect(patterns.length).toBeGreaterThan(0);
    for (const p of patterns) expect(p, p).not.toMatch(/\\d/);
    for (const { path, method, op } of ops()) {
      const schemas: unknown[] = [];
      for (const p of op.parameters ?? []) schemas.push(p.schema);
      for (const c of Object.values(op.requestBody?.content ?? {}))
        schemas.push((c as { schema: unknown }).schema);
      for (const r of Object.values(op.responses ?? {}))
        for (const c of Object.values((r as { content?: object }).content ?? {}))
          schemas.push((c as { schema: unknown }).schema);
      for (const sc of schemas) expect(() => ajv.compile(sc as object), `${method} ${path}`).not.toThrow();
    }
    // Compiling every text pattern (u flag) takes tens of seconds on a loaded machine.
  }, 240_000);

  it('every operation names its roles and SOP step; writes document Idempotency-Key and X-Base-Version; errors have their codes', () => {
    for (const { path, method, op } of ops()) {
      const where = `${method} ${path}`;
      expect(Array.isArray(op['x-roles']) && op['x-roles'].length > 0, where).toBe(true);
      expect(String(op.description), where).toMatch(/roles that may call it|public, no login/);
      if (op['x-sop-step'] !== undefined)
        expect(String(op.description), where).toContain(`SOP step ${op['x-sop-step']}`);
      const headers = (op.parameters ?? [])
        .filter((p: { in: string }) => p.in === 'header')
        .map((p: { name: string }) => p.name);
      if (method !== 'get' && op.security)
        expect(headers, where).toEqual(expect.arrayContaining(['Idempotency-Key', 'X-Base-Version']));
      for (const status of ['400', '404', '409', '422']) {
        const schema = op.responses[status]?.content?.['application/json']?.schema;
        expect(
          schema?.properties?.error?.properties?.code?.enum?.length,
          `${where} ${status}`,
        ).toBeGreaterThan(0);
      }
    }
    const byId = (m: string, p: string) => doc.paths[p]![m] as Record<string, any>;
    expect(
      byId('put', '/api/v1/orders/{orderId}/samples/{sampleId}/analyses/{analysisId}/result')['x-sop-step'],
    ).toBe(14);
    expect(
      byId('put', '/api/v1/orders/{orderId}/samples/{sampleId}/analyses/{analysisId}/result')['x-roles'],
    ).toContain('analis');
    expect(byId('post', '/api/v1/orders')['x-sop-step']).toBe(4);
  });

  it('cursors carry their real format', () => {
    const pull = (doc.paths['/api/v1/sync/pull']!.post as Record<string, any>).requestBody.content[
      'application/json'
    ].schema;
    const cursor = JSON.stringify(pull.properties.cursor);
    expect(cursor).toContain('[0-9a-f]{12}:');
    const list = (doc.paths['/api/v1/orders']!.get as Record<string, any>).parameters.find(
      (p: { name: string }) => p.name === 'cursor',
    );
    expect(list.schema.pattern).toContain('Z_');
  });

  it('text fields: the document takes what the server takes (trimmed ends, CR LF in multi-line fields, emoji where nothing is printed) and refuses what it refuses', async () => {
    const ajv = new Ajv2020({ strict: false, allErrors: false });
    addFormats(ajv);
    const bodyOf = (method: string, path: string) =>
      (doc.paths[path]![method] as Record<string, any>).requestBody.content['application/json'].schema;
    const register = ajv.compile(bodyOf('post', '/api/v1/auth/register'));
    const holidays = ajv.compile(bodyOf('put', '/api/v1/calendar/holidays'));
    const reg = (over: Record<string, string>) => ({
      username: `kontrak${randomBytes(4).toString('hex')}`,
      password: 'KataSandiKuat2025',
      companyName: 'PT Maju Jaya',
      contactName: 'Budi Santoso',
      email: `budi${randomBytes(4).toString('hex')}@example.id`,
      phone: '+62 711 123456',
      address: 'Jl. Merdeka No. 1, Palembang',
      ...over,
    });
    // [body, stored field and value when taken (null: refused)]
    const registrations: [Record<string, string>, [string, string] | null][] = [
      [reg({ companyName: '  PT Maju Jaya  ' }), ['companyName', 'PT Maju Jaya']],
      [
        reg({ address: 'Jl. Merdeka No. 1\r\nPalembang 30126' }),
        ['address', 'Jl. Merdeka No. 1\nPalembang 30126'],
      ],
      [reg({ address: '\tJl. Merdeka No. 1\r\n' }), ['address', 'Jl. Merdeka No. 1']],
      [reg({ companyName: 'PT Maju 😀' }), null], // printed on the E-LHU: its fonts have no emoji
      [reg({ companyName: '   ' }), null],
      [reg({ companyName: 'PT Maju\r\nJaya' }), null], // one line
    ];
    for (const [body, kept] of registrations) {
      const where = JSON.stringify(body);
      const r = await s.request('POST', '/api/v1/auth/register', { body });
      expect(register(body), `document: ${where}`).toBe(kept !== null);
      expect(
        r.status >= 200 && r.status < 300,
        `server: ${where} ${r.status} ${JSON.stringify(r.body)}`,
      ).toBe(kept !== null);
      if (kept) {
        const c = (await s.as('cs1').get(`customers/${r.body.customerId}`)).body;
        expect(JSON.stringify(c), where).toContain(JSON.stringify(kept[1]));
      }
    }
    const list = (name: string) => ({ holidays: [{ date: '2026-03-20', name, kind: 'libur_nasional' }] });
    const names: [string, string | null][] = [
      ['Idul Fitri 1447 H 🌙', 'Idul Fitri 1447 H 🌙'], // never printed: any character but control characters
      [' Nyepi\t', 'Nyepi'],
      ['Hari\nRaya', null],
      ['\u0000', null],
    ];
    for (const [name, kept] of names) {
      const r = await s.as('admin').put('calendar/holidays', list(name));
      expect(holidays(list(name)), `document: ${JSON.stringify(name)}`).toBe(kept !== null);
      expect(r.status, `server: ${JSON.stringify(name)} ${JSON.stringify(r.body)}`).toBe(
        kept !== null ? 200 : 400,
      );
      if (kept)
        expect((await s.as('cs1').get('calendar/holidays')).body.holidays).toEqual([
          { date: '2026-03-20', name: kept, kind: 'libur_nasional' },
        ]);
    }
  });
});
