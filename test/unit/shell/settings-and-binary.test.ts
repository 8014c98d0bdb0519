import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElectronBinary, noElectronMessage } from '../../../main/shell/electron-binary';
import { KeyValueSettingsStore, SETTINGS_KEY } from '../../../main/shell/settings-kv';
import { DEFAULT_SETTINGS } from '../../../main/services/settings/settings';

function mapBackend(initial?: unknown) {
  const m = new Map<string, unknown>();
  if (initial !== undefined) m.set(SETTINGS_KEY, initial);
  return { m, backend: { get: (k: string) => m.get(k), set: (k: string, v: unknown) => void m.set(k, v) } };
}

describe('settings over electron-store (key-value backend)', () => {
  it('starts from the defaults and keeps server address, language, last user and window size', () => {
    const { m, backend } = mapBackend();
    const s = new KeyValueSettingsStore(backend);
    expect(s.get()).toEqual(DEFAULT_SETTINGS);
    s.update({
      serverUrl: 'http://10.0.0.5:8080',
      language: 'en',
      lastUser: 'penyelia.karet',
      window: { width: 1400, height: 900 },
    });
    const again = new KeyValueSettingsStore(backend);
    expect(again.get()).toMatchObject({
      serverUrl: 'http://10.0.0.5:8080',
      language: 'en',
      lastUser: 'penyelia.karet',
      window: { width: 1400, height: 900 },
    });
    expect(m.get(SETTINGS_KEY)).toMatchObject({ language: 'en' });
  });

  it('refuses an invalid patch whole and keeps what was stored', () => {
    const { backend } = mapBackend();
    const s = new KeyValueSettingsStore(backend);
    expect(() => s.update({ language: 'fr' as never, lastUser: 'x' })).toThrow();
    expect(s.get().lastUser).toBeNull();
  });

  it('a damaged stored value falls back to the defaults', () => {
    const s = new KeyValueSettingsStore(mapBackend({ language: 42 }).backend);
    expect(s.get()).toEqual(DEFAULT_SETTINGS);
    expect(s.recovered).toBe(true);
    expect(new KeyValueSettingsStore(mapBackend('garbage').backend).get()).toEqual(DEFAULT_SETTINGS);
  });

  it('hands out copies', () => {
    const s = new KeyValueSettingsStore(mapBackend().backend);
    const got = s.get();
    got.lastUser = 'mallory';
    expect(s.get().lastUser).toBeNull();
  });
});

describe('findElectronBinary', () => {
  const pkg = (dir: string) =>
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ version: '39.8.10' }));

  it('reports a skipped download (no path.txt) without loading electron', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sippt-electron-'));
    try {
      pkg(dir);
      const r = findElectronBinary(dir, {});
      expect(r).toMatchObject({ ok: false, version: '39.8.10' });
      if (!r.ok) expect(r.reason).toContain('not downloaded');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds dist/<path.txt> when it exists, and says when it does not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sippt-electron-'));
    try {
      pkg(dir);
      writeFileSync(join(dir, 'path.txt'), 'electron');
      expect(findElectronBinary(dir, {}).ok).toBe(false);
      mkdirSync(join(dir, 'dist'));
      writeFileSync(join(dir, 'dist', 'electron'), '');
      expect(findElectronBinary(dir, {})).toEqual({
        ok: true,
        path: join(dir, 'dist', 'electron'),
        version: '39.8.10',
      });
      expect(findElectronBinary(join(dir, 'missing'), {})).toMatchObject({ ok: false, version: null });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the message is one line, Indonesian then English, pointing to desktop:web', () => {
    const line = noElectronMessage('biner Electron tidak diunduh / the Electron binary was not downloaded');
    expect(line).not.toContain('\n');
    expect(line.indexOf('tidak dapat dijalankan')).toBeLessThan(line.indexOf('cannot start'));
    expect(line.match(/npm run desktop:web/g)).toHaveLength(2);
  });

  it('this repository: the installed electron package answers without throwing', () => {
    const r = findElectronBinary(join(process.cwd(), 'node_modules', 'electron'));
    expect(typeof r.ok).toBe('boolean');
  });
});
