/**
 * The rows of a sample's results table (Penyelia's verification, MT's validation): each current
 * analysis in the order the parameters were ordered, followed by the analyses it replaced after a
 * retest (newest first), so the old result stays visible next to the one that repeats it.
 */
import type { Analysis, Sample } from '../../../../shared/domain/entities';

export type ResultRowKind = 'current' | 'retested';

export interface ResultRow {
  analysis: Analysis;
  kind: ResultRowKind;
  /** For a retested row: why the Penyelia sent it back (kept on the old analysis). */
  retestReason: string | null;
}

/** Where a row stands for the people reading the table. */
export type ResultRowState = 'waiting' | 'ready' | 'verified' | 'validated' | 'retested';

export function rowState(a: Analysis): ResultRowState {
  switch (a.status) {
    case 'pending':
    case 'draft':
      return 'waiting';
    case 'submitted':
      return 'ready';
    case 'verified':
      return 'verified';
    case 'validated':
      return 'validated';
    case 'retest':
      return 'retested';
  }
}

/** The first analysis of a retest chain (the one the customer ordered). */
function rootOf(a: Analysis, byId: Map<string, Analysis>): Analysis {
  let cur = a;
  const seen = new Set<string>();
  while (cur.retestOf && byId.has(cur.retestOf) && !seen.has(cur.id)) {
    seen.add(cur.id);
    cur = byId.get(cur.retestOf)!;
  }
  return cur;
}

export function resultRows(sample: Pick<Sample, 'analyses'>): ResultRow[] {
  const list = sample.analyses;
  const byId = new Map(list.map((a) => [a.id, a]));
  const position = new Map(list.map((a, i) => [a.id, i]));
  const current = list.filter((a) => a.status !== 'retest');
  const chainOf = (a: Analysis): Analysis[] => {
    const out: Analysis[] = [];
    const seen = new Set<string>([a.id]);
    let prev = a.retestOf ? byId.get(a.retestOf) : undefined;
    while (prev && !seen.has(prev.id)) {
      seen.add(prev.id);
      out.push(prev);
      prev = prev.retestOf ? byId.get(prev.retestOf) : undefined;
    }
    return out;
  };
  const ordered = [...current].sort(
    (a, b) => position.get(rootOf(a, byId).id)! - position.get(rootOf(b, byId).id)!,
  );
  const rows: ResultRow[] = [];
  const shown = new Set<string>();
  for (const a of ordered) {
    rows.push({ analysis: a, kind: 'current', retestReason: a.retestOf ? a.retestReason : null });
    shown.add(a.id);
    for (const old of chainOf(a)) {
      rows.push({ analysis: old, kind: 'retested', retestReason: old.retestReason });
      shown.add(old.id);
    }
  }
  // A retested analysis whose repeat is not in this copy (should not happen): still shown.
  for (const a of list)
    if (!shown.has(a.id)) rows.push({ analysis: a, kind: 'retested', retestReason: a.retestReason });
  return rows;
}

/** Analysts by id, for the table's analyst column (names from `reference.staff`). */
export function staffNames(staff: readonly { id: string; name: string }[]): Map<string, string> {
  return new Map(staff.map((s) => [s.id, s.name]));
}

/**
 * "14 Mar 10.42" for a time entered this year, "14 Mar 2025 10.42" otherwise: one line in a dense
 * table (the full "14 Mar 2026 10.42 WIB" is in the cell's tooltip). The formatters are passed in
 * so this stays testable without the browser's Intl quirks.
 */
export function compactDateTime(
  iso: string,
  lang: string,
  date: (iso: string, lang: string) => string,
  time: (iso: string, lang: string) => string,
  now: Date = new Date(),
): string {
  const d = date(iso, lang);
  const year = String(now.getFullYear());
  const shown = d.endsWith(` ${year}`) ? d.slice(0, -year.length - 1) : d;
  return `${shown} ${time(iso, lang)}`;
}
