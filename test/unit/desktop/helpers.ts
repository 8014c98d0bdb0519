import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DesktopServices, type DesktopServicesOptions } from '../../../main/services/desktop';

/** Cheap scrypt for tests (the production default costs 32 MiB and ~0.1 s per login). */
export const TEST_SCRYPT = { N: 1 << 10, r: 8, p: 1 };

export function tempDir(prefix = 'sippt-desktop-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function services(
  dataDir: string,
  serverUrl: string,
  extra: Partial<DesktopServicesOptions> = {},
): DesktopServices {
  return new DesktopServices({
    dataDir,
    serverUrl,
    scrypt: TEST_SCRYPT,
    autoSync: false,
    http: { timeoutMs: 3000 },
    sync: { backoffBaseMs: 20, backoffMaxMs: 200, debounceMs: 5, pullIntervalMs: 60_000 },
    ...extra,
  });
}

export async function until(
  cond: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
  what = 'condition',
  pollMs = 10,
): Promise<void> {
  const start = Date.now();
  while (!(await cond())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
