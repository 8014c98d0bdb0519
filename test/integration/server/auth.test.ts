/** Accounts and sessions over HTTP: registration, lockout, rate limit, refresh rotation and reuse, logout, staff accounts. */
import { expect, it } from 'vitest';
import { API, describeEachDialect, suiteServer } from './harness';
import { ok, USERS } from './flow';

describeEachDialect('auth', (dialect) => {
  const s = suiteServer(dialect, {
    login: { maxFailures: 5, lockMinutes: 15, ipMaxRequests: 40, ipWindowSeconds: 60 },
  });

  const login = (username: string, password: string, remoteAddress = '10.0.0.1') =>
    s.request('POST', `${API}/auth/login`, { body: { username, password }, remoteAddress });
  const refresh = (refreshToken: string) =>
    s.request('POST', `${API}/auth/refresh`, { body: { refreshToken } });
  /** Who the access token says the caller is. */
  const me = (token: string) => s.request('GET', `${API}/auth/me`, { token });

  it('logs in with the right password only, with the same answer for unknown users and wrong passwords', async () => {
    const good = await login(USERS.cs, s.demo.password);
    expect(good.status).toBe(200);
    expect(good.body).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 900,
      user: { username: USERS.cs, role: 'cs' },
    });
    expect(good.body.user).not.toHaveProperty('passwordHash');
    const wrong = await login(USERS.cs, 'salah-sekali-123');
    const unknown = await login('tidak.ada', 'salah-sekali-123');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.message.id).toBeTruthy();
    expect(wrong.body.error.message.en).toBeTruthy();
  });

  it('locks an account after 5 failed logins for 15 minutes, even for the right password', async () => {
    for (let i = 0; i < 4; i++)
      expect((await login(USERS.bendahara, `salah-${i}-xxxxxxx`, '10.0.1.1')).status).toBe(401);
    const fifth = await login(USERS.bendahara, 'salah-5-xxxxxxx', '10.0.1.2');
    expect(fifth.status).toBe(429);
    expect(fifth.body.error.code).toBe('account_locked');
    expect(fifth.headers['retry-after']).toBeTruthy();
    const right = await login(USERS.bendahara, s.demo.password, '10.0.1.3');
    expect(right.status).toBe(429);
    s.clock.advance(16 * 60_000);
    try {
      expect((await login(USERS.bendahara, s.demo.password, '10.0.1.4')).status).toBe(200);
    } finally {
      s.clock.advance(-16 * 60_000);
    }
  });

  it('limits failed logins per client address; successful ones do not count', async () => {
    // 45 logins on PostgreSQL can outlast the 60 s window, which would start the count afresh.
    s.clock.pin();
    try {
      for (let i = 0; i < 60; i++)
        expect((await login(USERS.cs, s.demo.password, '10.9.9.8')).status).toBe(200);
      let limited = 0;
      for (let i = 0; i < 45; i++) {
        const r = await login(`tidak.ada.${i}`, 'salah-sekali-123', '10.9.9.9');
        if (r.status === 429) {
          limited++;
          expect(r.body.error.code).toBe('rate_limited');
        }
      }
      expect(limited).toBe(5);
      // Another address is not affected.
      expect((await login(USERS.cs, s.demo.password, '10.9.9.10')).status).toBe(200);
    } finally {
      s.clock.release();
    }
  });

  it('rotates refresh tokens and revokes the session when a spent one is used again', async () => {
    const first = ok(await login(USERS.ketua, s.demo.password));
    const second = ok(await refresh(first.refreshToken));
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect((await me(second.accessToken)).status).toBe(200);
    // The spent token again: reuse detected, the whole session ends.
    const reuse = await refresh(first.refreshToken);
    expect(reuse.status).toBe(401);
    expect(reuse.body.error.code).toBe('refresh_reused');
    expect((await me(second.accessToken)).status).toBe(401);
    expect((await refresh(second.refreshToken)).status).toBe(401);
  });

  it('logout revokes the access and refresh tokens of the session', async () => {
    const session = ok(await login(USERS.cs, s.demo.password));
    expect(
      (await s.request('POST', `${API}/auth/logout`, { token: session.accessToken, body: {} })).status,
    ).toBe(200);
    expect((await s.request('GET', `${API}/orders`, { token: session.accessToken })).status).toBe(401);
    expect((await refresh(session.refreshToken)).status).toBe(401);
  });

  it('access tokens expire after 15 minutes and cannot be forged', async () => {
    const session = ok(await login(USERS.cs, s.demo.password));
    const parts = session.accessToken.split('.');
    const forged = [...parts.slice(0, 3), String(Number(parts[3]) + 3600), parts[4]].join('.');
    expect((await me(forged)).status).toBe(401);
    const otherUser = [parts[0], parts[1], s.user(USERS.admin).id, parts[3], parts[4]].join('.');
    expect((await me(otherUser)).status).toBe(401);
    expect(
      (await s.request('GET', `${API}/auth/me`, { headers: { authorization: 'Basic Y3M6eA==' } })).status,
    ).toBe(401);
    s.clock.advance(16 * 60_000);
    try {
      expect((await me(session.accessToken)).status).toBe(401);
      // The refresh token still works and gives a fresh access token.
      const fresh = ok(await refresh(session.refreshToken));
      expect((await me(fresh.accessToken)).status).toBe(200);
    } finally {
      s.clock.advance(-16 * 60_000);
    }
  });

  it('registration: duplicate username or e-mail is refused with a reason; nothing half-created', async () => {
    const body = {
      username: 'cv.kopi.baru',
      password: 'kata-sandi-panjang',
      companyName: 'CV Kopi Baru',
      contactName: 'Ani',
      email: 'ani@kopibaru.example.id',
      phone: '0711-123456',
      address: 'Jl. Merdeka 1, Palembang',
    };
    expect((await s.request('POST', `${API}/auth/register`, { body })).status).toBe(201);
    const sameUser = await s.request('POST', `${API}/auth/register`, {
      body: { ...body, email: 'lain@kopibaru.example.id' },
    });
    expect(sameUser.status).toBe(422);
    expect(sameUser.body.error.message.en).toContain('username');
    const sameMail = await s.request('POST', `${API}/auth/register`, {
      body: { ...body, username: 'cv.kopi.lain', email: 'ANI@kopibaru.example.id' },
    });
    expect(sameMail.status).toBe(422);
    expect(sameMail.body.error.message.en).toContain('e-mail');
    const pending = ok(await s.as(USERS.admin).get('customers?status=pending_activation')).customers;
    expect(pending.filter((c: { companyName: string }) => c.companyName === 'CV Kopi Baru')).toHaveLength(1);
    const weak = await s.request('POST', `${API}/auth/register`, {
      body: { ...body, username: 'x.y.z', password: 'pendek' },
    });
    expect(weak.status).toBe(400);
    expect(weak.body.error.issues[0].path).toBe('body.password');
  });

  it('Admin Satker creates staff accounts with role and lab; a role change applies at once', async () => {
    const created = ok(
      await s.as(USERS.admin).post('users', {
        username: 'analis.karet9',
        password: 'analis-karet-9999',
        name: 'Tono',
        role: 'analis',
        labId: s.demo.labs.KRT,
      }),
      201,
    );
    expect(created).toMatchObject({ role: 'analis', labId: s.demo.labs.KRT, active: true });
    const noLab = await s
      .as(USERS.admin)
      .post('users', { username: 'analis.x', password: 'analis-karet-9999', name: 'X', role: 'analis' });
    expect(noLab.status).toBe(422);
    const kbNoNip = await s.as(USERS.admin).post('users', {
      username: 'kepala.x',
      password: 'kepala-balai-9999',
      name: 'X',
      role: 'kepala_balai',
    });
    expect(kbNoNip.status).toBe(422);
    const customerRole = await s
      .as(USERS.admin)
      .post('users', { username: 'p.x', password: 'pelanggan-9999', name: 'X', role: 'pelanggan' });
    expect(customerRole.status).toBe(400);
    expect(
      (
        await s
          .as(USERS.cs)
          .post('users', { username: 'cs.x', password: 'cs-x-xxxxxxxx', name: 'X', role: 'cs' })
      ).status,
    ).toBe(403);

    const token = ok(await login('analis.karet9', 'analis-karet-9999')).accessToken;
    expect((await s.request('GET', `${API}/staff`, { token })).status).toBe(200);
    ok(await s.as(USERS.admin).patch(`users/${created.id}`, { active: false }));
    expect((await s.request('GET', `${API}/staff`, { token })).status).toBeGreaterThanOrEqual(401);
    expect((await login('analis.karet9', 'analis-karet-9999')).body.error.code).toBe('account_inactive');
    const audit = ok(await s.as(USERS.admin).get(`audit?entityId=${created.id}`)).entries;
    expect(audit.map((e: { command: string }) => e.command).sort()).toEqual(['user.create', 'user.update']);
    expect(JSON.stringify(audit)).not.toContain('scrypt$');
  });

  it('changing one’s password ends the other sessions', async () => {
    const a = ok(await login(USERS.penyeliaMikro, s.demo.password));
    const b = ok(await login(USERS.penyeliaMikro, s.demo.password));
    ok(
      await s.request('POST', `${API}/auth/password`, {
        token: a.accessToken,
        body: { currentPassword: s.demo.password, newPassword: 'penyelia-baru-2025' },
      }),
    );
    expect((await me(a.accessToken)).status).toBe(200);
    expect((await me(b.accessToken)).status).toBe(401);
    expect((await login(USERS.penyeliaMikro, 'penyelia-baru-2025')).status).toBe(200);
  });
});
