/** One benchmark figure. `target` is a comparison such as "< 50" or ">= 1000", or "" for a figure only reported. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  target: string;
}

/** Whether a value meets its target; null when the row has no target. */
export function meetsTarget(value: number, target: string): boolean | null {
  const m = /^\s*(<=|>=|==|<|>)\s*(-?\d+(?:\.\d+)?)\s*$/.exec(target);
  if (!m) return null;
  const limit = Number(m[2]);
  switch (m[1]) {
    case '<':
      return value < limit;
    case '<=':
      return value <= limit;
    case '>':
      return value > limit;
    case '>=':
      return value >= limit;
    default:
      return value === limit;
  }
}

/** Percentile of a list of samples (nearest-rank). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}
