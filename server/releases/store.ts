/**
 * Where desktop releases live: metadata in the database (tables of migration 0009_releases), the
 * files in the releases folder, content-addressed by SHA-512 (`<dir>/<hex[0..2]>/<hex>`), so the
 * same installer published twice (beta then latest) is stored once, and every server process that
 * sees the same folder serves the same bytes.
 *
 * The folder: SIPPT_RELEASES_DIR; unset, `releases/` beside the SQLite database, or
 * `$SIPPT_DATA_DIR/releases` (default ./data/releases) with PostgreSQL. Several server instances on
 * one PostgreSQL must all point SIPPT_RELEASES_DIR at one shared folder (NFS/SMB mount).
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { DbHandle } from '../db/connect';

export interface ReleasesTable {
  id: string;
  channel: string;
  platform: string;
  version: string;
  release_date: string | null;
  release_notes: string | null;
  staging_percentage: number;
  status: 'active' | 'withdrawn';
  files_json: string;
  published_at: string;
  published_by: string;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
  withdraw_reason: string | null;
}
export interface ReleaseFilesTable {
  release_id: string;
  name: string;
  sha512: string;
  /** bigint on PostgreSQL: node-postgres answers it as a string. */
  size: number | string;
  kind: 'installer' | 'blockmap';
}
export interface DesktopClientsTable {
  user_id: string;
  version: string;
  first_seen_at: string;
  last_seen_at: string;
}
export interface ReleaseTables {
  releases: ReleasesTable;
  release_files: ReleaseFilesTable;
  desktop_clients: DesktopClientsTable;
  server_settings: { key: string; value: string };
  users: { id: string; username: string; name: string };
}
export type ReleaseDb = Kysely<ReleaseTables>;

export function releaseDb(handle: DbHandle): ReleaseDb {
  return handle.db as unknown as ReleaseDb;
}

export function releasesDir(
  handle: Pick<DbHandle, 'dialect' | 'location'>,
  env: Record<string, string | undefined> = process.env,
): string {
  if (env.SIPPT_RELEASES_DIR) return resolve(env.SIPPT_RELEASES_DIR);
  if (handle.dialect === 'sqlite' && handle.location && handle.location !== ':memory:')
    return join(dirname(handle.location), 'releases');
  return resolve(env.SIPPT_DATA_DIR ?? './data', 'releases');
}

export interface StoredFile {
  /** SHA-512, base64 (as electron-builder writes it in the yml). */
  sha512: string;
  size: number;
  /** This upload added the file (it was not in the store before): removed again when the publish is refused. */
  created: boolean;
}

/** The content-addressed file store. */
export class ReleaseFiles {
  constructor(readonly dir: string) {}

  pathOf(sha512Base64: string): string {
    const hex = Buffer.from(sha512Base64, 'base64').toString('hex');
    if (hex.length !== 128) throw new Error('not a SHA-512');
    return join(this.dir, hex.slice(0, 2), hex);
  }

  has(sha512Base64: string): boolean {
    return existsSync(this.pathOf(sha512Base64));
  }

  size(sha512Base64: string): number | null {
    try {
      return statSync(this.pathOf(sha512Base64)).size;
    } catch {
      return null;
    }
  }

  remove(sha512Base64: string): void {
    rmSync(this.pathOf(sha512Base64), { force: true });
  }

  open(sha512Base64: string, range?: { start: number; end: number }): Readable {
    return createReadStream(this.pathOf(sha512Base64), range ?? {});
  }

  /**
   * Stream an upload into the store: hashed while written to a temporary file, then renamed to its
   * content address (an identical file already there is kept). Answers its hash and size.
   */
  async put(source: Readable, maxBytes: number): Promise<StoredFile> {
    const tmpDir = join(this.dir, 'tmp');
    mkdirSync(tmpDir, { recursive: true });
    const tmp = join(tmpDir, `${randomUUID()}.part`);
    const hash = createHash('sha512');
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        size += chunk.length;
        if (size > maxBytes) return cb(new UploadTooLarge());
        hash.update(chunk);
        cb(null, chunk);
      },
    });
    try {
      await pipeline(source, counter, createWriteStream(tmp, { mode: 0o644 }));
      if ((source as { truncated?: boolean }).truncated) throw new UploadTooLarge();
      const sha512 = hash.digest('base64');
      const final = this.pathOf(sha512);
      const created = !existsSync(final);
      if (!created) rmSync(tmp, { force: true });
      else {
        mkdirSync(dirname(final), { recursive: true });
        renameSync(tmp, final);
      }
      return { sha512, size, created };
    } catch (e) {
      rmSync(tmp, { force: true });
      throw e;
    }
  }
}

export class UploadTooLarge extends Error {
  constructor() {
    super('upload too large');
  }
}
