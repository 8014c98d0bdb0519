import type { Migration } from '../../migrate';

/** Outbox v1: client identity and sequence, the commands, the offline login profile. */
export const m001Initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

      CREATE TABLE outbox (
        command_id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL UNIQUE,
        type TEXT NOT NULL,
        aggregate_id TEXT NOT NULL,
        payload TEXT NOT NULL,
        base_version INTEGER,
        issued_at TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'applied', 'rejected', 'blocked')),
        rejection_code TEXT,
        rejection_message TEXT,
        resolution TEXT CHECK (resolution IS NULL OR resolution IN ('dismissed', 'redone')),
        resolved_at TEXT,
        redo_of TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        last_error TEXT,
        applied_version INTEGER,
        outcome_at TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX outbox_status ON outbox (status, seq);
      CREATE INDEX outbox_aggregate ON outbox (aggregate_id, seq);

      CREATE TABLE profile (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        server_url TEXT NOT NULL,
        user_id TEXT NOT NULL,
        username TEXT NOT NULL,
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        lab_id TEXT,
        verifier TEXT NOT NULL,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_at TEXT,
        offline_allowed INTEGER NOT NULL DEFAULT 1,
        refresh_token_enc TEXT,
        last_online_login_at TEXT NOT NULL
      );
    `);
  },
};
