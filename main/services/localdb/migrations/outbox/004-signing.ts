import type { Migration } from '../../migrate';

/**
 * Outbox v4: the Kepala Balai's offline signing (E-LHU, TTE).
 *
 * - `signed_reports`: each signed E-LHU made on this workstation, written in the same transaction
 *   as its 'report.sign' command (command_id), kept in the outbox file because it cannot be
 *   rebuilt from the server until it has been uploaded. `uploaded_at` is set once the server
 *   verified and stored it (PUT .../signed-file); the command goes out only after that.
 * - `signing_lockout`: wrong-passphrase counters (LockoutStore), so five failures lock signing
 *   across restarts of the app.
 */
export const m004Signing: Migration = {
  version: 4,
  name: 'signing',
  up(db) {
    db.exec(`
      CREATE TABLE signed_reports (
        command_id TEXT PRIMARY KEY,
        order_id TEXT NOT NULL,
        sample_id TEXT NOT NULL,
        report_id TEXT NOT NULL,
        report_number TEXT NOT NULL,
        document_hash TEXT NOT NULL,
        signed_hash TEXT NOT NULL,
        data BLOB NOT NULL,
        signed_at TEXT NOT NULL,
        uploaded_at TEXT,
        upload_error TEXT
      );
      CREATE INDEX signed_reports_report ON signed_reports (report_id);
      CREATE TABLE signing_lockout (
        key TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        locked_until INTEGER
      );
    `);
  },
};
