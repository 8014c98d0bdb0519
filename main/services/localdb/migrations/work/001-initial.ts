import type { Migration } from '../../migrate';

/**
 * The columns of `orders` as v1 made them, written out as SQLite keeps them in the schema; v3
 * rebuilds the table with the same ones. History like the rest of this file: never edited.
 */
export const ORDERS_V1_COLUMNS = `
        id TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        status TEXT NOT NULL,
        number TEXT,
        customer_id TEXT NOT NULL,
        submitted_at TEXT NOT NULL,
        base_version INTEGER NOT NULL,
        base_json TEXT NOT NULL,
        local_json TEXT,
        pending_commands INTEGER NOT NULL DEFAULT 0,
        pulled_at TEXT NOT NULL
      `;

/** Working copy v1: orders of the bucket (server base + local view), worklist rows, sync state, reference data. */
export const m001Initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE orders (${ORDERS_V1_COLUMNS}) WITHOUT ROWID;
      CREATE INDEX orders_local ON orders (id) WHERE local_json IS NOT NULL;

      CREATE TABLE samples (
        id TEXT PRIMARY KEY,
        order_id TEXT NOT NULL,
        order_number TEXT,
        order_status TEXT NOT NULL,
        sample_number TEXT,
        sample_type_name TEXT NOT NULL,
        description TEXT NOT NULL,
        customer_label TEXT NOT NULL,
        status TEXT NOT NULL,
        lab_id TEXT,
        penyelia_id TEXT,
        mt_id TEXT,
        received_at TEXT,
        analyses_total INTEGER NOT NULL,
        analyses_mine INTEGER NOT NULL,
        analyses_open_mine INTEGER NOT NULL,
        analyses_submitted INTEGER NOT NULL,
        next_action TEXT,
        action_rank INTEGER NOT NULL,
        sort_at TEXT NOT NULL,
        pending_commands INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX samples_order ON samples (order_id);
      CREATE INDEX samples_worklist ON samples (action_rank, sort_at, id);
      CREATE INDEX samples_status ON samples (status, sort_at);

      CREATE TABLE sync_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        cursor TEXT,
        last_processed_seq INTEGER NOT NULL DEFAULT 0,
        last_pull_at TEXT,
        last_push_at TEXT,
        last_sync_at TEXT,
        server_time_offset_ms INTEGER NOT NULL DEFAULT 0,
        rebuilt_from TEXT
      );
      INSERT INTO sync_state (id) VALUES (1);

      CREATE TABLE reference (
        kind TEXT NOT NULL,
        id TEXT NOT NULL,
        json TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (kind, id)
      ) WITHOUT ROWID;
    `);
  },
};
