/**
 * `npm run electron:native [-- --force]`
 *
 * Builds better-sqlite3 for the installed Electron's ABI into build/electron-native/, from a copy
 * of the package, so node_modules keeps its Node build (tests, server, the browser host). The
 * Electron shell hands the result to the engine's utility process as SIPPT_SQLITE_BINDING in
 * development; a packaged app gets its own rebuild from electron-builder.
 *
 * It needs Electron's headers: from https://electronjs.org/headers (or npm_config_disturl), or
 * already unpacked in SIPPT_ELECTRON_HEADERS (node-gyp's --nodedir), for machines without access.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const OUT = resolve('build/electron-native');
const WORK = join(OUT, 'work');
const BINDING = join(OUT, 'better_sqlite3.node');
const STAMP = join(OUT, 'stamp.json');

const version = (pkg: string): string => (JSON.parse(readFileSync(resolve('node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;

function die(line: string): never {
  console.error(`electron:native: ${line}`);
  process.exit(1);
}

const electron = version('electron');
const sqlite = version('better-sqlite3');
const force = process.argv.includes('--force');
const nodedir = process.env.SIPPT_ELECTRON_HEADERS ? resolve(process.env.SIPPT_ELECTRON_HEADERS) : null;
const distUrl = (process.env.npm_config_disturl ?? 'https://electronjs.org/headers').replace(/\/+$/, '');
// The headers are part of what was built: a build from other headers is not "up to date".
const stamp = JSON.stringify({ electron, betterSqlite3: sqlite, arch: process.arch, platform: process.platform, headers: nodedir ?? distUrl });

if (!force && existsSync(BINDING) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === stamp) {
  console.log(`electron:native: sudah ada / up to date: ${BINDING} (Electron ${electron}, better-sqlite3 ${sqlite})`);
  process.exit(0);
}

if (nodedir) {
  if (!existsSync(join(nodedir, 'include', 'node', 'node.h'))) {
    die(`SIPPT_ELECTRON_HEADERS=${nodedir} bukan folder header Electron (include/node/node.h tidak ada) / is not an Electron headers folder (no include/node/node.h)`);
  }
} else {
  // Ask once, briefly, before node-gyp prints pages of retries: where there is no route to the
  // headers (our build machines) the answer is one line.
  const headers = `${distUrl}/v${electron}/node-v${electron}-headers.tar.gz`;
  let reachable = false;
  let why = '';
  try {
    const res = await fetch(headers, { method: 'HEAD', redirect: 'follow', signal: AbortSignal.timeout(10_000) });
    reachable = res.ok;
    why = `HTTP ${res.status}`;
  } catch (e) {
    why = e instanceof Error ? ((e.cause as Error | undefined)?.message ?? e.message) : String(e);
  }
  if (!reachable) {
    die(
      `header Electron ${electron} tidak dapat diunduh dari ${headers} (${why}); better-sqlite3 untuk Electron tidak dibangun (SIPPT_ELECTRON_HEADERS=<folder header> untuk luring) / cannot download the Electron ${electron} headers from ${headers} (${why}); better-sqlite3 for Electron was not built (set SIPPT_ELECTRON_HEADERS=<headers folder> to build offline)`,
    );
  }
}

// A copy of the package without its Node build: node-gyp writes only inside the copy.
rmSync(WORK, { recursive: true, force: true });
mkdirSync(WORK, { recursive: true });
writeFileSync(join(OUT, '.gitignore'), '*\n');
const pkgDir = join(WORK, 'better-sqlite3');
cpSync(resolve('node_modules/better-sqlite3'), pkgDir, { recursive: true, filter: (src) => !src.startsWith(resolve('node_modules/better-sqlite3/build')) });

const args = [
  resolve('node_modules/node-gyp/bin/node-gyp.js'),
  'rebuild',
  '--release',
  `--target=${electron}`,
  `--arch=${process.arch}`,
  `--devdir=${join(OUT, 'gyp-cache')}`,
  ...(nodedir ? [`--nodedir=${nodedir}`] : [`--dist-url=${distUrl}`]),
];
console.log(`electron:native: membangun / building better-sqlite3 ${sqlite} untuk / for Electron ${electron} (${process.platform}-${process.arch})…`);
const r = spawnSync(process.execPath, args, { cwd: pkgDir, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const built = join(pkgDir, 'build', 'Release', 'better_sqlite3.node');
if (r.status !== 0 || !existsSync(built)) {
  const log = join(OUT, 'build.log');
  writeFileSync(log, `${r.stdout ?? ''}\n${r.stderr ?? ''}`);
  const last = (r.stderr ?? '').trim().split('\n').filter((l) => /err/i.test(l)).slice(-1)[0] ?? `exit ${r.status}`;
  die(`node-gyp gagal / failed (${last.trim()}); log: ${log}`);
}
copyFileSync(built, BINDING);
writeFileSync(STAMP, stamp);
rmSync(WORK, { recursive: true, force: true });
console.log(`electron:native: ✓ ${BINDING}`);
