/**
 * The customer's timeline of an order from GET /orders/:id/history: one line per SOP step as it
 * was passed (the entries of one step in a row, e.g. six results entered and submitted, fold into
 * one line with its first and last time), returns kept apart with their reasons.
 */
import type { OrderHistoryEntry } from '../../../shared/api/http';

export interface TimelineLine {
  at: string;
  /** The last of the folded entries. */
  lastAt: string;
  step: number | null;
  command: string;
  role: string;
  actorName: string | null;
  reason: string | null;
  count: number;
  /** A "no" (return, rejection): step null and a reason. */
  isReturn: boolean;
  /** The sample the step was about (steps 11-20 run per sample); null for the order's own steps. */
  sampleId: string | null;
}

export function timelineLines(entries: readonly OrderHistoryEntry[]): TimelineLine[] {
  const out: TimelineLine[] = [];
  for (const e of entries) {
    const prev = out[out.length - 1];
    const isReturn = e.step === null && e.reason !== null;
    if (
      prev &&
      !isReturn &&
      !prev.isReturn &&
      prev.step === e.step &&
      (prev.sampleId === e.sampleId || e.sampleId === null)
    ) {
      prev.count += 1;
      prev.lastAt = e.at;
      continue;
    }
    // Entries without a step and without a reason are bookkeeping (e.g. an order-level echo of a sample's move).
    if (e.step === null && !isReturn) continue;
    out.push({
      at: e.at,
      lastAt: e.at,
      step: e.step,
      command: e.command,
      role: e.role,
      actorName: e.actorName,
      reason: e.reason,
      count: 1,
      isReturn,
      sampleId: e.sampleId,
    });
  }
  return out;
}
