/**
 * The history of a sample as a timeline of the 22 SOP steps (UI.md, "Any order or sample:
 * history"), built from `order.history` and SOP_STEPS: done steps with who, when and the time
 * against the standard; the current step (its clock runs on screen); steps ahead; and returns
 * (sent back, retest, refused signature) as loops with their reason and who returned them. Pure.
 */
import type { HistoryEntryView } from '../../../../shared/bridge';
import type { OrderReviewAnswers } from '../../../../shared/domain/order-review';
import { SOP_STEPS } from '../../../../shared/sop/steps';

/** Where a return happened and the step it sent the work back to. */
export const RETURNS: Record<string, { at: number; back: number }> = {
  'order.return_to_customer': { at: 5, back: 4 },
  'tariff.reject': { at: 7, back: 6 },
  'payment.reject': { at: 10, back: 9 },
  'sample.reject': { at: 12, back: 11 },
  'assignment.return': { at: 13, back: 12 },
  'analysis.request_retest': { at: 15, back: 14 },
  'results.return': { at: 16, back: 15 },
  'report.refuse': { at: 19, back: 18 },
  'report.amend': { at: 20, back: 17 },
};

const STEP_OF_COMMAND = new Map<string, number>();
for (const s of SOP_STEPS) for (const c of s.commands) STEP_OF_COMMAND.set(c, s.number);

export function stepOfEntry(e: Pick<HistoryEntryView, 'command' | 'step'>): number | null {
  return RETURNS[e.command]?.at ?? e.step ?? STEP_OF_COMMAND.get(e.command) ?? null;
}

export interface TimelineLoop {
  command: string;
  at: string;
  by: string | null;
  role: string | null;
  reason: string | null;
  /** CS's order review answers, when the return ended the review (step 5). */
  review?: OrderReviewAnswers;
  backTo: number;
  local: boolean;
}

export interface TimelineStep {
  step: number;
  state: 'done' | 'current' | 'ahead';
  /** The entry that completed the step (the last one, after any loop). */
  doneBy: string | null;
  doneRole: string | null;
  doneAt: string | null;
  /** When the step's work began: the previous event's time (for the time against the standard). */
  startedAt: string | null;
  /** Other events inside the step (e.g. results saved), counted. */
  events: number;
  loops: TimelineLoop[];
  /** CS's order review answers that let the step finish (step 5). */
  review: OrderReviewAnswers | null;
  /** Done here but not yet confirmed by the server. */
  local: boolean;
}

/** Entries of this sample, and the order-level ones (sampleId null). */
export function entriesOfSample(entries: readonly HistoryEntryView[], sampleId: string): HistoryEntryView[] {
  return entries
    .filter((e) => e.sampleId === null || e.sampleId === sampleId)
    .slice()
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/**
 * @param current the step the sample waits at now (sampleStep), or null when nothing waits (finished).
 */
export function buildTimeline(
  entries: readonly HistoryEntryView[],
  sampleId: string,
  current: number | null,
): TimelineStep[] {
  const mine = entriesOfSample(entries, sampleId);
  const steps: TimelineStep[] = SOP_STEPS.map((s) => ({
    step: s.number,
    state:
      current === null ? 'done' : s.number < current ? 'done' : s.number === current ? 'current' : 'ahead',
    doneBy: null,
    doneRole: null,
    doneAt: null,
    startedAt: null,
    events: 0,
    loops: [],
    review: null,
    local: false,
  }));
  let previousAt: string | null = null;
  for (const e of mine) {
    const n = stepOfEntry(e);
    const slot = n ? steps[n - 1] : undefined;
    if (slot) {
      const ret = RETURNS[e.command];
      if (ret) {
        slot.loops.push({
          command: e.command,
          at: e.at,
          by: e.actorName,
          role: e.role,
          reason: e.reason,
          ...(e.review ? { review: e.review } : {}),
          backTo: ret.back,
          local: e.source === 'local',
        });
      } else if (e.command === 'result.save') {
        slot.events += 1;
      } else {
        if (slot.doneAt !== null) slot.events += 1;
        slot.doneBy = e.actorName;
        slot.doneRole = e.role;
        slot.doneAt = e.at;
        if (e.review) slot.review = e.review;
        slot.startedAt = slot.startedAt ?? previousAt;
        slot.local = e.source === 'local';
      }
    }
    previousAt = e.at;
  }
  return steps;
}
