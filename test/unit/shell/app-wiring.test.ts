/**
 * main/shell/app.ts as bundled, run in plain Node against a fake electron module (fixtures/): the
 * wiring no unit test of a helper can see. It must register app:// as privileged and sandbox every
 * renderer before `ready`, open one window with the checklist's options, serve the renderer with the
 * CSP, answer IPC from our page only, fork the engine and relay to it, persist the settings the
 * engine writes and the window size, and hold quit until the engine has closed.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../main/shell/csp';
import { checklistViolations } from '../../../main/shell/window-options';
import { bundleEngine, bundleShell } from './bundle';

const FIXTURES = resolve('test/unit/shell/fixtures');
let dir: string;
/* eslint-disable @typescript-eslint/no-explicit-any -- the runner's JSON is checked by the assertions */
let out: any;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sippt-app-wiring-'));
  await bundleShell(join(dir, 'main/app.cjs'));
  await bundleEngine(join(dir, 'main/utility.cjs'));
  mkdirSync(join(dir, 'renderer/desktop'), { recursive: true });
  writeFileSync(join(dir, 'renderer/desktop/index.html'), '<!doctype html><title>SIPPT Lab</title>');
  mkdirSync(join(dir, 'node_modules/electron'), { recursive: true });
  writeFileSync(
    join(dir, 'node_modules/electron/index.js'),
    `module.exports = require(${JSON.stringify(join(FIXTURES, 'fake-electron.cjs'))});\n`,
  );
  const stdout = execFileSync(process.execPath, [join(FIXTURES, 'run-app.cjs')], {
    cwd: dir,
    env: {
      ...process.env,
      NODE_PATH: resolve('node_modules'),
      FAKE_ELECTRON_DIR: dir,
      APP_BUNDLE: join(dir, 'main/app.cjs'),
    },
    encoding: 'utf8',
    timeout: 60_000,
  });
  out = JSON.parse(stdout.trim().split('\n').pop()!);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const recorded = (what: string) =>
  (out.record as { what: string; data: any }[]).filter((r) => r.what === what).map((r) => r.data);

describe('app.ts wiring (fake electron)', () => {
  it('before ready: app:// privileged, sandbox everywhere; then one locked-down window on app://sippt', () => {
    expect(recorded('schemes')[0]).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
    ]);
    expect(recorded('enableSandbox')).toHaveLength(1);
    const windows = recorded('window');
    expect(windows).toHaveLength(1);
    expect(checklistViolations(windows[0])).toEqual([]);
    expect(windows[0].webPreferences.preload).toBe(join(dir, 'main/preload.cjs'));
    expect(recorded('loadURL')).toEqual(['app://sippt/index.html']);
  });

  it('forks the engine once and relays calls to it', () => {
    expect(recorded('fork')).toEqual([{ module: 'utility.cjs', version: '0.1.0' }]);
    expect(out.appInfo).toMatchObject({ ok: true, value: { host: 'electron', version: '0.1.0' } });
    expect(out.settingsUpdate).toMatchObject({ ok: true, value: { lastUser: 'mt.karet' } });
  });

  it('answers nothing to another frame or another sender', () => {
    expect(out.foreignFrame).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(out.otherSender).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('opens the keystore dialog itself; cancelling answers "cancelled"', () => {
    expect(out.keystoreCancelled).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });

  it('serves the renderer with the CSP on every response, refuses traversal and other methods', () => {
    expect(out.index).toMatchObject({
      status: 200,
      csp: CONTENT_SECURITY_POLICY,
      type: 'text/html; charset=utf-8',
    });
    expect(out.index.body).toContain('SIPPT Lab');
    expect(out.traversal).toMatchObject({ status: 400, csp: CONTENT_SECURITY_POLICY });
    expect(out.post).toMatchObject({ status: 405, csp: CONTENT_SECURITY_POLICY });
  });

  it('refuses permission requests and checks', () => {
    expect(out.permissions).toEqual([
      ['request', false],
      ['check', false],
      ['device', false],
    ]);
  });

  it('persists the engine’s settings and the window size in electron-store, and quits only after the engine closed', () => {
    const file = JSON.parse(readFileSync(join(dir, 'userData/settings.json'), 'utf8'));
    expect(file.settings).toMatchObject({ lastUser: 'mt.karet', window: { width: 1300, height: 800 } });
    const quits = (out.record as { what: string }[])
      .filter((r) => r.what === 'quit' || r.what === 'quit done')
      .map((r) => r.what);
    expect(quits).toEqual(['quit', 'quit', 'quit done']);
  });
});
