/**
 * A rejected or held-back change in words (UI.md: "what was refused and why, the server's message";
 * issue 8: a conflict says who changed it first and whether redo can help). Pure, for tests.
 */
import type { QueuedCommandView } from '../../../shared/bridge';
import { ROLE_INFO } from '../../../shared/sop/roles';
import { msg } from '../../lib/message';

export interface RejectionText {
  /** What the change was ("Terima sampel KR-0012"), from the engine's summary. */
  what: string;
  /** Why the server refused it, in the user's language (the server's message). */
  reason: string | null;
  /** For a conflict: who changed it first, and what it is now. */
  conflict: { who: string | null; role: string | null; at: string | null; now: string } | null;
  /** true/false when the engine knows; null when it does not say. */
  redoPossible: boolean | null;
}

export function rejectionText(cmd: QueuedCommandView, lang: string): RejectionText {
  const c = cmd.conflict ?? null;
  const role = c?.byRole ? (lang === 'en' ? ROLE_INFO[c.byRole].labelEn : ROLE_INFO[c.byRole].label) : null;
  return {
    what: summaryIn(cmd.summary || cmd.type, lang),
    reason: cmd.rejection ? msg(cmd.rejection.message, lang) : cmd.lastError,
    conflict:
      c && cmd.rejectionKind === 'conflict'
        ? { who: c.byName, role, at: c.at, now: msg(c.what, lang) }
        : null,
    redoPossible: c ? c.redoPossible : cmd.rejectionKind === 'depends_on_rejected' ? true : null,
  };
}

/**
 * The engine's summary ("Tunjuk analis / Assign analysts · KR-0012 · S-1") in the user's language:
 * its first part carries both languages, the numbers after it are the same in both.
 */
export function summaryIn(summary: string, lang: string): string {
  const [head = '', ...rest] = summary.split(' · ');
  const [id, en] = head.split(' / ');
  const label = en !== undefined && lang === 'en' ? en : (id ?? head);
  return [label, ...rest].join(' · ');
}

/** Unresolved rejected changes only (a dismissed or redone one is no longer the user's to act on). */
export function openRejections(list: readonly QueuedCommandView[]): QueuedCommandView[] {
  return list.filter((c) => c.status === 'rejected' && !c.resolution);
}

/** Changes held back on the same order as a rejected one. */
export function blockedBehind(rejected: QueuedCommandView, blocked: readonly QueuedCommandView[]): number {
  return blocked.filter((b) => b.blockedBy === rejected.id || b.aggregateId === rejected.aggregateId).length;
}
