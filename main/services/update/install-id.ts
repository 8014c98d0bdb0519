/**
 * The install's staging id: electron-updater keeps it in `<userData>/.updaterId` and places the
 * install in a staged rollout by it. The updater sends the same id to the SIPPT feed
 * (X-SIPPT-Install-Id), so the server's rollout decision is the client's own.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function ensureInstallId(userDataPath: string): string {
  const file = join(userDataPath, '.updaterId');
  try {
    const id = readFileSync(file, 'utf8').trim();
    if (UUID_RE.test(id)) return id;
  } catch {
    // first run
  }
  const id = randomUUID();
  mkdirSync(userDataPath, { recursive: true });
  writeFileSync(file, id);
  return id;
}
