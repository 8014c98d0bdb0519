/**
 * One error shape everywhere, {error: {code, message: {id, en}}}, also for what Fastify and Node's
 * HTTP parser answer themselves: a control character in a header (401 when it is the Authorization
 * header), a body too large (413), an unsupported media type (415), an unknown route (404), JSON that
 * does not parse (400); a known path with a wrong method is a 405 with Allow. Messages are for
 * people: no command names, Indonesian without English in it, no message that repeats itself.
 */
import { connect } from 'node:net';
import { beforeAll, expect, it } from 'vitest';
import { Flow, USERS } from './flow';
import { API, describeEachDialect, suiteServer } from './harness';

const SHAPE = {
  error: { code: expect.any(String), message: { id: expect.any(String), en: expect.any(String) } },
};

/** Messages for people: not the same text twice, no English inside the Indonesian. */
function expectHumane(body: { error: { message: { id: string; en: string } } }) {
  const { id, en } = body.error.message;
  expect(id).not.toBe(en);
  expect(id).not.toContain(' / ');
  expect(en).not.toContain(' / ');
  expect(id).not.toMatch(/\b(cannot|must|expected|invalid|received|the|is|not allowed|too (small|big))\b/i);
  expect(`${id} ${en}`).not.toMatch(
    /\b(order|tariff|billing|payment|sample|assignment|results?|analysis|report|survey|account)\.[a-z_]+/,
  );
}

function raw(port: number, request: string): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let data = '';
    socket.on('data', (d) => (data += d.toString('utf8')));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head, ...rest] = data.split('\r\n\r\n');
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head ?? '')?.[1] ?? 0),
        headers: head ?? '',
        body: rest.join('\r\n\r\n'),
      });
    });
  });
}

describeEachDialect('error shape', (dialect) => {
  const s = suiteServer(dialect);
  let port: number;
  beforeAll(async () => {
    await s.app.listen({ port: 0, host: '127.0.0.1' });
    port = (s.app.server.address() as { port: number }).port;
  });

  it('a control character in a header: 401 for Authorization, 400 for another, both in the error shape', async () => {
    const auth = await raw(
      port,
      `GET ${API}/auth/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer abc\u0001def\r\nConnection: close\r\n\r\n`,
    );
    expect(auth.status).toBe(401);
    expect(auth.headers.toLowerCase()).toContain('www-authenticate: bearer');
    expect(JSON.parse(auth.body)).toMatchObject({ error: { code: 'unauthorized' } });
    const other = await raw(
      port,
      `GET ${API}/health HTTP/1.1\r\nHost: x\r\nX-Note: a\u0007b\r\nConnection: close\r\n\r\n`,
    );
    expect(other.status).toBe(400);
    const body = JSON.parse(other.body);
    expect(body).toEqual(SHAPE);
    expect(body.error.message.en).toContain('x-note');
    expectHumane(body);
  });

  it('too large (413), unsupported media type (415), unknown route (404), unparsable JSON (400)', async () => {
    const big = await s.request('POST', `${API}/auth/login`, {
      rawBody: JSON.stringify({ username: 'a'.repeat(2 * 1024 * 1024), password: 'x' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(big.status).toBe(413);
    expect(big.body).toEqual(SHAPE);
    const media = await s.request('POST', `${API}/auth/login`, {
      rawBody: 'username=a',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(media.status).toBe(415);
    expect(media.body).toEqual(SHAPE);
    const plain = await s.request('POST', `${API}/auth/login`, {
      rawBody: 'hello',
      headers: { 'content-type': 'text/plain' },
    });
    expect(plain.status).toBe(415);
    expect(plain.body).toEqual(SHAPE);
    const unknown = await s.request('GET', `${API}/no-such-thing`);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: { code: 'not_found' } });
    const broken = await s.request('POST', `${API}/auth/login`, {
      rawBody: '{"username": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(broken.status).toBe(400);
    expect(broken.body).toEqual(SHAPE);
    for (const r of [big, media, plain, unknown, broken]) expectHumane(r.body);
  });

  it('a known path with a wrong method: 405 with Allow', async () => {
    const r = await s.request('DELETE', `${API}/auth/login`);
    expect(r.status).toBe(405);
    expect(r.headers.allow).toBe('POST');
    expect(r.body).toEqual(SHAPE);
    expect(r.body.error.code).toBe('method_not_allowed');
    expectHumane(r.body);
    const p = await s.request('PUT', `${API}/orders/00000000-0000-4000-8000-000000000000`);
    expect(p.status).toBe(405);
    expect(p.body.error.code).toBe('method_not_allowed');
    expect(String(p.headers.allow)).toContain('GET');
    // A path nobody serves stays a 404.
    expect((await s.request('DELETE', `${API}/nothing/here`)).status).toBe(404);
  });

  it('a validation error: Indonesian without English, English without Indonesian', async () => {
    const r = await s.request('POST', `${API}/auth/login`, { body: { username: '', password: 5 } });
    expect(r.status).toBe(400);
    expectHumane(r.body);
    const reason = await s
      .as(USERS.cs)
      .post(`orders/00000000-0000-4000-8000-000000000000/return`, { reason: 'x' });
    expect(reason.status).toBe(400);
    expectHumane(reason.body);
    expect(reason.body.error.message.id).toContain('alasan minimal 5 karakter');
    expect(reason.body.error.message.en).toContain('reason needs at least 5 characters');
  });

  it('a command in the wrong state says what must happen first, without command names', async () => {
    const f = new Flow(s);
    const order = await f.submit(USERS.customer, f.oneSample());
    // E-billing before the tariff is approved.
    const r = await s.as(USERS.customer).post(`orders/${order.id}/billing/request`);
    expect(r.status).toBe(409);
    expectHumane(r.body);
    expect(r.body.error.message.id).toMatch(/tarif/i);
    expect(r.body.error.message.en).toMatch(/tariff/i);
  });
});
