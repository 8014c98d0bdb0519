/**
 * `npm run dist`: the desktop installers — Linux (AppImage, deb) and Windows (NSIS) — from
 * `npm run build`, with electron-builder (electron-builder.yml; fuses by scripts/after-pack.cjs).
 * The installers and electron-builder's latest*.yml land in release/; publish them to the unit's
 * server (README: "Merilis versi baru / Release a new version").
 *
 * electron-builder packs Electron's own binaries for each target (from its download cache or
 * GitHub) and rebuilds better-sqlite3 against Electron's headers. Where neither the Electron binary
 * nor its cached archives can be had, this stops with one clear line rather than a stack trace.
 *
 *   npm run dist                 Linux and Windows
 *   npm run dist -- --linux      Linux only (--win: Windows only)
 *   SIPPT_RELEASE_FEED_URL=https://sippt.example.go.id/api/v1/releases/feed npm run dist
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { findElectronBinary } from '../main/shell/electron-binary';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const platforms = args.filter((a) => a === '--linux' || a === '--win');
const targets = platforms.length > 0 ? platforms : ['--linux', '--win'];

/** Electron's cache of downloaded archives (what electron-builder and @electron/get read). */
function electronCache(): string {
  if (process.env.ELECTRON_CACHE) return process.env.ELECTRON_CACHE;
  if (process.platform === 'win32') return join(process.env.LOCALAPPDATA ?? homedir(), 'electron', 'Cache');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'electron');
  return join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'electron');
}

const electronDir = join(root, 'node_modules', 'electron');
const binary = findElectronBinary(electronDir);
const version =
  binary.version ??
  (JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')) as { version: string }).version;
const cache = electronCache();
const archives = targets.map((t) => `electron-v${version}-${t === '--win' ? 'win32' : 'linux'}-x64.zip`);
const cached = archives.every((a) => existsSync(join(cache, a)) || existsSync(join(cache, version, a)));
if (!binary.ok && !cached && process.env.SIPPT_DIST_FORCE !== '1') {
  console.error(
    `npm run dist: Electron ${version} tidak tersedia di sini (${binary.reason.split(' / ')[0]}; arsip ${archives.join(', ')} tidak ada di ${cache}): pemasang tidak dapat dibuat. / Electron ${version} is not available here (${binary.reason.split(' / ')[1] ?? binary.reason}; no ${archives.join(', ')} in ${cache}): the installers cannot be built.`,
  );
  process.exit(1);
}

// The feed written into app-update.yml: a fallback only, the app uses the server it signs in to.
const env = {
  ...process.env,
  SIPPT_RELEASE_FEED_URL: process.env.SIPPT_RELEASE_FEED_URL ?? 'https://sippt.invalid/api/v1/releases/feed',
};
execFileSync('npm', ['run', 'build'], { stdio: 'inherit', cwd: root, env });
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
console.log(`SIPPT Lab ${pkg.version}: ${targets.join(' ')}`);
const r = spawnSync(
  'npx',
  ['electron-builder', '--config', 'electron-builder.yml', ...targets, '--x64', '--publish', 'never'],
  { stdio: 'inherit', cwd: root, env },
);
if (r.status !== 0) {
  console.error(
    `npm run dist: electron-builder gagal (kode ${r.status}). / electron-builder failed (code ${r.status}).`,
  );
  process.exit(r.status ?? 1);
}
console.log(
  `Selesai: release/ (pemasang, .blockmap, latest*.yml). / Done: release/ (installers, .blockmap files, latest*.yml).`,
);
