/**
 * The names people read for the commands the desktop may issue offline (its outbox and history
 * list them), beside OFFLINE_COMMANDS in permissions.ts: a command added there fails to compile
 * here until it has a label.
 */
import type { OfflineCommandType } from './permissions';

export interface CommandLabel {
  id: string;
  en: string;
}

export const OFFLINE_COMMAND_LABELS: Readonly<Record<OfflineCommandType, CommandLabel>> = {
  'sample.accept': { id: 'Terima sampel', en: 'Accept sample' },
  'sample.reject': { id: 'Tolak sampel', en: 'Reject sample' },
  'sample.assign_analysts': { id: 'Tunjuk analis', en: 'Assign analysts' },
  'assignment.validate': { id: 'Validasi penugasan', en: 'Validate assignment' },
  'assignment.return': { id: 'Kembalikan penugasan', en: 'Return assignment' },
  'result.save': { id: 'Simpan hasil', en: 'Save result' },
  'result.submit': { id: 'Kirim hasil', en: 'Submit result' },
  'results.verify': { id: 'Verifikasi hasil', en: 'Verify results' },
  'analysis.request_retest': { id: 'Minta uji ulang', en: 'Request retest' },
  'results.validate': { id: 'Validasi hasil', en: 'Validate results' },
  'results.return': { id: 'Kembalikan hasil', en: 'Return results' },
  'report.sign': { id: 'Tandatangani E-LHU', en: 'Sign report' },
  'report.refuse': { id: 'Tolak TTE', en: 'Refuse to sign' },
};
