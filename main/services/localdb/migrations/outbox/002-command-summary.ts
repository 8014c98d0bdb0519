import type { Migration } from '../../migrate';

/** Frozen copy of the labels as they were when this migration was written (a migration never changes). */
const LABELS: Record<string, string> = {
  'sample.accept': 'Terima sampel / Accept sample',
  'sample.reject': 'Tolak sampel / Reject sample',
  'sample.assign_analysts': 'Tunjuk analis / Assign analysts',
  'assignment.validate': 'Validasi penugasan / Validate assignment',
  'assignment.return': 'Kembalikan penugasan / Return assignment',
  'result.save': 'Simpan hasil / Save result',
  'result.submit': 'Kirim hasil / Submit result',
  'results.verify': 'Verifikasi hasil / Verify results',
  'analysis.request_retest': 'Minta uji ulang / Request retest',
  'results.validate': 'Validasi hasil / Validate results',
  'results.return': 'Kembalikan hasil / Return results',
};

/**
 * Outbox v2: a line for people on every command ("Simpan hasil / Save result"), so the list of
 * rejected changes reads well even for an order that has since left the working copy. Existing
 * rows get it from their type.
 */
export const m002CommandSummary: Migration = {
  version: 2,
  name: 'command-summary',
  up(db) {
    db.exec(`ALTER TABLE outbox ADD COLUMN summary TEXT NOT NULL DEFAULT ''`);
    const rows = db.prepare('SELECT command_id, type FROM outbox').all() as {
      command_id: string;
      type: string;
    }[];
    const set = db.prepare('UPDATE outbox SET summary = ? WHERE command_id = ?');
    for (const r of rows) set.run(LABELS[r.type] ?? r.type, r.command_id);
  },
};
