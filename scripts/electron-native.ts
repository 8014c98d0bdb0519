/**
 * `npm run electron:native [-- --force]`
 *
 * Builds the native modules (better-sqlite3, and pkcs11js for signing on a PKCS#11 token) for the
 * installed Electron's ABI into build/electron-native/, from copies of the packages, so
 * node_modules keeps its Node builds (tests, server, the browser host). The Electron shell hands the
 * results to the engine's utility process in development: SIPPT_SQLITE_BINDING (the .node file,
 * better-sqlite3's nativeBinding option) and SIPPT_PKCS11JS_DIR (a whole built copy of pkcs11js,
 * whose index.js requires its addon by a fixed relative path). A packaged app gets its own rebuild
 * from electron-builder (npmRebuild), which covers every native production dependency.
 *
 * It needs Electron's headers: from https://electronjs.org/headers (or npm_config_disturl), or
 * already unpacked in SIPPT_ELECTRON_HEADERS (node-gyp's --nodedir), for machines without access.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { NATIVE_MODULES } from './native-modules';

const OUT = resolve('build/electron-native');
const WORK = join(OUT, 'work');
const STAMP = join(OUT, 'stamp.json');

const version = (pkg: string): string =>
  (JSON.parse(readFileSync(resolve('node_modules', pkg, 'package.json'), 'utf8')) as { version: string })
    .version;

function die(line: string): never {
  console.error(`electron:native: ${line}`);
  process.exit(1);
}

const electron = version('electron');
const modules = NATIVE_MODULES.map((m) => ({ ...m, version: version(m.package) }));
const names = modules.map((m) => `${m.package} ${m.version}`).join(', ');
const force = process.argv.includes('--force');
const nodedir = process.env.SIPPT_ELECTRON_HEADERS ? resolve(process.env.SIPPT_ELECTRON_HEADERS) : null;
const distUrl = (process.env.npm_config_disturl ?? 'https://electronjs.org/headers').replace(/\/+$/, '');
// The headers are part of what was built: a build from other headers is not "up to date".
const stamp = JSON.stringify({
  electron,
  modules: Object.fromEntries(modules.map((m) => [m.package, m.version])),
  arch: process.arch,
  platform: process.platform,
  headers: nodedir ?? distUrl,
});
const outputs = modules.map((m) => join(OUT, m.output));

if (
  !force &&
  outputs.every((o) => existsSync(o)) &&
  existsSync(STAMP) &&
  readFileSync(STAMP, 'utf8') === stamp
) {
  console.log(
    `electron:native: sudah ada / up to date: ${outputs.join(', ')} (Electron ${electron}, ${names})`,
  );
  process.exit(0);
}

if (nodedir) {
  if (!existsSync(join(nodedir, 'include', 'node', 'node.h'))) {
    die(
      `SIPPT_ELECTRON_HEADERS=${nodedir} bukan folder header Electron (include/node/node.h tidak ada) / is not an Electron headers folder (no include/node/node.h)`,
    );
  }
} else {
  // Ask once, briefly, before node-gyp prints pages of retries: where there is no route to the
  // headers (our build machines) the answer is one line.
  const headers = `${distUrl}/v${electron}/node-v${electron}-headers.tar.gz`;
  let reachable = false;
  let why = '';
  try {
    const res = await fetch(headers, {
      method: 'HEAD',
      redirect: 'follow',
      signal: AbortSignal.timeout(10_000),
    });
    reachable = res.ok;
    why = `HTTP ${res.status}`;
  } catch (e) {
    why = e instanceof Error ? ((e.cause as Error | undefined)?.message ?? e.message) : String(e);
  }
  if (!reachable) {
    die(
      `header Electron ${electron} tidak dapat diunduh dari ${headers} (${why}); ${names} untuk Electron tidak dibangun (SIPPT_ELECTRON_HEADERS=<folder header> untuk luring) / cannot download the Electron ${electron} headers from ${headers} (${why}); ${names} for Electron were not built (set SIPPT_ELECTRON_HEADERS=<headers folder> to build offline)`,
    );
  }
}

rmSync(WORK, { recursive: true, force: true });
mkdirSync(WORK, { recursive: true });
writeFileSync(join(OUT, '.gitignore'), '*\n');
rmSync(STAMP, { force: true });
for (const m of modules) {
  // A copy of the package without its Node build: node-gyp writes only inside the copy.
  const source = resolve('node_modules', m.package);
  const pkgDir = join(WORK, m.package);
  cpSync(source, pkgDir, { recursive: true, filter: (src) => !src.startsWith(join(source, 'build')) });
  const args = [
    resolve('node_modules/node-gyp/bin/node-gyp.js'),
    'rebuild',
    '--release',
    `--target=${electron}`,
    `--arch=${process.arch}`,
    `--devdir=${join(OUT, 'gyp-cache')}`,
    ...(nodedir ? [`--nodedir=${nodedir}`] : [`--dist-url=${distUrl}`]),
  ];
  console.log(
    `electron:native: membangun / building ${m.package} ${m.version} untuk / for Electron ${electron} (${process.platform}-${process.arch})…`,
  );
  const r = spawnSync(process.execPath, args, {
    cwd: pkgDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const built = join(pkgDir, m.addon);
  if (r.status !== 0 || !existsSync(built)) {
    const log = join(OUT, `build-${m.package}.log`);
    writeFileSync(log, `${r.stdout ?? ''}\n${r.stderr ?? ''}`);
    const last =
      (r.stderr ?? '')
        .trim()
        .split('\n')
        .filter((l) => /err/i.test(l))
        .slice(-1)[0] ?? `exit ${r.status}`;
    die(`node-gyp gagal untuk / failed for ${m.package} (${last.trim()}); log: ${log}`);
  }
  const target = join(OUT, m.output);
  rmSync(target, { recursive: true, force: true });
  if (m.kind === 'binding') copyFileSync(built, target);
  else {
    // The package's JavaScript with its addon beside it, as index.js expects; no sources or objects.
    mkdirSync(join(target, 'build', 'Release'), { recursive: true });
    cpSync(pkgDir, target, {
      recursive: true,
      filter: (src) => !src.startsWith(join(pkgDir, 'build')) && !src.startsWith(join(pkgDir, 'src')),
    });
    copyFileSync(built, join(target, m.addon));
  }
}
writeFileSync(STAMP, stamp);
rmSync(WORK, { recursive: true, force: true });
console.log(`electron:native: ✓ ${outputs.join(', ')}`);
