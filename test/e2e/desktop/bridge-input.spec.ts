/**
 * End to end: bad input through the desktop bridge (issue 8, "Bad input through the bridge"). The
 * browser host is called over HTTP exactly as the UI's client calls it: a wrong call name, a
 * malformed input (missing field, wrong type, extra field, not JSON), a missing or wrong host token,
 * a wrong Host header and an action before login each get a clear error, and nothing is written:
 * the working copy's queue stays as it was and the server's order is unchanged.
 */
import { test, expect } from '@playwright/test';
import { request as httpRequest } from 'node:http';
import { Bridge, demoOrder } from '../support/clients';
import { serialStage } from '../support/stage';
import type { DesktopHandle } from '../support/stack';

/* eslint-disable @typescript-eslint/no-explicit-any -- envelopes are JSON checked by the assertions */

const stage = serialStage();
let desktop: DesktopHandle;
let bridge: Bridge;

/** A registered sample of the Karet lab (step 12): the Penyelia could accept it. */
const SAMPLE = demoOrder('krt-12a');
const CHECK = {
  quantity: 'cukup',
  condition: 'baik',
  container: 'baik',
  sealIntact: true,
  storage: 'Rak K-2',
  note: '',
};
const VALID_ACCEPT = { ...SAMPLE, check: CHECK };

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await stage.start();
  desktop = await stage.desktop();
  bridge = new Bridge(desktop);
});

/** What the server holds of the sample's order: nothing of it may change. */
async function serverSnapshot() {
  const o = await stage.api.order(SAMPLE.orderId);
  return {
    version: o.version,
    status: o.status,
    sample: o.samples.find((s) => s.id === SAMPLE.sampleId)?.status,
  };
}

/** What the working copy has queued (signed in). */
async function localSnapshot() {
  const changes = await bridge.value('changes.list');
  const status = await bridge.value('sync.status');
  return {
    waiting: changes.waiting.length as number,
    blocked: changes.blocked.length as number,
    rejected: changes.rejected.length as number,
    pending: status.pending as number,
    sampleStatus: (
      (await bridge.value('order.get', { orderId: SAMPLE.orderId })).order.samples as any[]
    ).find((s) => s.id === SAMPLE.sampleId)?.status,
  };
}

/**
 * `refused` (calls the bridge must turn away) leaves the working copy's queue and the server's order
 * as they were.
 */
async function expectNothingWritten(refused: () => Promise<void>): Promise<void> {
  const before = await serverSnapshot();
  const local = await localSnapshot();
  await refused();
  expect(await localSnapshot()).toEqual(local);
  expect(await serverSnapshot()).toEqual(before);
}

function expectFailure(answer: { status: number; body: any }, code: string, status = 200) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(answer.body.ok).toBe(false);
  expect(answer.body.error.code).toBe(code);
  // A clear error: both languages, not empty.
  expect(answer.body.error.message.id).toEqual(expect.any(String));
  expect(answer.body.error.message.en).toEqual(expect.any(String));
  expect(answer.body.error.message.id.length).toBeGreaterThan(5);
  expect(answer.body.error.message.en.length).toBeGreaterThan(5);
  return answer.body.error as { code: string; message: { id: string; en: string }; details?: any };
}

/** A raw HTTP request with a Host header of our choosing (fetch does not let one set Host). */
function withHost(
  host: string,
  path: string,
  token: string,
  body = '{}',
): Promise<{ status: number; text: string }> {
  const url = new URL(desktop.origin);
  return new Promise((ok, bad) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path,
        method: 'POST',
        headers: {
          host,
          'content-type': 'application/json',
          'x-sippt-token': token,
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => ok({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', bad);
    req.end(body);
  });
}

test('before login: an action answers not_signed_in and the server order is untouched', async () => {
  const before = await serverSnapshot();
  expect(before.sample).toBe('registered');

  const accept = expectFailure(await bridge.call('sample.accept', VALID_ACCEPT), 'not_signed_in');
  expect(accept.message.en).toMatch(/sign in/i);
  expectFailure(await bridge.call('sync.status', {}), 'not_signed_in');
  expectFailure(await bridge.call('changes.list', {}), 'not_signed_in');
  // Calls without a session still answer (the login screen needs them).
  expect((await bridge.call('session.current', {})).body).toEqual({ ok: true, value: null });

  expect(await serverSnapshot()).toEqual(before);
});

test('a wrong call name answers unknown_call, before and after login', async () => {
  const before = await serverSnapshot();
  const e = expectFailure(await bridge.call('sample.delete', VALID_ACCEPT), 'unknown_call');
  expect(e.message.en).toContain('sample.delete');
  // Names of Object.prototype are not calls either.
  expectFailure(await bridge.call('constructor', {}), 'unknown_call');
  expectFailure(await bridge.call('__proto__', {}), 'unknown_call');

  await bridge.login('penyelia.karet', 'online');
  // The first pull fills the working copy (slow machines: give it time).
  await expect(async () =>
    expect((await bridge.call('order.get', { orderId: SAMPLE.orderId })).body.ok).toBe(true),
  ).toPass({ timeout: 90_000 });
  const local = await localSnapshot();
  expectFailure(await bridge.call('sample.acceptAll', VALID_ACCEPT), 'unknown_call');
  expect(await localSnapshot()).toEqual(local);
  expect(await serverSnapshot()).toEqual(before);
});

test('a malformed input answers invalid_payload naming the field, and nothing is written', async () => {
  const before = await serverSnapshot();
  const local = await localSnapshot();
  expect(local.sampleStatus).toBe('registered');

  // Missing field.
  const { check: _check, ...noCheck } = VALID_ACCEPT;
  let e = expectFailure(await bridge.call('sample.accept', noCheck), 'invalid_payload');
  expect(e.message.id).toContain('check');
  expect(e.message.en).toContain('check');
  expect(e.message.en).toContain('sample.accept');

  // Missing nested field.
  const { sealIntact: _seal, ...checkNoSeal } = CHECK;
  e = expectFailure(await bridge.call('sample.accept', { ...SAMPLE, check: checkNoSeal }), 'invalid_payload');
  expect(e.message.en).toContain('check.sealIntact');

  // Wrong type.
  e = expectFailure(
    await bridge.call('sample.accept', { ...SAMPLE, check: { ...CHECK, sealIntact: 'ya' } }),
    'invalid_payload',
  );
  expect(e.message.en).toContain('check.sealIntact');
  e = expectFailure(await bridge.call('sample.accept', { ...VALID_ACCEPT, orderId: 42 }), 'invalid_payload');
  expect(e.message.en).toContain('orderId');

  // A value outside its choices.
  e = expectFailure(
    await bridge.call('sample.accept', { ...SAMPLE, check: { ...CHECK, quantity: 'banyak' } }),
    'invalid_payload',
  );
  expect(e.message.en).toContain('check.quantity');

  // Extra field (strict inputs): named, so the caller knows what to remove.
  e = expectFailure(
    await bridge.call('sample.accept', { ...VALID_ACCEPT, acceptedBy: 'someone-else' }),
    'invalid_payload',
  );
  expect(e.message.en).toContain('acceptedBy');
  e = expectFailure(
    await bridge.call('sample.accept', { ...SAMPLE, check: { ...CHECK, override: true } }),
    'invalid_payload',
  );
  expect(e.message.en).toContain('override');

  // A reason too short, on another call.
  e = expectFailure(await bridge.call('sample.reject', { ...SAMPLE, reason: 'no' }), 'invalid_payload');
  expect(e.message.en).toContain('reason');

  // Not an object, and not JSON at all.
  expectFailure(await bridge.call('sample.accept', ['not', 'an', 'object']), 'invalid_payload');
  expectFailure(
    await bridge.call('sample.accept', null, { rawBody: '{"orderId": ' }),
    'invalid_payload',
    400,
  );

  expect(await localSnapshot()).toEqual(local);
  expect(await serverSnapshot()).toEqual(before);
});

test('a missing or wrong host token answers 401 unauthorized, and nothing is written', async () => {
  await expectNothingWritten(async () => {
    for (const token of [null, '', 'wrong-token', `${desktop.token}x`, desktop.token.slice(1)]) {
      const e = expectFailure(
        await bridge.call('sample.accept', VALID_ACCEPT, { token }),
        'unauthorized',
        401,
      );
      expect(e.message.en).toMatch(/token/i);
    }
    // The event stream needs the token too.
    const events = await fetch(`${desktop.origin}/bridge/events`, {
      headers: { 'x-sippt-token': 'wrong-token' },
    });
    expect(events.status).toBe(401);
    await events.body?.cancel();
  });
});

test('a wrong Host header is refused before the token is even looked at, and nothing is written', async () => {
  await expectNothingWritten(async () => {
    const port = new URL(desktop.origin).port;
    const body = JSON.stringify(VALID_ACCEPT);

    // A DNS-rebinding page reaches the port by another name: refused, even with the right token.
    for (const host of [`evil.example:${port}`, `127.0.0.1:${Number(port) + 1}`, 'localhost']) {
      const res = await withHost(host, '/bridge/call/sample.accept', desktop.token, body);
      expect(res.status, `${host}: ${res.text}`).toBe(421);
      expect(res.text).not.toContain('"ok":true');
    }
    // A cross-site Origin is refused as well.
    const cross = await fetch(`${desktop.origin}/bridge/call/sample.accept`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-sippt-token': desktop.token,
        origin: 'http://evil.example',
      },
      body,
    });
    expect(cross.status).toBe(403);
    await cross.body?.cancel();
  });
});

test('the same valid call then works (the guards refused only what was wrong)', async () => {
  const before = await localSnapshot();
  const done = await bridge.value('sample.accept', VALID_ACCEPT);
  expect(done.commandIds).toHaveLength(1);
  expect((done.order.samples as any[]).find((s) => s.id === SAMPLE.sampleId).status).toBe('received');
  // Queued once, then sent: the server has it.
  await expect(async () => {
    const o = await stage.api.order(SAMPLE.orderId);
    expect(o.samples.find((s) => s.id === SAMPLE.sampleId)?.status).toBe('received');
  }).toPass({ timeout: 30_000 });
  await expect(async () => expect((await bridge.value('sync.status')).pending).toBe(before.pending)).toPass({
    timeout: 30_000,
  });
});

test('a wrong type is reported as a wrong type, not as a missing field', async () => {
  // Last in this file: serial tests stop at a failure. Fails today (product bug in main/services/bridge/bridge.ts, issueText): zod 4 issues carry no
  // `input` unless asked, so every invalid_type is worded "wajib diisi / is required", even "ya".
  const e = expectFailure(
    await bridge.call('sample.accept', { ...SAMPLE, check: { ...CHECK, sealIntact: 'ya' } }),
    'invalid_payload',
  );
  expect(e.message.en).not.toMatch(/check\.sealIntact: is required/);
  expect(e.message.en).toMatch(/check\.sealIntact: .*(type|boolean)/);
});
