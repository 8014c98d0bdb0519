/**
 * Login: online, offline against the stored scrypt verifier, lockout after five failures, the
 * session renewing itself, and the server's decisions (deactivation, role change, expiry) taking
 * effect at the next sync.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LoginError, OFFLINE_MAX_FAILURES } from '../../../main/services/auth/session';
import { checkVerifier, createVerifier, seal, unseal } from '../../../main/services/auth/verifier';
import { ActionRejectedError } from '../../../main/services/actions/local-actions';
import { OUTBOX_FILE } from '../../../main/services/localdb/paths';
import { SessionEndedError } from '../../../main/services/auth/session';
import { orderInLab, STAFF } from './fixtures';
import { TEST_SCRYPT } from './helpers';
import { onFakeServer } from './on-fake-server';

const fake = onFakeServer('sippt-auth-');
const P = STAFF.penyelia;

async function expectLoginError(p: Promise<unknown>, code: string) {
  await expect(p).rejects.toBeInstanceOf(LoginError);
  await p.catch((e: LoginError) => expect(e.code).toBe(code));
}

describe('verifier', () => {
  it('is scrypt with a random salt and stored parameters; the derived key opens the sealed token', async () => {
    const { verifier, key } = await createVerifier('kata-sandi-panjang', TEST_SCRYPT);
    expect(verifier).toMatchObject({ alg: 'scrypt', N: TEST_SCRYPT.N, r: 8, p: 1, keylen: 64 });
    expect(Buffer.from(verifier.salt, 'base64')).toHaveLength(16);
    expect(JSON.stringify(verifier)).not.toContain('kata-sandi-panjang');
    const again = await createVerifier('kata-sandi-panjang', TEST_SCRYPT);
    expect(again.verifier.salt).not.toBe(verifier.salt);
    const k = await checkVerifier('kata-sandi-panjang', verifier);
    expect(k?.equals(key)).toBe(true);
    expect(await checkVerifier('kata-sandi-salah', verifier)).toBeNull();
    const sealed = seal(key, 'refresh-token-value');
    expect(unseal(key, sealed)).toBe('refresh-token-value');
    expect(unseal(Buffer.alloc(32), sealed)).toBeNull();
  });

  it('defaults to a memory-hard cost (32 MiB)', async () => {
    const { DEFAULT_SCRYPT } = await import('../../../main/services/auth/verifier');
    expect(128 * DEFAULT_SCRYPT.N * DEFAULT_SCRYPT.r).toBeGreaterThanOrEqual(32 * 1024 * 1024);
  });
});

describe('login', () => {
  it('online login stores a verifier; offline login works with the server gone and resumes syncing after', async () => {
    const o = orderInLab();
    fake.server.put(o);
    const a = fake.client();
    const info = await a.login(P.username, P.password);
    expect(info.mode).toBe('online');
    await a.syncNow();
    a.close();

    await fake.server.stop();
    const b = fake.client();
    const off = await b.login(P.username, P.password); // auto: falls back to offline
    expect(off.mode).toBe('offline');
    expect(off.user.role).toBe('penyelia');
    b.acceptSample(o.id, o.samples[0]!.id, 'Segel utuh');
    await expect(b.syncNow()).rejects.toThrow();
    expect(b.status()).toMatchObject({ online: false, pending: 1 });

    // The server comes back: the refresh token sealed under the password renews the session.
    await fake.server.start();
    await b.syncNow();
    expect(b.status()).toMatchObject({ online: true, pending: 0, session: 'active' });
    expect(fake.server.orders.get(o.id)!.samples[0]!.status).toBe('received');
  });

  it('offline login for a user never signed in here is refused', async () => {
    await fake.server.stop();
    await expectLoginError(fake.client().login(P.username, P.password, 'offline'), 'offline_unknown_user');
  });

  it(`locks offline login after ${OFFLINE_MAX_FAILURES} failures until an online login`, async () => {
    const a = fake.client();
    await a.login(P.username, P.password);
    a.close();
    for (let i = 1; i < OFFLINE_MAX_FAILURES; i++) {
      await expectLoginError(
        fake.client().login(P.username, 'salah-salah-salah', 'offline'),
        'invalid_credentials',
      );
    }
    await expectLoginError(fake.client().login(P.username, 'salah-salah-salah', 'offline'), 'offline_locked');
    // Even the right password is refused now, also after a restart.
    await expectLoginError(fake.client().login(P.username, P.password, 'offline'), 'offline_locked');
    // An online login unlocks it.
    const b = fake.client();
    await b.login(P.username, P.password, 'online');
    b.close();
    const c = fake.client();
    expect((await c.login(P.username, P.password, 'offline')).mode).toBe('offline');
  });

  it('a wrong password the server refused is not retried offline', async () => {
    const a = fake.client();
    await a.login(P.username, P.password);
    a.close();
    await expectLoginError(fake.client().login(P.username, 'salah-salah-salah'), 'invalid_credentials');
  });

  it('the stored verifier and token are not the password or the token in clear', async () => {
    const a = fake.client();
    await a.login(P.username, P.password);
    const dir = a.session!.workspace;
    a.close();
    const db = new Database(join(dir, OUTBOX_FILE), { readonly: true });
    const row = db.prepare('SELECT * FROM profile').get() as Record<string, unknown>;
    db.close();
    const text = JSON.stringify(row);
    expect(text).not.toContain(P.password);
    for (const t of fake.server.refresh.keys()) expect(text).not.toContain(t);
    expect(JSON.parse(row.verifier as string)).toMatchObject({ alg: 'scrypt' });
  });
});

describe('the session and the server', () => {
  it('renews itself when the access token expires', async () => {
    const a = fake.client();
    await a.login(P.username, P.password);
    fake.server.expireAccessTokens();
    await a.syncNow();
    expect(a.status().session).toBe('active');
  });

  it('deactivation on the server ends the local session at the next sync, keeps the queue, and disables offline login', async () => {
    const o = orderInLab();
    fake.server.put(o);
    const a = await fake.signedIn(P);
    a.acceptSample(o.id, o.samples[0]!.id, 'Segel utuh');
    fake.server.users.get(P.username)!.active = false;
    fake.server.expireAccessTokens();
    await expect(a.syncNow()).rejects.toBeInstanceOf(SessionEndedError);
    expect(a.status()).toMatchObject({ session: 'ended', pending: 1 });
    expect(() => a.rejectSample(o.id, o.samples[0]!.id, 'Segel rusak sekali')).toThrow(ActionRejectedError);
    a.close();
    await expectLoginError(fake.client().login(P.username, P.password, 'offline'), 'offline_disabled');
    // Reactivated: an online login brings the same queue back and delivers it.
    fake.server.users.get(P.username)!.active = true;
    const b = fake.client();
    await b.login(P.username, P.password, 'online');
    expect(b.status().pending).toBe(1);
    await b.syncNow();
    expect(fake.server.orders.get(o.id)!.samples[0]!.status).toBe('received');
  });

  it('a role change seen at renewal takes effect: new actor, full pull of the new bucket', async () => {
    const o = orderInLab({ mtId: STAFF.penyelia2.id, penyeliaId: STAFF.penyelia.id });
    fake.server.put(o);
    const a = await fake.signedIn(P);
    expect(a.worklist()[0]!.next_action).toBe('sample.accept');
    fake.server.users.get(P.username)!.role = 'mt';
    fake.server.expireAccessTokens();
    await a.syncNow();
    expect(a.session!.user.role).toBe('mt');
    expect(a.worklist()[0]!.next_action).toBeNull();
  });

  it('after signing out, an offline login works locally and sync waits for an online login', async () => {
    const o = orderInLab();
    fake.server.put(o);
    const a = await fake.signedIn(P);
    await a.logout();
    const b = fake.client();
    await b.login(P.username, P.password, 'offline');
    b.acceptSample(o.id, o.samples[0]!.id, 'Segel utuh');
    await expect(b.syncNow()).rejects.toBeInstanceOf(SessionEndedError);
    expect(b.status()).toMatchObject({ session: 'needs_login', pending: 1 });
    await b.relogin(P.password);
    await b.syncNow();
    expect(fake.server.orders.get(o.id)!.samples[0]!.status).toBe('received');
  });
});
