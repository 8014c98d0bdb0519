/**
 * Smoke test of the installed-app shape: the real Electron shell (app.cjs, preload, utility
 * process, app:// protocol) launched by Playwright, signing in against a demo server. Skipped,
 * with the reason, where the Electron binary is absent (our build machines: only the npm registry
 * is reachable, so electron is installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1); the same screens
 * are tested through the browser host there.
 */
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findElectronBinary, noElectronMessage } from '../../main/shell/electron-binary';
import { DEMO_PASSWORD, startDemoServer, type ServerHandle } from './support/stack';

const ROOT = resolve(import.meta.dirname, '../..');

/** The binary `require('electron')` names, without loading electron at the top of the module. */
function electronBinary(): { path: string } | { reason: string } {
  const found = findElectronBinary(join(ROOT, 'node_modules', 'electron'));
  if (!found.ok) return { reason: noElectronMessage(found.reason) };
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    if (typeof path === 'string' && existsSync(path)) return { path };
  } catch {
    // fall through: the package throws when its binary was not downloaded
  }
  return { reason: noElectronMessage('biner Electron tidak ada / the Electron binary is missing') };
}

const binary = electronBinary();
// The list reporter does not print skip reasons: say it once, in one line.
if ('reason' in binary) console.log(`electron-smoke: ${binary.reason}`);

test.describe('Electron app (smoke)', () => {
  test.skip('reason' in binary, 'reason' in binary ? binary.reason : '');

  let server: ServerHandle;
  let userData: string;
  let app: ElectronApplication | null = null;

  test.beforeAll(async () => {
    test.setTimeout(600_000);
    const tsx = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
    execFileSync(process.execPath, [tsx, 'scripts/build.ts'], { cwd: ROOT, stdio: 'inherit' });
    // better-sqlite3 for Electron's ABI; fails in one line where the headers cannot be had.
    execFileSync(process.execPath, [tsx, 'scripts/electron-native.ts'], { cwd: ROOT, stdio: 'inherit' });
    server = await startDemoServer();
    userData = mkdtempSync(join(tmpdir(), 'sippt-electron-smoke-'));
  });

  test.afterAll(async () => {
    await app?.close();
    await server?.stop();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  test('launches, is locked down, and signs in against the demo server', async () => {
    if ('reason' in binary) return;
    const env = { ...process.env, SIPPT_USER_DATA: userData } as Record<string, string>;
    delete env.ELECTRON_RUN_AS_NODE;
    app = await electron.launch({ executablePath: binary.path, args: [ROOT], cwd: ROOT, env });
    const page = await app.firstWindow();

    expect(page.url()).toMatch(/^app:\/\/sippt\//);
    // The page sees the bridge and nothing of Node or Electron.
    expect(
      await page.evaluate(() => Object.keys((window as unknown as { sippt: object }).sippt).sort()),
    ).toEqual(['invoke', 'on']);
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const wc = BrowserWindow.getAllWindows()[0]!.webContents;
      return { url: wc.getURL(), windows: BrowserWindow.getAllWindows().length };
    });
    expect(prefs).toEqual({ url: page.url(), windows: 1 });
    // window.open never makes a second window.
    await page.evaluate(() => window.open('https://example.org/'));
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);

    const form = page.getByRole('form', { name: 'Masuk ke SIPPT Lab' });
    await expect(form).toBeVisible({ timeout: 30_000 });
    const address = form.getByLabel('Alamat server');
    if (await address.isVisible()) await address.fill(server.url);
    await form.getByLabel('Nama pengguna').fill('penyelia.karet');
    await form.getByLabel('Kata sandi', { exact: true }).fill(DEMO_PASSWORD);
    await form.getByLabel('Kata sandi', { exact: true }).press('Enter');
    await expect(page.getByRole('button', { name: /Buka panel sinkron/ })).toBeVisible({ timeout: 45_000 });
  });
});
