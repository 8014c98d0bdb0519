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
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness';

let s: TestServer;
let doc: { paths: Record<string, Record<string, Record<string, unknown>>> };
beforeAll(async () => {
  s = await startTestServer('sqlite');
  const r = await s.request('GET', '/api/v1/openapi.json');
  expect(r.status).toBe(200);
  doc = r.body;
});
afterAll(async () => s?.close());

const ops = () => Object.entries(doc.paths).flatMap(([path, byMethod]) => Object.entries(byMethod).map(([method, op]) => ({ path, method, op: op as Record<string, any> })));

describe('the OpenAPI document', () => {
  it('every schema compiles (ajv, draft 2020-12) and no pattern uses \\d', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: false });
    addFormats(ajv);
    const text = JSON.stringify(doc.paths);
    const patterns = [...text.matchAll(/"pattern":"((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1]}"`) as string);
    expect(patterns.length).toBeGreaterThan(0);
    for (const p of patterns) expect(p, p).not.toMatch(/\\d/);
    for (const { path, method, op } of ops()) {
      const schemas: unknown[] = [];
      for (const p of op.parameters ?? []) schemas.push(p.schema);
      for (const c of Object.values(op.requestBody?.content ?? {})) schemas.push((c as { schema: unknown }).schema);
      for (const r of Object.values(op.responses ?? {})) for (const c of Object.values((r as { content?: object }).content ?? {})) schemas.push((c as { schema: unknown }).schema);
      for (const sc of schemas) expect(() => ajv.compile(sc as object), `${method} ${path}`).not.toThrow();
    }
  });

  it('every operation names its roles and SOP step; writes document Idempotency-Key and X-Base-Version; errors have their codes', () => {
    for (const { path, method, op } of ops()) {
      const where = `${method} ${path}`;
      expect(Array.isArray(op['x-roles']) && op['x-roles'].length > 0, where).toBe(true);
      expect(String(op.description), where).toMatch(/roles that may call it|public, no login/);
      if (op['x-sop-step'] !== undefined) expect(String(op.description), where).toContain(`SOP step ${op['x-sop-step']}`);
      const headers = (op.parameters ?? []).filter((p: { in: string }) => p.in === 'header').map((p: { name: string }) => p.name);
      if (method !== 'get' && op.security) expect(headers, where).toEqual(expect.arrayContaining(['Idempotency-Key', 'X-Base-Version']));
      for (const status of ['400', '404', '409', '422']) {
        const schema = op.responses[status]?.content?.['application/json']?.schema;
        expect(schema?.properties?.error?.properties?.code?.enum?.length, `${where} ${status}`).toBeGreaterThan(0);
      }
    }
    const byId = (m: string, p: string) => doc.paths[p]![m] as Record<string, any>;
    expect(byId('put', '/api/v1/orders/{orderId}/samples/{sampleId}/analyses/{analysisId}/result')['x-sop-step']).toBe(14);
    expect(byId('put', '/api/v1/orders/{orderId}/samples/{sampleId}/analyses/{analysisId}/result')['x-roles']).toContain('analis');
    expect(byId('post', '/api/v1/orders')['x-sop-step']).toBe(4);
  });

  it('cursors carry their real format', () => {
    const pull = (doc.paths['/api/v1/sync/pull']!.post as Record<string, any>).requestBody.content['application/json'].schema;
    const cursor = JSON.stringify(pull.properties.cursor);
    expect(cursor).toContain('[0-9a-f]{12}:');
    const list = (doc.paths['/api/v1/orders']!.get as Record<string, any>).parameters.find((p: { name: string }) => p.name === 'cursor');
    expect(list.schema.pattern).toContain('Z_');
  });
});
