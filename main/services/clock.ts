/**
 * Time for the desktop services. Two things are injectable so tests can drive them: the wall clock
 * of this workstation and the timer the sync loop waits on. The server's clock is the authority
 * (DESIGN.md, sync): `ServerClock` keeps the offset measured from the server's `serverTime` so a
 * workstation clock hours off changes nothing the server or the SLA sees.
 */
export interface Clock {
  /** Milliseconds since the epoch, as this workstation believes. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export type TimerHandle = unknown;
export interface Scheduler {
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export const systemScheduler: Scheduler = {
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    // A pending retry must not keep a finished process (a test, a CLI) alive.
    if (typeof t === 'object' && t !== null && 'unref' in t) t.unref();
    return t;
  },
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Source of randomness for backoff jitter (tests pass a fixed one). */
export type Random = () => number;

/** The workstation clock corrected by the last measured offset to the server's clock. */
export class ServerClock {
  private offsetMs: number;
  private observed = false;

  constructor(
    private readonly local: Clock,
    initialOffsetMs = 0,
    private readonly onChange?: (offsetMs: number) => void,
  ) {
    this.offsetMs = initialOffsetMs;
  }

  /** Best estimate of the server's current time. */
  now(): Date {
    return new Date(this.local.now() + this.offsetMs);
  }

  localNow(): number {
    return this.local.now();
  }

  get offset(): number {
    return this.offsetMs;
  }

  /**
   * Record the server's time from a response. The request went out at `sentAt` and its answer came
   * back at `receivedAt` (both local): the server stamped its time somewhere in between, so the
   * midpoint is the best guess (NTP's assumption of a symmetric path).
   */
  observe(serverTime: string, sentAt: number, receivedAt: number): void {
    const server = Date.parse(serverTime);
    if (!Number.isFinite(server)) return;
    const next = Math.round(server - (sentAt + receivedAt) / 2);
    // Ignore jitter below 250 ms so the stored offset does not churn on every request.
    if (this.observed && Math.abs(next - this.offsetMs) < 250) return;
    this.observed = true;
    this.offsetMs = next;
    this.onChange?.(next);
  }
}

/** A scheduler whose time only moves when a test says so. */
export class ManualScheduler implements Scheduler {
  private nextId = 1;
  private timers = new Map<number, { at: number; fn: () => void }>();
  constructor(public time = 0) {}

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + Math.max(0, ms), fn });
    return id;
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers.delete(handle as number);
  }

  /** Delay until the earliest timer, or null when none is set. */
  nextDelay(): number | null {
    let min: number | null = null;
    for (const t of this.timers.values()) if (min === null || t.at < min) min = t.at;
    return min === null ? null : min - this.time;
  }

  pending(): number {
    return this.timers.size;
  }

  /** Move time forward by `ms`, running every timer that falls due, in time order. */
  advance(ms: number): void {
    const until = this.time + ms;
    for (;;) {
      let first: [number, { at: number; fn: () => void }] | null = null;
      for (const e of this.timers)
        if (e[1].at <= until && (first === null || e[1].at < first[1].at)) first = e;
      if (!first) break;
      this.timers.delete(first[0]);
      this.time = first[1].at;
      first[1].fn();
    }
    this.time = until;
  }
}
