import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ok, type Envelope } from '../../../shared/bridge';
import {
  handleInvoke,
  parseInvokeRequest,
  UNTRUSTED_SENDER,
  type InvokeDeps,
} from '../../../main/shell/ipc-handler';
import {
  MAX_KEYSTORE_BYTES,
  readAtMost,
  wantsKeystoreDialog,
  withPickedKeystore,
} from '../../../main/shell/keystore-pick';

const APP = 'app://sippt/index.html';

function deps(pick: InvokeDeps['pickKeystore'] = async () => null) {
  const forward = vi.fn(async (_name: string, _input: unknown): Promise<Envelope<unknown>> =>
    ok('forwarded'),
  );
  return { forward, pickKeystore: vi.fn(pick) };
}

describe('sippt:invoke in the main process', () => {
  it.each([
    null,
    undefined,
    '',
    'https://evil.example/',
    'app://evil/index.html',
    'file:///x.html',
    'about:blank',
  ])('answers nothing but "unauthorized" to a frame at %s', async (url) => {
    const d = deps();
    expect(await handleInvoke(url, { name: 'app.info', input: {} }, d)).toEqual(UNTRUSTED_SENDER);
    expect(d.forward).not.toHaveBeenCalled();
  });

  it('forwards a known call from the app', async () => {
    const d = deps();
    expect(await handleInvoke(APP, { name: 'worklist.page', input: { limit: 5 } }, d)).toEqual(
      ok('forwarded'),
    );
    expect(d.forward).toHaveBeenCalledWith('worklist.page', { limit: 5 });
  });

  it('answers malformed and unknown calls itself', async () => {
    const d = deps();
    for (const raw of [
      null,
      'app.info',
      ['app.info'],
      { input: {} },
      { name: 3 },
      { name: 'x'.repeat(101) },
    ]) {
      const env = await handleInvoke(APP, raw, d);
      expect(env.ok === false && env.error.code).toBe('invalid_payload');
    }
    const env = await handleInvoke(APP, { name: '__proto__', input: {} }, d);
    expect(env.ok === false && env.error.code).toBe('unknown_call');
    expect(d.forward).not.toHaveBeenCalled();
  });

  it('a missing input is an empty object', () => {
    expect(parseInvokeRequest({ name: 'app.info' })).toEqual({ name: 'app.info', input: {} });
  });

  it('importKeystore with file null opens the dialog here and forwards bytes, never a path', async () => {
    const bytes = new Uint8Array([0x30, 0x82, 0x01, 0x02]);
    const d = deps(async () => ({ name: '/home/kepala/Documents/kepala-balai.p12', bytes }));
    const env = await handleInvoke(
      APP,
      { name: 'signing.importKeystore', input: { file: null, passphrase: 'rahasia' } },
      d,
    );
    expect(env).toEqual(ok('forwarded'));
    expect(d.pickKeystore).toHaveBeenCalledTimes(1);
    expect(d.forward).toHaveBeenCalledWith('signing.importKeystore', {
      file: { name: 'kepala-balai.p12', base64: Buffer.from(bytes).toString('base64') },
      passphrase: 'rahasia',
    });
  });

  it('importKeystore with bytes from the page (browser-style) goes straight on', async () => {
    const d = deps();
    const input = { file: { name: 'k.p12', base64: 'AAAA' }, passphrase: null };
    await handleInvoke(APP, { name: 'signing.importKeystore', input }, d);
    expect(d.pickKeystore).not.toHaveBeenCalled();
    expect(d.forward).toHaveBeenCalledWith('signing.importKeystore', input);
  });

  it('a cancelled dialog answers "cancelled" and forwards nothing', async () => {
    const d = deps(async () => null);
    const env = await handleInvoke(
      APP,
      { name: 'signing.importKeystore', input: { file: null, passphrase: null } },
      d,
    );
    expect(env.ok === false && env.error.code).toBe('cancelled');
    expect(d.forward).not.toHaveBeenCalled();
  });
});

describe('keystore pick', () => {
  it('only importKeystore with file === null wants the dialog', () => {
    expect(wantsKeystoreDialog('signing.importKeystore', { file: null })).toBe(true);
    expect(wantsKeystoreDialog('signing.importKeystore', {})).toBe(false);
    expect(wantsKeystoreDialog('signing.importKeystore', { file: '/etc/passwd' })).toBe(false);
    expect(wantsKeystoreDialog('signing.sign', { file: null })).toBe(false);
    expect(wantsKeystoreDialog('signing.importKeystore', null)).toBe(false);
  });

  it('refuses empty, oversized and unreadable files', async () => {
    const input = { file: null, passphrase: null };
    for (const bytes of [new Uint8Array(0), new Uint8Array(MAX_KEYSTORE_BYTES + 1)]) {
      const r = await withPickedKeystore(input, async () => ({ name: 'x.p12', bytes }));
      expect('answer' in r && r.answer.ok === false && r.answer.error.code).toBe('invalid_payload');
    }
    const r = await withPickedKeystore(input, async () => {
      throw new Error('EACCES /secret/path');
    });
    expect('answer' in r && r.answer.ok === false && r.answer.error.message.en).not.toContain('/secret/path');
  });

  it('the largest accepted keystore fits the contract’s base64 limit', async () => {
    const r = await withPickedKeystore({ file: null, passphrase: null }, async () => ({
      name: 'C:\\Users\\kb\\k.pfx',
      bytes: new Uint8Array(MAX_KEYSTORE_BYTES),
    }));
    expect('forward' in r).toBe(true);
    if ('forward' in r) {
      const file = r.forward.file as { name: string; base64: string };
      expect(file.name).toBe('k.pfx');
      expect(file.base64.length).toBeLessThanOrEqual(90_000);
    }
  });

  it('readAtMost reads no more than asked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sippt-read-'));
    try {
      const p = join(dir, 'big.bin');
      writeFileSync(p, Buffer.alloc(200_000, 7));
      expect((await readAtMost(p, MAX_KEYSTORE_BYTES + 1)).byteLength).toBe(MAX_KEYSTORE_BYTES + 1);
      writeFileSync(p, Buffer.from([1, 2, 3]));
      expect([...(await readAtMost(p, 100))]).toEqual([1, 2, 3]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
