/**
 * What the installers would contain, from electron-builder.yml's `files` and `extraResources`
 * globs evaluated the way electron-builder does (our files: a positive pattern and no later
 * negation; node_modules: the production dependencies minus the negations): never a private key,
 * a .p12/.pem, a source map or anything from test/. Checked on a fixture tree holding every kind of
 * file that must stay out, and on the real dist/ when `npm run build` has made it.
 *
 * And the fuses: scripts/after-pack.cjs, the afterPack hook, flips them in a binary carrying
 * Electron's fuse wire (a stand-in file with the sentinel: the real binary is not here).
 */
import { createRequire } from 'node:module';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import * as fuses from '@electron/fuses';
import yaml from 'js-yaml';
import { minimatch } from 'minimatch';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPkcs11js } from '../../../main/services/signing/token';
import { NATIVE_MODULES } from '../../../scripts/native-modules';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const require = createRequire(import.meta.url);

interface BuilderConfig {
  files: string[];
  asarUnpack: string[];
  npmRebuild: boolean;
  extraResources: { from: string; to: string; filter?: string[] }[];
  afterPack: string;
  asar: boolean;
  publish: { provider: string; url: string; channel: string };
}
const config = yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

function walk(dir: string, base = dir): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p, base));
    else if (e.isFile()) out.push(relative(base, p).split('\\').join('/'));
  }
  return out;
}

const match = (path: string, pattern: string) => minimatch(path, pattern, { dot: true });

/** Our own files under `root` that the `files` globs take (ordered: a later negation removes). */
function packedOwnFiles(root: string): string[] {
  const candidates = walk(root).filter((p) => !p.startsWith('node_modules/') && !p.startsWith('.git/'));
  return candidates.filter((p) => {
    let included = false;
    for (const pattern of config.files) {
      if (pattern.startsWith('!')) {
        if (match(p, pattern.slice(1))) included = false;
      } else if (match(p, pattern)) included = true;
    }
    return included;
  });
}

/** The extraResources: `resources/<to>/<file>` for every file of `from` its filter takes. */
function packedResources(root: string): { source: string; target: string }[] {
  const out: { source: string; target: string }[] = [];
  for (const r of config.extraResources) {
    for (const f of walk(join(root, r.from))) {
      if (r.filter && !r.filter.some((pat) => match(f, pat))) continue;
      out.push({ source: `${r.from}/${f}`, target: `resources/${r.to}/${f}` });
    }
  }
  return out;
}

const KEY_NAME = /\.(pem|p12|pfx|key|p8|jks|keystore)$/i;
const PRIVATE_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;

/** Why a packed file must not ship, or null. `contents` false: node_modules (library code names PEM headers). */
function refusal(path: string, abs: string, contents = true): string | null {
  if (KEY_NAME.test(path)) return 'a key file';
  if (/(^|\/)(test|tests|__tests__|fixtures)\//.test(path) || path.startsWith('test/')) return 'test data';
  if (/demo-keystore/.test(path)) return 'the demo keystore';
  if (path.endsWith('.map')) return 'a source map';
  if (contents && statSync(abs).size < 50 * 1024 * 1024 && PRIVATE_KEY.test(readFileSync(abs, 'latin1')))
    return 'a private key inside';
  return null;
}

describe('electron-builder.yml: what the installers contain', () => {
  let fixture: string;
  afterAll(() => {
    if (fixture) rmSync(fixture, { recursive: true, force: true });
  });

  it('takes the app and the fonts, and nothing that must stay out (fixture tree)', () => {
    fixture = mkdtempSync(join(tmpdir(), 'sippt-pack-'));
    const put = (p: string, body = 'x') => {
      mkdirSync(dirname(join(fixture, p)), { recursive: true });
      writeFileSync(join(fixture, p), body);
    };
    for (const p of [
      'package.json',
      'dist/main/app.cjs',
      'dist/main/preload.cjs',
      'dist/main/utility.cjs',
      'dist/renderer/desktop/index.html',
      'dist/renderer/desktop/assets/index-abc.js',
    ])
      put(p);
    for (const p of ['resources/fonts/NotoSans-Regular.ttf', 'resources/fonts/OFL.txt']) put(p);
    // what must stay out
    const outside = [
      'dist/main/app.cjs.map',
      'dist/renderer/desktop/assets/index-abc.js.map',
      'dist/renderer/portal/index.html',
      'dist/server/cli.js',
      'dist/main/demo.p12',
      'dist/main/key.pem',
      'dist/renderer/desktop/test/fixture.json',
      'resources/demo-keystore/kepala-balai-demo.p12',
      'resources/demo-keystore/kepala-balai-demo.pem',
      'resources/demo-catalog.json',
      'resources/fonts/README.md',
      'test/unit/release/packing.test.ts',
      'server/cli.ts',
      'main/shell/app.ts',
    ];
    for (const p of outside)
      put(p, p.endsWith('.pem') ? '-----BEGIN PRIVATE KEY-----\nMII...\n-----END PRIVATE KEY-----\n' : 'x');
    const own = packedOwnFiles(fixture);
    expect(own.sort()).toEqual([
      'dist/main/app.cjs',
      'dist/main/preload.cjs',
      'dist/main/utility.cjs',
      'dist/renderer/desktop/assets/index-abc.js',
      'dist/renderer/desktop/index.html',
      'package.json',
    ]);
    expect(
      packedResources(fixture)
        .map((r) => r.target)
        .sort(),
    ).toEqual(['resources/fonts/NotoSans-Regular.ttf', 'resources/fonts/OFL.txt']);
    // and the refusal check itself catches each kind
    for (const p of outside.filter((x) => /\.(p12|pem|map)$|test\//.test(x)))
      expect(refusal(p, join(fixture, p)), p).not.toBeNull();
  });

  const built =
    existsSync(join(ROOT, 'dist', 'main', 'app.cjs')) &&
    existsSync(join(ROOT, 'dist', 'renderer', 'desktop', 'index.html'));
  it.skipIf(!built)(
    'the built dist/: every packed file listed, none refused (run `npm run build` first, else skipped)',
    () => {
      const own = packedOwnFiles(ROOT);
      const resources = packedResources(ROOT);
      expect(own).toContain('dist/main/app.cjs');
      expect(own).toContain('dist/main/utility.cjs');
      expect(own).toContain('dist/main/preload.cjs');
      expect(own).toContain('dist/renderer/desktop/index.html');
      expect(
        own.filter(
          (p) =>
            !p.startsWith('dist/main/') && !p.startsWith('dist/renderer/desktop/') && p !== 'package.json',
        ),
      ).toEqual([]);
      expect(resources.some((r) => r.target.endsWith('.ttf'))).toBe(true);
      const refused = [
        ...own.map((p) => [p, join(ROOT, p)] as const),
        ...resources.map((r) => [r.target, join(ROOT, r.source)] as const),
      ]
        .map(([p, abs]) => [p, refusal(p, abs)] as const)
        .filter(([, why]) => why !== null);
      expect(refused).toEqual([]);
    },
  );

  it('node_modules: the production dependencies the desktop loads stay in; keys and test folders of packages are cut', () => {
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean; dependencies?: Record<string, string>; optional?: boolean }>;
    };
    const negations = config.files.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
    const cut = (path: string) => negations.some((n) => match(path, n));
    // What dist/main requires at run time (esbuild externals), and everything they depend on.
    const runtime = [
      ...NATIVE_MODULES.map((m) => m.package),
      'electron-updater',
      'electron-store',
      'pdf-lib',
      '@pdf-lib/fontkit',
      'node-forge',
    ];
    const closure = new Set<string>();
    const visit = (name: string) => {
      if (closure.has(name)) return;
      const entry = lock.packages[`node_modules/${name}`];
      if (!entry) return;
      closure.add(name);
      for (const d of Object.keys(entry.dependencies ?? {})) visit(d);
    };
    runtime.forEach(visit);
    for (const name of closure)
      expect(cut(`node_modules/${name}/package.json`), `${name} is needed at run time`).toBe(false);
    // A few server and UI packages are cut.
    for (const name of ['fastify', 'pg', 'react', '@mantine/core', 'exceljs'])
      expect(cut(`node_modules/${name}/package.json`), name).toBe(true);
    // Every packed file of the production dependencies: no key, no test folder.
    const production = Object.entries(lock.packages)
      .filter(
        ([k, v]) =>
          k.startsWith('node_modules/') &&
          !v.dev &&
          !k.slice('node_modules/'.length).includes('node_modules/'),
      )
      .map(([k]) => k.slice('node_modules/'.length));
    const refused: string[] = [];
    for (const name of production) {
      if (cut(`node_modules/${name}/package.json`)) continue;
      for (const f of walk(join(ROOT, 'node_modules', name))) {
        const path = `node_modules/${name}/${f}`;
        if (cut(path) || f.includes('node_modules/')) continue;
        const why = refusal(path, join(ROOT, path), false);
        if (why && why !== 'a source map') refused.push(`${path}: ${why}`);
      }
    }
    expect(refused).toEqual([]);
  });

  it('native modules (better-sqlite3, pkcs11js): production dependencies, rebuilt for Electron and unpacked from the asar', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(NATIVE_MODULES.map((m) => m.package)).toEqual(
      expect.arrayContaining(['better-sqlite3', 'pkcs11js']),
    );
    const negations = config.files.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
    expect(config.npmRebuild).toBe(true);
    for (const m of NATIVE_MODULES) {
      expect(pkg.dependencies[m.package], `${m.package} is a production dependency`).toBeDefined();
      const addon = `node_modules/${m.package}/${m.addon}`;
      // The addon exists where the module requires it (the Node build in node_modules).
      expect(existsSync(join(ROOT, addon)), addon).toBe(true);
      expect(
        negations.some((n) => match(addon, n)),
        `${addon} is packed`,
      ).toBe(false);
      expect(
        config.asarUnpack.some((u) => match(addon, u)),
        `${addon} is unpacked (a .node cannot load from inside the asar)`,
      ).toBe(true);
    }
  });

  it.skipIf(!existsSync(join(ROOT, 'dist', 'main', 'utility.cjs')))(
    'the built engine requires each native module at run time instead of bundling it',
    () => {
      const engine = readFileSync(join(ROOT, 'dist', 'main', 'utility.cjs'), 'utf8');
      for (const m of NATIVE_MODULES)
        expect(engine.includes(m.addon.split('/').pop()!), `${m.package}'s addon is not bundled`).toBe(false);
    },
  );

  it('pkcs11js loads from node_modules, or from the Electron build folder the shell names (SIPPT_PKCS11JS_DIR)', async () => {
    const real = await loadPkcs11js(undefined);
    expect(typeof real.PKCS11).toBe('function');
    const dir = mkdtempSync(join(tmpdir(), 'sippt-pkcs11js-'));
    try {
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'pkcs11js', main: 'index.js' }));
      writeFileSync(
        join(dir, 'index.js'),
        'class PKCS11 { built() { return "electron"; } }\nmodule.exports = { PKCS11 };\n',
      );
      const copy = (await loadPkcs11js(dir)) as unknown as { PKCS11: new () => { built(): string } };
      expect(new copy.PKCS11().built()).toBe('electron');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('publishes to the generic feed of the SIPPT server, through asar', () => {
    expect(config.publish).toMatchObject({ provider: 'generic', channel: 'latest' });
    expect(config.publish.url).toBe('${env.SIPPT_RELEASE_FEED_URL}');
    expect(config.asar).toBe(true);
  });
});

describe('Electron fuses (scripts/after-pack.cjs)', () => {
  const hook = require(join(ROOT, 'scripts', 'after-pack.cjs')) as {
    (context: unknown): Promise<void>;
    FUSES: Record<number, boolean>;
    electronBinary(context: unknown): string;
  };
  const { FuseV1Options, getCurrentFuseWire } = fuses;

  it('is the afterPack hook of electron-builder.yml and sets each fuse as the checklist says', () => {
    expect(config.afterPack).toBe('scripts/after-pack.cjs');
    expect(hook.FUSES).toEqual({
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.EnableCookieEncryption]: true,
    });
  });

  it('flips them in the packed binary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sippt-fuses-'));
    try {
      // A stand-in for the Electron binary: its fuse wire (version 1, 8 fuses, all as Electron ships them).
      const shipped = [1, 1, 1, 1, 0, 0, 0, 0].map((b) => (b ? 0x31 : 0x30));
      const bin = join(dir, 'sippt-lab');
      writeFileSync(
        bin,
        Buffer.concat([
          Buffer.from('ELF...'),
          Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'),
          Buffer.from([1, shipped.length, ...shipped]),
          Buffer.from('...'),
        ]),
      );
      const context = {
        appOutDir: dir,
        electronPlatformName: 'linux',
        arch: 1,
        packager: { executableName: 'sippt-lab', appInfo: { productFilename: 'SIPPT Lab' } },
      };
      expect(hook.electronBinary(context)).toBe(bin);
      expect(hook.electronBinary({ ...context, electronPlatformName: 'win32' })).toBe(
        join(dir, 'SIPPT Lab.exe'),
      );
      await hook(context);
      const wire = (await getCurrentFuseWire(bin)) as unknown as Record<number, number>;
      const on = (o: number) => wire[o] === 0x31;
      expect(on(FuseV1Options.RunAsNode)).toBe(false);
      expect(on(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe(false);
      expect(on(FuseV1Options.EnableNodeCliInspectArguments)).toBe(false);
      expect(on(FuseV1Options.OnlyLoadAppFromAsar)).toBe(true);
      expect(on(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe(true);
      expect(on(FuseV1Options.EnableCookieEncryption)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
