import { COMMAND_PAYLOADS } from './commands';

/**
 * The Penyelia's receipt check of a sample (SOP step 12), as ticked on the checklist. Structural,
 * so that the desktop bridge's ReceiptCheck (shared/bridge) fits without the domain importing it.
 */
export interface ReceiptCheckInput {
  quantity: 'cukup' | 'tidak_cukup';
  condition: 'baik' | 'tidak_baik';
  container: 'baik' | 'tidak_baik';
  sealIntact: boolean;
  storage?: string;
  note?: string;
}

/** The longest `condition` sample.accept takes: read from the command's schema, not restated. */
export const RECEIPT_CONDITION_MAX: number =
  COMMAND_PAYLOADS['sample.accept'].shape.condition.maxLength ?? 1000;

const oneLine = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/**
 * The checklist as the one Indonesian line `sample.accept` stores and the E-LHU prints, e.g.
 * "Jumlah cukup; kondisi baik; wadah baik; segel utuh; penyimpanan: suhu ruang; catatan: ...".
 * The checklist itself always fits; a long note is shortened (ending "…") to the command's limit.
 */
export function formatReceiptCheck(check: ReceiptCheckInput, max: number = RECEIPT_CONDITION_MAX): string {
  const parts = [
    check.quantity === 'cukup' ? 'Jumlah cukup' : 'Jumlah tidak cukup',
    check.condition === 'baik' ? 'kondisi baik' : 'kondisi tidak baik',
    check.container === 'baik' ? 'wadah baik' : 'wadah tidak baik',
    check.sealIntact ? 'segel utuh' : 'segel tidak utuh',
  ];
  const storage = oneLine(check.storage);
  if (storage) parts.push(`penyimpanan: ${storage}`);
  let text = parts.join('; ');
  const note = oneLine(check.note);
  if (note) {
    const head = `${text}; catatan: `;
    text = head.length + note.length <= max ? head + note : `${cut(head + note, max - 1).trimEnd()}…`;
  }
  return text.length > max ? `${cut(text, max - 1)}…` : text;
}

/** The first `n` UTF-16 units, never ending in half a surrogate pair (an emoji in a note). */
function cut(s: string, n: number): string {
  const head = s.slice(0, Math.max(0, n));
  const last = head.charCodeAt(head.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? head.slice(0, -1) : head;
}
