/**
 * Rate limits (@fastify/rate-limit, counted in the database): the routes that cost or expose answer
 * 429 with Retry-After in the error shape once a client address used its budget; the budget comes
 * back with the next window; the limits hold across two server processes on one PostgreSQL; and a
 * normal day's work under the default limits is never limited.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMITS, defaultConfig, type RateLimits } from '../../../server/config';
import {
  API,
  createTestDatabase,
  describeEachDialect,
  multipart,
  PG_URL,
  pdfBytes,
  spawnServer,
  suiteServer,
} from './harness';
import { Flow, ok, USERS } from './flow';

/** Small budgets (requests per client address), every one over the same 10-minute window. */
const SMALL_MAX: Record<keyof RateLimits, number> = {
  register: 2,
  session: 6,
  password: 2,
  verifyUpload: 3,
  verifyRead: 4,
  paymentNotify: 2,
};
const SMALL = Object.fromEntries(
  Object.entries(SMALL_MAX).map(([k, max]) => [k, { max, windowSeconds: 600 }]),
) as unknown as RateLimits;

function expectLimited(r: { status: number; body: unknown; headers: Record<string, unknown> }) {
  expect(r.status).toBe(429);
  const retry = Number(r.headers['retry-after']);
  expect(retry).toBeGreaterThan(0);
  expect(retry).toBeLessThanOrEqual(600);
  expect(r.body).toEqual({
    error: {
      code: 'rate_limited',
      message: {
        id: expect.stringMatching(/^Terlalu banyak permintaan.*\d+ detik\.$/),
        en: expect.stringMatching(/Try again in \d+ seconds\.$/),
      },
    },
  });
}

describeEachDialect('rate limits', (dialect) => {
  const s = suiteServer(dialect, {
    rateLimits: SMALL,
    login: { maxFailures: 100, lockMinutes: 15, ipMaxRequests: 3, ipWindowSeconds: 600 },
  });
  beforeAll(() => {
    // Each test counts requests within one window; a window's end mid-test would reset the count.
    s.clock.pin();
  });

  /** A login from `address`, the client address the limits count by. */
  const loginFrom = (address: string, username: string, password: string) =>
    s.request('POST', `${API}/auth/login`, { body: { username, password }, remoteAddress: address });
  const refreshFrom = (address: string, refreshToken: string) =>
    s.request('POST', `${API}/auth/refresh`, { body: { refreshToken }, remoteAddress: address });

  it('the PDF check: every upload counts, refused ones too; then 429 with Retry-After, per address; the next window starts afresh', async () => {
    const file = multipart({ data: pdfBytes(), filename: 'x.pdf', contentType: 'application/pdf' });
    const send = (ip: string) =>
      s.request('POST', `${API}/verify`, {
        rawBody: file.body,
        headers: { 'content-type': file.contentType },
        remoteAddress: ip,
      });
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await send('10.1.0.1'));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    expectLimited(await send('10.1.0.1'));
    // The HTML form shares the budget.
    expectLimited(
      await s.request('POST', '/verifikasi', {
        rawBody: file.body,
        headers: { 'content-type': file.contentType },
        remoteAddress: '10.1.0.1',
      }),
    );
    // Another address is not affected.
    expect((await send('10.1.0.2')).status).toBe(200);
    s.clock.advance(600_000);
    expect((await send('10.1.0.1')).status).toBe(200);
  });

  it('the verification pages and their JSON', async () => {
    const codes = [];
    for (let i = 0; i < 4; i++)
      codes.push(
        (
          await s.request(
            'GET',
            i % 2 ? '/verifikasi' : `${API}/verify/00000000-0000-4000-8000-000000000000`,
            { remoteAddress: '10.2.0.1' },
          )
        ).status,
      );
    expect(codes).toEqual([404, 200, 404, 200]);
    expectLimited(
      await s.request('GET', '/verify/00000000-0000-4000-8000-000000000000', {
        remoteAddress: '10.2.0.1',
        headers: { accept: 'application/json' },
      }),
    );
  });

  it('registration', async () => {
    const r1 = await s.request('POST', `${API}/auth/register`, { body: {}, remoteAddress: '10.3.0.1' });
    const r2 = await s.request('POST', `${API}/auth/register`, { body: {}, remoteAddress: '10.3.0.1' });
    expect([r1.status, r2.status]).toEqual([400, 400]);
    expectLimited(await s.request('POST', `${API}/auth/register`, { body: {}, remoteAddress: '10.3.0.1' }));
  });

  it('failed logins and refreshes share a budget of failures; successful logins do not count toward it', async () => {
    const good = () => loginFrom('10.4.0.1', USERS.cs, s.demo.password);
    expect((await good()).status).toBe(200);
    expect((await loginFrom('10.4.0.1', USERS.cs, 'salah-salah')).status).toBe(401);
    expect((await refreshFrom('10.4.0.1', 'x'.repeat(40))).status).toBe(401);
    expect((await good()).status).toBe(200);
    expect((await loginFrom('10.4.0.1', 'nobody', 'salah-salah')).status).toBe(401);
    // Three failures: the right password is refused too, from this address only.
    expectLimited(await good());
    expect((await loginFrom('10.4.0.2', USERS.cs, s.demo.password)).status).toBe(200);
    // Every login and refresh counts toward the (larger) session limit: 6 per window.
    for (let i = 0; i < 3; i++) await loginFrom('10.4.0.3', USERS.cs, s.demo.password);
    const refresh = (await loginFrom('10.4.0.3', USERS.cs, s.demo.password)).body.refreshToken;
    expect((await refreshFrom('10.4.0.3', refresh)).status).toBe(200);
    expect((await refreshFrom('10.4.0.3', 'y'.repeat(40))).status).toBe(401);
    expectLimited(await loginFrom('10.4.0.3', USERS.cs, s.demo.password));
  });

  it('password changes and the payment notification', async () => {
    const login = await loginFrom('10.5.0.1', USERS.ketua, s.demo.password);
    const token = login.body.accessToken as string;
    const change = () =>
      s.request('POST', `${API}/auth/password`, {
        token,
        body: { currentPassword: 'bukan-ini', newPassword: 'Sandi-Baru-123!' },
        remoteAddress: '10.5.0.1',
      });
    expect((await change()).status).toBe(401);
    expect((await change()).status).toBe(401);
    expectLimited(await change());
    const notify = () =>
      s.request('POST', `${API}/payments/notify`, {
        body: { billingCode: '000000000000000', ntpn: 'NTPN0000000000AB', paidAt: new Date().toISOString() },
        remoteAddress: '10.5.0.2',
      });
    expect((await notify()).status).toBe(401);
    expect((await notify()).status).toBe(401);
    expectLimited(await notify());
  });
});

describeEachDialect('rate limits: a normal day is never limited', (dialect) => {
  const s = suiteServer(dialect, { rateLimits: DEFAULT_RATE_LIMITS, login: defaultConfig().login });

  it('every user of one office (one address) logs in, works an order to a signed report, refreshes, checks reports and changes a password', async () => {
    const f = new Flow(s);
    for (const u of s.demo.users)
      expect(
        (
          await s.request('POST', `${API}/auth/login`, {
            body: { username: u.username, password: u.password },
          })
        ).status,
      ).toBe(200);
    // A mistyped password or two in the morning.
    for (let i = 0; i < 3; i++)
      expect(
        (
          await s.request('POST', `${API}/auth/login`, {
            body: { username: USERS.cs, password: 'ketik-salah' },
          })
        ).status,
      ).toBe(401);
    const id = await f.toPaid();
    await f.sampleTo(id, 0, 'released');
    const session = ok(
      await s.request('POST', `${API}/auth/login`, {
        body: { username: USERS.customer, password: s.demo.password },
      }),
    );
    let refresh = session.refreshToken as string;
    for (let i = 0; i < 8; i++)
      refresh = ok(
        await s.request('POST', `${API}/auth/refresh`, { body: { refreshToken: refresh } }),
      ).refreshToken;
    const file = multipart({ data: pdfBytes(), filename: 'x.pdf', contentType: 'application/pdf' });
    for (let i = 0; i < 10; i++)
      expect(
        (
          await s.request('POST', `${API}/verify`, {
            rawBody: file.body,
            headers: { 'content-type': file.contentType },
          })
        ).status,
      ).toBe(200);
    for (let i = 0; i < 20; i++) expect((await s.request('GET', '/verifikasi')).status).toBe(200);
    const r = await s
      .as(USERS.ketua)
      .post('auth/password', { currentPassword: s.demo.password, newPassword: 'Sandi-Baru-123!' });
    expect(r.status).toBe(200);
  });
});

describe.skipIf(!PG_URL)('rate limits across two server processes on one PostgreSQL', () => {
  it('two processes share one budget per address; both answer 429 with Retry-After once it is spent', async () => {
    const db = await createTestDatabase('postgres');
    const procs = [
      await spawnServer(db.url!, { SIPPT_RATE_LIMITS: 'verifyUpload=6/600' }),
      await spawnServer(db.url!, { SIPPT_RATE_LIMITS: 'verifyUpload=6/600' }),
    ];
    try {
      const urls = await Promise.all(procs.map((p) => p.url));
      const file = multipart({ data: pdfBytes(), filename: 'x.pdf', contentType: 'application/pdf' });
      const send = (url: string) =>
        fetch(`${url}${API}/verify`, {
          method: 'POST',
          body: file.body,
          headers: { 'content-type': file.contentType },
        });
      // 10 uploads taking turns between the processes: exactly 6 pass. One after another, since
      // uploads sent all at once would meet the PDF pool's admission (503) before the rate limit.
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) statuses.push((await send(urls[i % 2]!)).status);
      expect(statuses.filter((x) => x === 200)).toHaveLength(6);
      expect(statuses.filter((x) => x === 429)).toHaveLength(4);
      for (const url of urls) {
        const r = await send(url);
        expect(r.status).toBe(429);
        expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(((await r.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
      }
      // Other routes are not limited by it.
      expect((await fetch(`${urls[0]}${API}/health`)).status).toBe(200);
    } finally {
      await Promise.all(procs.map((p) => p.stop()));
      await db.drop();
    }
  }, 120_000);
});
