/**
 * The next action in words: the user's own next command ("Verifikasi hasil"), or who the sample
 * waits for ("menunggu MT") from the SOP step's actor, or finished.
 */
import type { WorklistRowView } from '../../../../shared/bridge';
import { OFFLINE_COMMANDS } from '../../../../shared/domain/permissions';
import { ROLE_INFO } from '../../../../shared/sop/roles';
import { SOP_STEPS } from '../../../../shared/sop/steps';

export type NextActionText =
  | { mine: true; key: string }
  | { mine: false; key: 'waitingFor'; role: string }
  | { mine: false; key: 'done' };

// The commands a worklist row can name as the user's own next step have a label each.
const KNOWN: ReadonlySet<string> = new Set(OFFLINE_COMMANDS);

export function nextActionText(
  row: Pick<WorklistRowView, 'next_action' | 'step'>,
  lang: string,
): NextActionText {
  if (row.next_action)
    return { mine: true, key: KNOWN.has(row.next_action) ? `action.${row.next_action}` : row.next_action };
  const step = row.step ? SOP_STEPS[row.step - 1] : undefined;
  if (!step) return { mine: false, key: 'done' };
  const info = ROLE_INFO[step.actor];
  // "Manajer Teknis (MT)" reads "MT" in a narrow column; names without a short form stay whole.
  const short = /\(([^)]{1,4})\)$/.exec(info.label)?.[1];
  return { mine: false, key: 'waitingFor', role: short ?? (lang === 'en' ? info.labelEn : info.label) };
}
