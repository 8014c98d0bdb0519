/**
 * Where the Electron binary is, or why there is none. Read from the electron package's own
 * `path.txt` (what `require('electron')` does), without loading it: requiring it throws when the
 * binary was never downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD=1 on our build machines).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type ElectronBinary =
  { ok: true; path: string; version: string } | { ok: false; reason: string; version: string | null };

export function findElectronBinary(
  electronPackageDir: string,
  env: Record<string, string | undefined> = process.env,
): ElectronBinary {
  let version: string | null = null;
  try {
    version =
      (JSON.parse(readFileSync(join(electronPackageDir, 'package.json'), 'utf8')) as { version?: string })
        .version ?? null;
  } catch {
    return {
      ok: false,
      reason: 'paket electron tidak terpasang / the electron package is not installed',
      version: null,
    };
  }
  let relative: string | null = null;
  try {
    relative = readFileSync(join(electronPackageDir, 'path.txt'), 'utf8').trim() || null;
  } catch {
    relative = null;
  }
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!relative && !override) {
    return {
      ok: false,
      reason: 'biner Electron tidak diunduh / the Electron binary was not downloaded',
      version,
    };
  }
  const path = override
    ? join(override, relative ?? 'electron')
    : join(electronPackageDir, 'dist', relative!);
  if (!existsSync(path))
    return {
      ok: false,
      reason: `biner Electron tidak ada di ${path} / the Electron binary is missing at ${path}`,
      version,
    };
  return { ok: true, path, version: version ?? 'unknown' };
}

/** The one line `npm start` prints and the smoke test skips with. */
export function noElectronMessage(reason: string): string {
  return `SIPPT Lab desktop tidak dapat dijalankan di sini: ${reason.split(' / ')[0]}. Jalankan aplikasi di peramban dengan \`npm run desktop:web\`. / The desktop app cannot start here: ${reason.split(' / ')[1] ?? reason}. Run it in a browser with \`npm run desktop:web\`.`;
}
