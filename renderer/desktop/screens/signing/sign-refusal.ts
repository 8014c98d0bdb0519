/**
 * What a refused signing call means for the dialog: a wrong passphrase (with the attempts left),
 * a lockout (until when), or another refusal shown as the engine's message.
 */
import { BridgeCallError } from '../../../../shared/bridge';

export type SignRefusal =
  | { kind: 'wrong_passphrase'; attemptsLeft: number | null }
  | { kind: 'locked_out'; lockedUntil: string | null }
  | { kind: 'other'; reason: string | null };

export function signRefusal(e: unknown): SignRefusal | null {
  if (!(e instanceof BridgeCallError) || e.code !== 'signing_refused') return null;
  const d = e.error.details ?? {};
  const reason = typeof d.reason === 'string' ? d.reason : null;
  const attemptsLeft = typeof d.attemptsLeft === 'number' ? d.attemptsLeft : null;
  const lockedUntil = typeof d.lockedUntil === 'string' ? d.lockedUntil : null;
  if (reason === 'locked_out' || (reason === 'wrong_passphrase' && attemptsLeft === 0 && lockedUntil))
    return { kind: 'locked_out', lockedUntil };
  if (reason === 'wrong_passphrase') return { kind: 'wrong_passphrase', attemptsLeft };
  return { kind: 'other', reason };
}

/** Whether signing is locked now (the lockout's end is still ahead). */
export function isLocked(lockedUntil: string | null | undefined, now: number): boolean {
  return Boolean(lockedUntil && Date.parse(lockedUntil) > now);
}

/** Per-report state in the progress list, from the `signing.progress` events seen so far. */
export type ReportSignState = 'waiting' | 'signing' | 'done' | 'failed';

export function progressStates(
  reportIds: readonly string[],
  doneIds: ReadonlySet<string>,
  running: boolean,
  failedIds: ReadonlySet<string> = new Set(),
): Record<string, ReportSignState> {
  const out: Record<string, ReportSignState> = {};
  let next = running;
  for (const id of reportIds) {
    if (failedIds.has(id)) out[id] = 'failed';
    else if (doneIds.has(id)) out[id] = 'done';
    else if (next) {
      // Reports are signed in order: the first not done is the one in the signer's hands.
      out[id] = 'signing';
      next = false;
    } else out[id] = 'waiting';
  }
  return out;
}
