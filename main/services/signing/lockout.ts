/**
 * Lockout after repeated wrong passphrases. The state is injectable (tests pass a fake clock and
 * their own store; the desktop may persist it so that restarting the app does not reset the count).
 */

export interface LockoutRecord {
  /** Consecutive wrong passphrases since the last success or the end of the last lockout. */
  failures: number;
  /** Epoch milliseconds until which unlocking is refused; null when not locked. */
  lockedUntil: number | null;
}

export interface LockoutStore {
  get(key: string): LockoutRecord | undefined;
  set(key: string, record: LockoutRecord): void;
}

export interface LockoutPolicy {
  maxFailures: number;
  lockMs: number;
}

/** Five wrong passphrases in a row lock the keystore for 15 minutes. */
export const DEFAULT_LOCKOUT_POLICY: LockoutPolicy = { maxFailures: 5, lockMs: 15 * 60_000 };

export class MemoryLockoutStore implements LockoutStore {
  private readonly records = new Map<string, LockoutRecord>();
  get(key: string): LockoutRecord | undefined {
    const r = this.records.get(key);
    return r ? { ...r } : undefined;
  }
  set(key: string, record: LockoutRecord): void {
    this.records.set(key, { ...record });
  }
}

/** The process-wide store used when none is passed. */
export const defaultLockoutStore: LockoutStore = new MemoryLockoutStore();
