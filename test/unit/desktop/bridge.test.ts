/**
 * The bridge map (main/services/bridge) against the fake server: every call name is handled, bad
 * input gets a clear error and writes nothing, every failure has the envelope's shape, events are
 * forwarded across logins, and secrets never reach the logger.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBridge, type Bridge } from '../../../main/services/bridge';
import type { DesktopServices } from '../../../main/services/desktop';
import { MemorySettingsStore } from '../../../main/services/settings/settings';
import { BRIDGE_CALL_NAMES, BRIDGE_CALLS, envelopeSchema, type Envelope } from '../../../shared/bridge';
import { z } from 'zod';
import { orderInLab, STAFF } from './fixtures';
import { onFakeServer } from './on-fake-server';

const fake = onFakeServer();
let bridge: Bridge;
let logged: { msg: string; err: unknown }[];
let made: DesktopServices[];
let settings: MemorySettingsStore;

/** The services the bridge makes for a server address: kept to look into, closed after the test. */
function servicesAt(url: string): DesktopServices {
  const s = fake.client({ serverUrl: url });
  made.push(s);
  return s;
}

/** The bridge as the web host makes it, its errors logged to `logged`; `services` plants a fault. */
function webBridge(services: (url: string) => DesktopServices = servicesAt): Bridge {
  return createBridge({
    services,
    settings,
    app: { version: '0.1.0-test', host: 'web' },
    logger: {
      info: () => {},
      warn: () => {},
      error: (msg, fields) => logged.push({ msg, err: fields }),
    },
  });
}

beforeEach(() => {
  logged = [];
  made = [];
  settings = new MemorySettingsStore();
  bridge = webBridge();
});
afterEach(() => bridge.close());

const AnyEnvelope = envelopeSchema(z.unknown());

async function call(name: string, input: unknown = {}): Promise<Envelope<unknown>> {
  const r = await bridge.invoke(name, input);
  // Every answer, good or bad, has the envelope's shape.
  expect(AnyEnvelope.safeParse(r).success).toBe(true);
  return r;
}

function value<T = unknown>(r: Envelope<unknown>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message.en}`);
  return r.value as T;
}

function error(r: Envelope<unknown>) {
  if (r.ok) throw new Error('expected an error');
  // (The fake server's own messages are one letter; ours are sentences.)
  expect(r.error.message.id.length).toBeGreaterThan(0);
  expect(r.error.message.en.length).toBeGreaterThan(0);
  return r.error;
}

async function login(username = 'penyelia1', password: string = STAFF.penyelia.password) {
  return value<{ user: { username: string }; mode: string }>(
    await call('session.login', { serverUrl: fake.server.url, username, password }),
  );
}

const outboxCount = () => made.at(-1)!.diagnostics.store.commands().length;

describe('bridge', () => {
  it('handles every call name of the contract (none answers unknown_call)', async () => {
    await login();
    for (const name of BRIDGE_CALL_NAMES) {
      // Calls that would end the session or reach for a dialog are covered on their own.
      if (name === 'session.logout' || name === 'session.login' || name === 'session.relogin') continue;
      const r = await call(name, {});
      if (!r.ok) expect(r.error.code, name).not.toBe('unknown_call');
    }
  });

  it('a wrong name, a malformed input, a missing field: a clear error and nothing written', async () => {
    const o = orderInLab();
    fake.server.put(o);
    await login();
    value(await call('sync.now'));
    const before = outboxCount();
    const unknown = error(await call('sample.acept', { orderId: o.id }));
    expect(unknown.code).toBe('unknown_call');
    expect(unknown.message.en).toContain('sample.acept');

    const missing = error(await call('sample.reject', { orderId: o.id, reason: 'Segel rusak sekali' }));
    expect(missing.code).toBe('invalid_payload');
    expect(missing.message.id).toMatch(/sampleId: wajib diisi/);
    expect(missing.message.en).toMatch(/sampleId: is required/);

    const short = error(
      await call('sample.reject', { orderId: o.id, sampleId: o.samples[0]!.id, reason: 'no' }),
    );
    expect(short.code).toBe('invalid_payload');
    expect(short.message.id).toMatch(/reason: alasan minimal 5 karakter/);
    expect(short.message.en).toMatch(/reason: a reason needs at least 5 characters/);

    const extra = error(
      await call('results.verify', { orderId: o.id, sampleId: o.samples[0]!.id, force: true }),
    );
    expect(extra.code).toBe('invalid_payload');
    expect(extra.message.en).toMatch(/unknown field: force/);

    const wrongType = error(await call('worklist.page', { limit: 'lots' }));
    expect(wrongType.code).toBe('invalid_payload');
    expect(wrongType.message.en).toMatch(/limit: wrong type, must be a number/);
    expect(wrongType.message.id).toMatch(/limit: jenis isian salah, harus angka/);
    const wrongNested = error(
      await call('sample.accept', {
        orderId: o.id,
        sampleId: o.samples[0]!.id,
        check: { quantity: 'cukup', condition: 'baik', container: 'baik', sealIntact: 'ya' },
      }),
    );
    expect(wrongNested.message.en).toMatch(/check\.sealIntact: wrong type, must be yes\/no/);
    expect(wrongNested.message.en).not.toMatch(/required/);

    const notAnObject = error(await call('sample.accept', 'accept it'));
    expect(notAnObject.code).toBe('invalid_payload');
    expect(outboxCount()).toBe(before);

    // A well-formed call the domain refuses: its code and reason, nothing written.
    const refused = error(await call('assignment.validate', { orderId: o.id, sampleId: o.samples[0]!.id }));
    expect(refused.code).toBe('forbidden');
    const elsewhere = error(
      await call('results.verify', {
        orderId: '00000000-0000-4000-8000-00000000beef',
        sampleId: o.samples[0]!.id,
      }),
    );
    expect(elsewhere.code).toBe('not_in_working_copy');
    expect(outboxCount()).toBe(before);

    // And the good one goes through.
    const accepted = value<{ commandIds: string[]; order: { samples: { status: string }[] } }>(
      await call('sample.accept', {
        orderId: o.id,
        sampleId: o.samples[0]!.id,
        check: { quantity: 'cukup', condition: 'baik', container: 'baik', sealIntact: true },
      }),
    );
    expect(accepted.commandIds).toHaveLength(1);
    expect(accepted.order.samples[0]!.status).toBe('received');
    expect(outboxCount()).toBe(before + 1);
  });

  it('calls that need a session answer not_signed_in without one; app and settings work before login', async () => {
    expect(error(await call('sync.status')).code).toBe('not_signed_in');
    expect(error(await call('worklist.page')).code).toBe('not_signed_in');
    expect(value(await call('session.current'))).toBeNull();
    expect(value<{ host: string; version: string }>(await call('app.info'))).toMatchObject({
      host: 'web',
      version: '0.1.0-test',
    });
    expect(value<{ language: string }>(await call('settings.update', { language: 'en' })).language).toBe(
      'en',
    );
    expect(error(await call('settings.update', { language: 'fr' })).code).toBe('invalid_payload');
    expect(settings.get().language).toBe('en');
    // First run: no server address anywhere.
    const noServer = error(await call('session.login', { username: 'penyelia1', password: 'x' }));
    expect(noServer.code).toBe('invalid_payload');
    expect(noServer.message.en).toMatch(/serverUrl/);
  });

  it('login remembers the server and the user; events are forwarded and survive a re-login', async () => {
    const sessions: unknown[] = [];
    const statuses: { pending: number }[] = [];
    bridge.on('session.changed', (s) => sessions.push(s));
    bridge.on('sync.status', (s) => statuses.push(s));
    const info = await login();
    expect(info.mode).toBe('online');
    expect(settings.get()).toMatchObject({ serverUrl: fake.server.url, lastUser: 'penyelia1' });
    expect(sessions).toHaveLength(1);
    value(await call('session.relogin', { password: STAFF.penyelia.password }));
    const o = orderInLab();
    fake.server.put(o);
    value(await call('sync.now'));
    const n = statuses.length;
    value(
      await call('sample.reject', {
        orderId: o.id,
        sampleId: o.samples[0]!.id,
        reason: 'Segel rusak, wadah bocor',
      }),
    );
    expect(statuses.length).toBeGreaterThan(n);
    expect(statuses.at(-1)!.pending).toBe(1);
    value(await call('session.logout'));
    expect(sessions.at(-1)).toBeNull();
    expect(error(await call('sync.status')).code).toBe('not_signed_in');
  });

  it('errors: login refused, offline, dismiss/redo of an unknown id, a cancelled or missing keystore file', async () => {
    const bad = error(
      await call('session.login', {
        serverUrl: fake.server.url,
        username: 'penyelia1',
        password: 'salah-sekali',
      }),
    );
    expect(bad.code).toBe('login_failed');
    expect(bad.details).toMatchObject({ reason: 'invalid_credentials' });
    await login();
    for (const name of ['changes.dismiss', 'changes.redo']) {
      const e = error(await call(name, { commandId: 'no-such-change' }));
      expect(e.code).toBe('not_found');
    }
    fake.server.fault('/sync/pull', 503, 1);
    expect(error(await call('sync.now')).code).toBe('offline');
    const noFile = error(await call('signing.importKeystore', { file: null, passphrase: null }));
    expect(noFile.code).toBe('invalid_payload');
    expect(noFile.message.en).toMatch(/choose the PKCS#12 keystore file/);
    const garbage = error(
      await call('signing.importKeystore', {
        file: { name: 'x.p12', base64: Buffer.from('not a keystore').toString('base64') },
        passphrase: 'rahasia-tte',
      }),
    );
    expect(garbage.code).toBe('signing_refused');
    expect(garbage.details).toMatchObject({ reason: 'keystore_invalid' });
  });

  it('the Electron dialog: cancelled answers cancelled', async () => {
    bridge.close();
    bridge = createBridge({
      services: servicesAt,
      settings,
      app: { version: '0.1.0-test', host: 'electron' },
      pickKeystore: () => Promise.resolve(null),
    });
    await login();
    expect(error(await call('signing.importKeystore', { file: null, passphrase: null })).code).toBe(
      'cancelled',
    );
  });

  it('passwords and passphrases never reach the logger, even when a call fails with a bug', async () => {
    const secret = 'Rahasia-Sekali-987';
    bridge.close();
    bridge = webBridge((url) => {
      const s = servicesAt(url);
      // A bug inside login that puts the input into its error.
      s.login = (_u: string, p: string) => Promise.reject(new Error(`boom with ${p}`));
      return s;
    });
    const r = error(
      await call('session.login', { serverUrl: fake.server.url, username: 'penyelia1', password: secret }),
    );
    expect(r.code).toBe('internal');
    expect(r.message.en).not.toContain(secret);
    expect(logged.length).toBeGreaterThan(0);
    const everything = JSON.stringify(logged);
    expect(everything).not.toContain(secret);
    // Refusals are not bugs: not logged at all.
    logged.length = 0;
    await call('session.login', {
      serverUrl: fake.server.url,
      username: 'penyelia1',
      password: `${secret}-x`,
    });
    await call('signing.sign', {
      reports: [{ orderId: 'o', sampleId: 's', reportId: 'r' }],
      passphrase: secret,
    });
    expect(JSON.stringify(logged)).not.toContain(secret);
  });

  it('an order whose stored row does not read: a plain answer, not a bug; dropped, fetched again whole, its change kept', async () => {
    const o = orderInLab();
    fake.server.put(o);
    await login();
    value(await call('sync.now'));
    // The server refuses every push for now: the accept stays queued while the row is damaged on disk.
    fake.server.faults.push({ path: '/api/v1/sync/push', mode: 503, remaining: 1000 });
    const sampleId = o.samples[0]!.id;
    const check = { quantity: 'cukup', condition: 'baik', container: 'baik', sealIntact: true };
    value(await call('sample.accept', { orderId: o.id, sampleId, check }));
    const store = made.at(-1)!.diagnostics.store;
    store.sql.db.prepare('UPDATE orders SET local_json = ? WHERE id = ?').run('{"id":', o.id);

    const opened = error(await call('order.get', { orderId: o.id }));
    expect(opened.code).toBe('not_in_working_copy');
    expect(opened.message.id).toContain('rusak');
    expect(opened.message.id).toContain('belum terkirim tetap tersimpan');
    expect(opened.message.en).toContain('fetched whole from the server at the next sync');
    expect(opened.details).toEqual({ orderId: o.id });
    expect(logged).toEqual([]);
    // Dropped at once: the next call says it is not here, the status says why, the change is kept.
    expect(error(await call('order.get', { orderId: o.id })).message.en).toContain(
      'not in your working copy',
    );
    const status = value<{ rebuiltFrom: string | null }>(await call('sync.status'));
    expect(status.rebuiltFrom).toContain(o.id);
    expect(outboxCount()).toBe(1);

    // The push accepted again: the pull is a full one and brings the order back, the accept shown on top.
    fake.server.faults = [];
    value(await call('sync.now'));
    const back = value<{ order: { samples: { status: string }[] } }>(
      await call('order.get', { orderId: o.id }),
    );
    expect(back.order.samples[0]!.status).toBe('received');
  });

  it('an answer that breaks its output schema is a bug: internal, logged', async () => {
    await login();
    const core = made.at(-1)!;
    core.labs = () => [{ id: 1 } as unknown as { id: string; code: string; name: string }];
    const r = error(await call('reference.labs'));
    expect(r.code).toBe('internal');
    expect(logged.at(-1)!.err).toMatchObject({ call: 'reference.labs' });
  });

  it('the map covers exactly the contract (a missing handler would fail the typecheck)', () => {
    expect(BRIDGE_CALL_NAMES.length).toBe(Object.keys(BRIDGE_CALLS).length);
  });
});
