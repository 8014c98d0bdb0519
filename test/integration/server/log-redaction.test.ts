/**
 * The server's log never prints a secret: a password sent to log in, the tokens it answers, and the
 * Authorization header that carries them are redacted by the one list (node-shared/log-secrets.ts),
 * even when a request's headers and body are logged whole.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REDACTED } from '../../../node-shared/log-secrets';
import { seedDemo } from '../../../server/demo';
import { buildServer } from '../../../server/http/app';
import { placeholderReportServices } from '../../../server/reports/placeholder';
import { USERS } from './flow';
import { API, createTestDatabase, describeEachDialect, TestClock, testConfig, TestServer } from './harness';

describeEachDialect('server log redaction', (dialect) => {
  let s: TestServer;
  const lines: string[] = [];
  beforeAll(async () => {
    const db = await createTestDatabase(dialect);
    const handle = await db.open();
    const clock = new TestClock();
    const config = testConfig(clock);
    const demo = await seedDemo({ handle, config, reports: placeholderReportServices });
    // Logger options, as the CLI gives them (server/cli.ts), at the most talkative level.
    const app = await buildServer({
      db: handle,
      config,
      logger: { level: 'trace', stream: { write: (line: string) => void lines.push(line) } },
    });
    // What a careless debugging line would log: the request whole, as it came in.
    app.addHook('preHandler', async (req) => {
      req.log.debug({ headers: req.headers, body: req.body }, 'request as received');
    });
    await app.ready();
    s = new TestServer(app, handle, db, demo, clock, config);
  });
  afterAll(async () => s?.close());

  it('prints neither the password of a login nor the bearer token of a request', async () => {
    const password = s.user(USERS.cs).password;
    const login = await s.request('POST', `${API}/auth/login`, { body: { username: USERS.cs, password } });
    expect(login.status).toBe(200);
    const { accessToken, refreshToken } = login.body as { accessToken: string; refreshToken: string };
    expect((await s.request('GET', `${API}/auth/me`, { token: accessToken })).status).toBe(200);
    const refreshed = await s.request('POST', `${API}/auth/refresh`, { body: { refreshToken } });
    expect(refreshed.status).toBe(200);

    const log = lines.join('');
    // The records are there (so the check below reads something), with the secrets' places censored.
    expect(log).toContain('request as received');
    expect(log).toContain(USERS.cs);
    expect(log).toContain(`"password":"${REDACTED}"`);
    expect(log).toContain(`"authorization":"${REDACTED}"`);
    expect(log).toContain(`"refreshToken":"${REDACTED}"`);
    for (const secret of [password, accessToken, refreshToken]) expect(log).not.toContain(secret);
  });
});
