/**
 * Which parameters the Analis sees in the grid, when each was last saved, and whether the sample
 * can be sent: plain functions of the order, this user's queued changes and the typed drafts.
 */
import type { QueuedCommandView } from '../../../../shared/bridge';
import type { Analysis, Sample } from '../../../../shared/domain/entities';
import { readResultText, type CellReading } from './result-reading';

export const EDITABLE_STATUSES: ReadonlySet<Analysis['status']> = new Set(['pending', 'draft']);

export interface GridRows {
  /** Pending or draft, assigned to this analyst: the Tab order of the grid. */
  editable: Analysis[];
  /** Already sent (submitted, verified, validated): shown greyed, read-only. */
  sent: Analysis[];
  /** Parameters of the sample assigned to other analysts (counted, never shown: not theirs to see). */
  others: number;
}

export function gridRows(sample: Pick<Sample, 'analyses'>, userId: string): GridRows {
  const mine = sample.analyses.filter((a) => a.analystId === userId && a.status !== 'retest');
  return {
    editable: mine.filter((a) => EDITABLE_STATUSES.has(a.status)),
    sent: mine.filter((a) => !EDITABLE_STATUSES.has(a.status)),
    others: sample.analyses.filter((a) => a.analystId !== userId && a.status !== 'retest').length,
  };
}

const analysisIdOf = (c: QueuedCommandView): string | null => {
  const p = c.payload as { analysisId?: unknown } | null;
  return p && typeof p.analysisId === 'string' ? p.analysisId : null;
};

/**
 * When the analysis's draft was last saved: the newest of this user's queued `result.save` for it
 * (local time, still waiting for the server) and the time the server says it entered `draft`.
 * Survives a restart, because both come from the engine.
 */
export function lastSavedAt(
  analysis: Pick<Analysis, 'id' | 'status' | 'statusSince'>,
  changes: readonly QueuedCommandView[],
): string | null {
  let best: string | null = analysis.status === 'draft' ? analysis.statusSince : null;
  for (const c of changes) {
    if (c.type !== 'result.save' || c.status === 'rejected' || analysisIdOf(c) !== analysis.id) continue;
    if (best === null || Date.parse(c.issuedAt) > Date.parse(best)) best = c.issuedAt;
  }
  return best;
}

/** The refused or held-back save of an analysis, if any (its reason is shown under the row). */
export function refusedSave(
  analysisId: string,
  changes: readonly QueuedCommandView[],
): QueuedCommandView | null {
  const hit = changes.filter(
    (c) =>
      (c.type === 'result.save' || c.type === 'result.submit') &&
      (c.status === 'rejected' || c.status === 'blocked') &&
      c.resolution === null &&
      analysisIdOf(c) === analysisId,
  );
  return hit[hit.length - 1] ?? null;
}

export interface Readiness {
  /** Every editable row holds a readable value. */
  complete: boolean;
  missing: number;
  invalid: number;
  /** Rows whose value does not meet the requirement (listed in the confirmation). */
  notMet: { analysis: Analysis; text: string }[];
  /** Rows near a limit (listed too). */
  warned: { analysis: Analysis; text: string }[];
}

export function readiness(editable: readonly Analysis[], valueOf: (analysisId: string) => string): Readiness {
  let missing = 0;
  let invalid = 0;
  const notMet: Readiness['notMet'] = [];
  const warned: Readiness['warned'] = [];
  for (const a of editable) {
    const text = valueOf(a.id);
    const r: CellReading = readResultText(text, a);
    if (r.kind === 'empty') missing += 1;
    else if (r.kind === 'invalid') invalid += 1;
    else if (r.mark === 'fails') notMet.push({ analysis: a, text: text.trim() });
    else if (r.mark === 'warning') warned.push({ analysis: a, text: text.trim() });
  }
  return {
    complete: editable.length > 0 && missing === 0 && invalid === 0,
    missing,
    invalid,
    notMet,
    warned,
  };
}
