/**
 * When to start the engine again after it died. A crash now and then restarts at once (the user's
 * next click works); a crash loop backs off and then stops, so a broken install does not spin a
 * core at 100% forever.
 */
export interface RestartPolicy {
  /** Crashes counted over this window. */
  windowMs: number;
  /** Delay before restart number n within the window (1-based); past the end: give up. */
  delaysMs: readonly number[];
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  windowMs: 60_000,
  delaysMs: [0, 1_000, 3_000, 10_000, 30_000],
};

/**
 * `crashes` are the times of earlier crashes (any order), `now` the time of this one. Answers the
 * delay before restarting, or null to give up.
 */
export function restartDelay(
  crashes: readonly number[],
  now: number,
  policy: RestartPolicy = DEFAULT_RESTART_POLICY,
): number | null {
  const recent = crashes.filter((t) => now - t < policy.windowMs && t <= now).length + 1;
  const delay = policy.delaysMs[recent - 1];
  return delay === undefined ? null : delay;
}
