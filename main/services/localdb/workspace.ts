/**
 * Opening a workspace: the outbox file (never moved, never rebuilt) and the working copy (checked
 * with `PRAGMA quick_check`; when unreadable or damaged it is moved aside, reported, and a fresh
 * one is made that the next pull fills from the server). The outbox is attached to the working
 * connection as schema `ob`, so one local action writes both files in one SQLite transaction; and
 * because in WAL mode a crash can still tear that commit between the two files, the working
 * copy's local view is recomputed from base + outbox at every start (see LocalStore.recover).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUTBOX_MIGRATIONS } from './migrations/outbox';
import { WORK_MIGRATIONS } from './migrations/work';
import { migrate } from './migrate';
import { OUTBOX_FILE, OWNER_FILE, WORKING_FILE } from './paths';
import { OUTBOX_SCHEMA, type WorkspaceDb } from './schema';
import { openSqlite, quickCheck, Sql, type SqliteDb } from './sqlite';
import { StoredRowError } from './store/stored-json';

export class OutboxDamagedError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(
      `Antrean perubahan (${file}) tidak dapat dibaca: ${detail}. Berkas tidak diubah; hubungi admin untuk pemulihan. / ` +
        `The change queue (${file}) cannot be read: ${detail}. The file was left untouched; contact your administrator to recover it.`,
    );
  }
}

class DamagedError extends Error {}

/** SQLite's own words for "this file is not a sound database", or a row in it that does not read. */
function isDamage(e: unknown): boolean {
  if (e instanceof DamagedError || e instanceof StoredRowError) return true;
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB'));
}

export interface IntegrityReport {
  /** Where the damaged working copy was moved. */
  movedTo: string;
  /** What SQLite said about it. */
  reason: string;
  at: string;
}

export interface WorkspaceOptions {
  /**
   * How the outbox file is synced at each commit. FULL (default): an fsync per local action, so a
   * command survives a power cut too. NORMAL: survives any crash of the app or the OS process, but
   * a power cut may lose the last moments of work (SQLite WAL semantics).
   */
  outboxSync?: 'FULL' | 'NORMAL';
  /** Who the workspace belongs to, written beside the files for people looking at the folder. */
  owner?: { serverUrl: string; username: string };
  now?: () => Date;
}

export class Workspace {
  private constructor(
    readonly dir: string,
    readonly db: SqliteDb,
    readonly sql: Sql<WorkspaceDb>,
    /** Set when the working copy was damaged and has been rebuilt empty at this opening. */
    readonly integrity: IntegrityReport | null,
    readonly migrated: { work: { from: number; to: number }; outbox: { from: number; to: number } },
  ) {}

  static open(dir: string, options: WorkspaceOptions = {}): Workspace {
    const now = options.now ?? (() => new Date());
    mkdirSync(dir, { recursive: true });
    if (options.owner && !existsSync(join(dir, OWNER_FILE))) {
      writeFileSync(join(dir, OWNER_FILE), JSON.stringify(options.owner, null, 2));
    }
    const outboxPath = join(dir, OUTBOX_FILE);
    const workingPath = join(dir, WORKING_FILE);

    // 1. The outbox: checked and migrated on its own connection. A damaged outbox stops here.
    const outboxMigrated = prepareOutbox(outboxPath);

    // 2. The working copy: anything wrong with it means "move it aside and start empty".
    let integrity: IntegrityReport | null = null;
    let db: SqliteDb | null = null;
    let workMigrated = { from: 0, to: 0 };
    try {
      db = openSqlite(workingPath);
      const problem = quickCheck(db);
      if (problem) throw new DamagedError(`quick_check: ${problem}`);
      workMigrated = migrate(db, WORK_MIGRATIONS, { file: workingPath });
    } catch (e) {
      if (!isDamage(e)) {
        // Locked by another process, no permission, a newer schema: not damage; moving it would lose nothing
        // but would hide the real problem, so say it instead.
        try {
          db?.close();
        } catch {
          // ignore
        }
        throw e;
      }
      try {
        db?.close();
      } catch {
        // a damaged file may fail to close cleanly; it is moved aside next
      }
      db = null;
      const at = now().toISOString();
      const movedTo = join(
        dir,
        `working.damaged-${at.replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.sqlite`,
      );
      for (const suffix of ['', '-wal', '-shm']) {
        if (existsSync(workingPath + suffix)) renameSync(workingPath + suffix, movedTo + suffix);
      }
      integrity = { movedTo, reason: e instanceof Error ? e.message : String(e), at };
      db = openSqlite(workingPath);
      workMigrated = migrate(db, WORK_MIGRATIONS, { file: workingPath });
      db.prepare('UPDATE sync_state SET rebuilt_from = ? WHERE id = 1').run(movedTo);
    }

    // 3. One connection over both files.
    db.prepare(`ATTACH DATABASE ? AS ${OUTBOX_SCHEMA}`).run(outboxPath);
    db.pragma(`${OUTBOX_SCHEMA}.journal_mode = WAL`);
    db.pragma(`${OUTBOX_SCHEMA}.synchronous = ${options.outboxSync ?? 'FULL'}`);
    // No checkpoint inside a user's action: they run from checkpoint(), when the app is idle.
    db.pragma('wal_autocheckpoint = 0');
    return new Workspace(dir, db, new Sql<WorkspaceDb>(db), integrity, {
      work: workMigrated,
      outbox: outboxMigrated,
    });
  }

  /**
   * Move the write-ahead logs into the database files. Called when idle (after a sync cycle, on a
   * timer), so no local action pays for it; PASSIVE never waits for anyone.
   */
  checkpoint(mode: 'PASSIVE' | 'TRUNCATE' = 'PASSIVE'): void {
    if (!this.db.open || this.db.inTransaction) return;
    this.db.pragma(`main.wal_checkpoint(${mode})`);
    this.db.pragma(`${OUTBOX_SCHEMA}.wal_checkpoint(${mode})`);
  }

  close(): void {
    if (!this.db.open) return;
    try {
      this.checkpoint('TRUNCATE');
    } catch {
      // closing anyway; SQLite checkpoints on the next open
    }
    this.db.close();
  }
}

function prepareOutbox(path: string): { from: number; to: number } {
  let db: SqliteDb;
  try {
    db = openSqlite(path, { synchronous: 'FULL' });
  } catch (e) {
    throw new OutboxDamagedError(path, e instanceof Error ? e.message : String(e));
  }
  try {
    let problem: string | null;
    try {
      problem = quickCheck(db);
    } catch (e) {
      problem = e instanceof Error ? e.message : String(e);
    }
    if (problem) throw new OutboxDamagedError(path, problem);
    return migrateOutbox(db, path);
  } finally {
    db.close();
  }
}

/** Outbox migrations refuse to finish if a step would leave fewer commands than it found. */
export function migrateOutbox(db: SqliteDb, file = db.name, to?: number): { from: number; to: number } {
  const count = (d: SqliteDb) => {
    const t = d.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'outbox'`).get();
    return t ? (d.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n : 0;
  };
  return migrate(db, OUTBOX_MIGRATIONS, {
    file,
    ...(to === undefined ? {} : { to }),
    snapshot: count,
    check: (d, before) => {
      const after = count(d);
      if (after < (before as number))
        throw new Error(`outbox migration would lose commands (${before as number} -> ${after})`);
    },
  });
}
