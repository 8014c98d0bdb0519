/**
 * What the Penyelia's verification panel may offer, from the sample as it is: rows that can be sent
 * back for retest, rows still waiting for the analyst, rows this user entered themselves, and
 * whether *Verifikasi* can be pressed. The engine decides in the end; this says why beforehand.
 */
import type { Analysis, Sample } from '../../../../shared/domain/entities';
import { RULES } from '../../../../shared/domain/permissions';
import { activeAnalyses } from '../../../../shared/domain/state';

/** The permission table's own answer: may a Penyelia send this analysis back for retest? */
export function isRetestable(a: Pick<Analysis, 'status'>): boolean {
  const from = RULES['analysis.request_retest'].from.penyelia ?? [];
  return (from as readonly (string | null)[]).includes(a.status);
}

/**
 * A result this user entered or was assigned: separation of duties (SENAITE's "no
 * self-verification"), the same test the engine makes on results.verify.
 */
export function enteredBy(a: Pick<Analysis, 'enteredBy' | 'analystId'>, userId: string): boolean {
  return a.enteredBy === userId || a.analystId === userId;
}

export interface VerifyState {
  /** Current analyses without a submitted result. */
  waiting: Analysis[];
  /** Current analyses this user entered. */
  own: Analysis[];
  canVerify: boolean;
  /** Why not, in order of what to do first. */
  blocker: 'selection' | 'waiting' | 'own' | 'status' | null;
}

export function verifyState(
  sample: Pick<Sample, 'analyses' | 'status'>,
  userId: string,
  selected: ReadonlySet<string>,
): VerifyState {
  const active = activeAnalyses(sample as Sample);
  const waiting = active.filter((a) => a.status !== 'submitted');
  const own = active.filter((a) => enteredBy(a, userId));
  const statusOk = ((RULES['results.verify'].from.penyelia ?? []) as readonly (string | null)[]).includes(
    sample.status,
  );
  const blocker = !statusOk
    ? 'status'
    : selected.size > 0
      ? 'selection'
      : waiting.length > 0
        ? 'waiting'
        : own.length > 0
          ? 'own'
          : null;
  return { waiting, own, canVerify: blocker === null && active.length > 0, blocker };
}

/** Keeps only selections that still can be retested (rows move under the user as sync runs). */
export function pruneSelection(selected: ReadonlySet<string>, analyses: readonly Analysis[]): Set<string> {
  const ok = new Set(analyses.filter(isRetestable).map((a) => a.id));
  return new Set([...selected].filter((id) => ok.has(id)));
}
