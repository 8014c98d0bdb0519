/**
 * The Penyelia's assignment of analysts, as plain data: one pick per current analysis, the quick
 * "same analyst for all", what is still missing, and the bridge payload. Who may be an analyst
 * (separation of duties) is the engine's rule: its refusal is shown as it comes.
 */
import type { Analysis, Sample } from '../../../../shared/domain/entities';
import { activeAnalyses } from '../../../../shared/domain/state';

/** analysisId -> analystId (null: not picked yet). */
export type Picks = Record<string, string | null>;

/** Starts from the analysts already on the sample (a returned assignment keeps its picks). */
export function initialPicks(sample: Pick<Sample, 'analyses'>): Picks {
  const picks: Picks = {};
  for (const a of activeAnalyses(sample as Sample)) picks[a.id] = a.analystId;
  return picks;
}

export function pickAll(picks: Picks, analystId: string): Picks {
  const out: Picks = {};
  for (const id of Object.keys(picks)) out[id] = analystId;
  return out;
}

export function missingPicks(picks: Picks): string[] {
  return Object.entries(picks)
    .filter(([, v]) => !v)
    .map(([k]) => k);
}

export function assignmentPayload(picks: Picks): { analysisId: string; analystId: string }[] {
  return Object.entries(picks)
    .filter((e): e is [string, string] => !!e[1])
    .map(([analysisId, analystId]) => ({ analysisId, analystId }));
}

/** The one analyst every row has, or null when rows differ or some are empty. */
export function commonAnalyst(picks: Picks): string | null {
  const values = Object.values(picks);
  const first = values[0];
  return first && values.every((v) => v === first) ? first : null;
}

export interface AnalystOption {
  value: string;
  label: string;
  openWork: number;
  inactive: boolean;
}

/**
 * The picker's list: the lab's active analysts, least open work first (a Penyelia spreads the
 * bench), plus anyone already picked who is no longer active, so a pick never silently vanishes.
 */
export function analystOptions(
  staff: readonly { id: string; name: string; active: boolean; openWork?: number }[],
  picked: readonly (string | null)[],
): AnalystOption[] {
  const keep = new Set(picked.filter((p): p is string => !!p));
  return staff
    .filter((s) => s.active || keep.has(s.id))
    .map((s) => ({ value: s.id, label: s.name, openWork: s.openWork ?? 0, inactive: !s.active }))
    .sort(
      (a, b) =>
        Number(a.inactive) - Number(b.inactive) ||
        a.openWork - b.openWork ||
        a.label.localeCompare(b.label, 'id'),
    );
}

/** Rows shown in the assignment table: the analyses that still count. */
export function assignmentRows(sample: Pick<Sample, 'analyses'>): Analysis[] {
  return activeAnalyses(sample as Sample);
}
