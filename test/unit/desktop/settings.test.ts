/** The settings stores behind the shell's interface: memory (tests) and one JSON file (web host). */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  JsonFileSettingsStore,
  MemorySettingsStore,
} from '../../../main/services/settings/settings';
import { tempDir } from './helpers';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir('sippt-settings-');
});
afterEach(() => tmp.cleanup());

describe('settings', () => {
  it('memory: defaults, a patch merges, an invalid patch changes nothing', () => {
    const s = new MemorySettingsStore();
    expect(s.get()).toEqual(DEFAULT_SETTINGS);
    expect(s.update({ serverUrl: 'http://lab:8080', lastUser: 'analis1' })).toMatchObject({
      serverUrl: 'http://lab:8080',
      lastUser: 'analis1',
      language: 'id',
    });
    expect(() => s.update({ language: 'fr' as 'id' })).toThrow();
    expect(s.get().language).toBe('id');
    // What get() hands out is a copy.
    s.get().worklistFilters['x'] = {};
    expect(s.get().worklistFilters).toEqual({});
  });

  it('JSON file: kept across instances, written whole through a temporary file', () => {
    const path = join(tmp.dir, 'conf', 'settings.json');
    const a = new JsonFileSettingsStore(path);
    expect(a.get()).toEqual(DEFAULT_SETTINGS);
    a.update({ language: 'en', window: { width: 1366, height: 768 } });
    expect(readdirSync(join(tmp.dir, 'conf'))).toEqual(['settings.json']);
    const b = new JsonFileSettingsStore(path);
    expect(b.get()).toMatchObject({ language: 'en', window: { width: 1366, height: 768 } });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ language: 'en' });
  });

  it('JSON file: a corrupt file is moved aside and the defaults are used', () => {
    const path = join(tmp.dir, 'settings.json');
    writeFileSync(path, '{"language": "en", "serverUrl": ');
    const s = new JsonFileSettingsStore(path, () => new Date('2026-03-02T03:00:00.000Z'));
    expect(s.get()).toEqual(DEFAULT_SETTINGS);
    expect(s.movedAside).toBe(`${path}.corrupt-2026-03-02T03-00-00-000Z`);
    expect(existsSync(s.movedAside!)).toBe(true);
    expect(existsSync(path)).toBe(false);
    writeFileSync(path, '{"language": "klingon"}');
    expect(new JsonFileSettingsStore(path).get().language).toBe('id');
  });
});
