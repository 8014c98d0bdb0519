/**
 * Where electron may be loaded: only the four shell files that wire Electron's objects. Every
 * other shell module is a pure helper these tests import in plain Node, and the engine's entry
 * imports no electron at all. The sandboxed preload can require nothing but electron.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const SHELL = resolve('main/shell');
const ELECTRON_WIRING = new Set([
  'app.ts',
  'preload.ts',
  'security.ts',
  'settings-electron.ts',
  'updater.ts',
]);
const runtimeElectron = /^import\s+(?!type\b)[^;]*from\s+'electron(?:-store)?'/m;

describe('electron boundary', () => {
  it('only the wiring files import electron at run time', () => {
    const offenders = readdirSync(SHELL)
      .filter((f) => f.endsWith('.ts') && !ELECTRON_WIRING.has(f))
      .filter((f) => runtimeElectron.test(readFileSync(join(SHELL, f), 'utf8')));
    expect(offenders).toEqual([]);
    for (const f of ELECTRON_WIRING) expect(readFileSync(join(SHELL, f), 'utf8')).toMatch(runtimeElectron);
  });

  it('the engine entry imports no electron', () => {
    expect(readFileSync(resolve('main/host/utility.ts'), 'utf8')).not.toMatch(/from\s+'electron/);
  });

  it('the preload bundle requires nothing but electron (a sandboxed preload cannot)', async () => {
    const r = await build({
      entryPoints: [resolve('main/shell/preload.ts')],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      external: ['electron'],
      write: false,
      logLevel: 'error',
    });
    const code = r.outputFiles[0]!.text;
    const required = new Set([...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]));
    expect([...required]).toEqual(['electron']);
  });
});
