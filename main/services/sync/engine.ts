/**
 * The sync client (DESIGN.md, "Sync"; protocol in shared/api/sync.ts).
 *
 * One cycle: push every sendable command in seq order, in batches of at most PUSH_BATCH_MAX,
 * recording each command's outcome; then pull every page of changes since the cursor and apply
 * them in one transaction with the still-pending commands re-applied on top. Cycles run one at a
 * time on a timer loop: soon after a local action, periodically to fetch others' changes, and
 * after a network error or a 5xx with exponential backoff and jitter, by themselves, without a new
 * local write. A 401 renews the session and keeps the queue; a refused renewal ends the session
 * (the queue still stays) until the user signs in again.
 */
import { PUSH_BATCH_MAX, type OutboxCommand, type PullResponse } from '../../../shared/api/sync';
import type { Order } from '../../../shared/domain/entities';
import type { Message, RejectionCode } from '../../../shared/domain/rejections';
import { ApiError, type ApiClient } from '../api/client';
import { SessionEndedError, type Session } from '../auth/session';
import { systemScheduler, type Random, type Scheduler, type ServerClock, type TimerHandle } from '../clock';
import type { LocalStore, PreparedChange, QueuedCommand } from '../localdb/store';
import { errorFields, SILENT_LOGGER, type Logger } from '../log/logger';
import type { SyncStatusView } from '../../../shared/bridge/models';

export interface SyncOptions {
  pushBatch?: number;
  pullLimit?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** How often to pull when nothing happens locally. */
  pullIntervalMs?: number;
  /** Delay between a local action and its push (actions in a burst go in one batch). */
  debounceMs?: number;
  /** How often to refresh reference data (catalog, lab staff). */
  referenceIntervalMs?: number;
}

/**
 * What the status bar shows; the bridge's schema is the type. `online` is null before the first
 * attempt and false after a network error or 5xx until a request succeeds; 'needs_login' and
 * 'ended' both wait for an online login ('ended' also ends local work).
 */
export type SyncStatus = SyncStatusView;

export interface CycleReport {
  pushed: number;
  applied: number;
  rejected: number;
  pulled: number;
  removed: number;
}

export type SyncListener = (status: SyncStatus) => void;

export interface SyncEngineDeps {
  store: LocalStore;
  api: ApiClient;
  session: () => Session | null;
  clock: ServerClock;
  scheduler?: Scheduler;
  random?: Random;
  options?: SyncOptions;
  /** Fetch reference data (catalog, staff); failures do not fail a sync. */
  refreshReference?: (token: string) => Promise<void>;
  /**
   * Called for each command before it is first pushed, in seq order (the Kepala Balai's signing
   * uploads the signed E-LHU a 'report.sign' command names). Resolves null to go on; resolves a
   * message when the server refused what the command needs (a 4xx): the command becomes a visible
   * rejection and is not pushed. Throws (ApiError) to fail the cycle, retried like a push.
   */
  beforeSend?: (
    command: OutboxCommand,
    session: Session,
  ) => Promise<{ code: RejectionCode; message: Message } | null>;
  /** After each pull (the signing queue's documents are fetched here); failures do not fail a sync. */
  afterPull?: (session: Session) => Promise<void>;
  /** Extra counts for the status (signed reports waiting for upload). */
  extraStatus?: () => { signedAwaitingUpload: number };
  /** Orders of the working copy changed by a pull or by the server's outcomes (null: maybe all of them). */
  onData?: (orderIds: string[] | null) => void;
  /** Each cycle's outcome when it did something or failed, the server's rejections, the fallbacks taken. */
  logger?: Logger;
  /** Test hook: called between steps of a cycle, so tests can stop a "process" at a precise point. */
  hook?: (
    point: 'before-push' | 'after-push-response' | 'before-pull-apply' | 'after-cycle',
  ) => void | Promise<void>;
}

export class SyncEngine {
  private readonly scheduler: Scheduler;
  private readonly random: Random;
  private readonly o: Required<SyncOptions>;
  private timer: TimerHandle | null = null;
  private timerAt: number | null = null;
  private timerKind: 'retry' | 'soon' | 'periodic' | null = null;
  private runningLoop = false;
  private current: Promise<CycleReport> | null = null;
  private again = false;
  private attempt = 0;
  private online: boolean | null = null;
  private lastError: string | null = null;
  private listeners = new Set<SyncListener>();
  private lastReferenceAt = -Infinity;
  private pushLimit: number;
  private readonly log: Logger;

  constructor(private readonly deps: SyncEngineDeps) {
    this.log = deps.logger ?? SILENT_LOGGER;
    this.scheduler = deps.scheduler ?? systemScheduler;
    this.random = deps.random ?? Math.random;
    this.o = {
      pushBatch: Math.min(PUSH_BATCH_MAX, deps.options?.pushBatch ?? PUSH_BATCH_MAX),
      pullLimit: deps.options?.pullLimit ?? 1000,
      backoffBaseMs: deps.options?.backoffBaseMs ?? 1000,
      backoffMaxMs: deps.options?.backoffMaxMs ?? 60_000,
      pullIntervalMs: deps.options?.pullIntervalMs ?? 30_000,
      debounceMs: deps.options?.debounceMs ?? 250,
      referenceIntervalMs: deps.options?.referenceIntervalMs ?? 60 * 60_000,
    };
    this.pushLimit = this.o.pushBatch;
  }

  // ---------------------------------------------------------------------------------------------
  // Loop control

  /** Start the timer loop: a first cycle now, then by itself. */
  start(): void {
    if (this.runningLoop) return;
    this.runningLoop = true;
    this.schedule(0, 'soon');
    this.emit();
  }

  stop(): void {
    this.runningLoop = false;
    this.clearTimer();
    this.emit();
  }

  get isRunning(): boolean {
    return this.runningLoop;
  }

  /**
   * A local write happened: push it soon. A backoff counting down is cut short too: work typed
   * after the server came back must not wait for the backoff cap. The attempt count is kept, so
   * while the server stays away the next failure backs off as long as before.
   */
  nudge(): void {
    this.emit();
    if (!this.runningLoop) return;
    if (this.current) {
      this.again = true;
      return;
    }
    if (this.timerKind === 'retry') this.clearTimer();
    this.schedule(this.o.debounceMs, 'soon');
  }

  /** The one source of connectivity: null before the first attempt, then whether the last one reached the server. */
  get connectivity(): boolean | null {
    return this.online;
  }

  /** The user signed in again: try at once. */
  resume(): void {
    this.attempt = 0;
    if (this.runningLoop) this.schedule(0, 'soon');
    this.emit();
  }

  private clearTimer(): void {
    if (this.timer !== null) this.scheduler.clearTimeout(this.timer);
    this.timer = null;
    this.timerAt = null;
    this.timerKind = null;
  }

  private schedule(ms: number, kind: 'retry' | 'soon' | 'periodic'): void {
    const at = this.deps.clock.localNow() + ms;
    // Keep an earlier timer unless this one is a retry replacing it.
    if (this.timer !== null && this.timerAt !== null && this.timerAt <= at && kind !== 'retry') return;
    this.clearTimer();
    this.timerAt = at;
    this.timerKind = kind;
    this.timer = this.scheduler.setTimeout(() => {
      this.timer = null;
      this.timerAt = null;
      this.timerKind = null;
      void this.tick();
    }, ms);
  }

  private async tick(): Promise<void> {
    if (!this.runningLoop) return;
    try {
      await this.syncNow();
    } catch {
      // the outcome is in the status; the next attempt is scheduled by syncNow
    }
  }

  /** Backoff before retry `attempt` (1, 2, ...): base * 2^(attempt-1), capped, with jitter in [50%, 100%]. */
  backoffDelay(attempt: number): number {
    const d = Math.min(this.o.backoffMaxMs, this.o.backoffBaseMs * 2 ** Math.max(0, attempt - 1));
    return Math.round(d / 2 + (this.random() * d) / 2);
  }

  // ---------------------------------------------------------------------------------------------
  // Status

  onChange(listener: SyncListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    if (this.listeners.size === 0) return;
    const s = this.status();
    for (const l of this.listeners) l(s);
  }

  status(): SyncStatus {
    const session = this.deps.session();
    const counts = this.deps.store.counts();
    const st = this.deps.store.syncState();
    return {
      online: this.online,
      session: session?.state ?? 'signed_out',
      sessionEndedBecause: session?.endedBecause ?? null,
      running: this.runningLoop,
      syncing: this.current !== null,
      pending: counts.pending + counts.sent,
      blocked: counts.blocked,
      rejected: counts.rejected,
      lastSyncAt: st.last_sync_at,
      lastError: this.lastError,
      nextRetryAt:
        this.timerKind === 'retry' && this.timerAt !== null
          ? new Date(this.timerAt + this.deps.clock.offset).toISOString()
          : null,
      retryAttempt: this.attempt,
      serverTimeOffsetMs: this.deps.clock.offset,
      rebuiltFrom: st.rebuilt_from,
      signedAwaitingUpload: this.deps.extraStatus?.().signedAwaitingUpload ?? 0,
    };
  }

  rejectedCommands(): QueuedCommand[] {
    return this.deps.store.rejected();
  }

  // ---------------------------------------------------------------------------------------------
  // One cycle

  /**
   * Run a cycle now (or join the one running). Resolves with what it did; rejects with the error
   * that stopped it, after scheduling the retry when the error is retryable.
   */
  syncNow(): Promise<CycleReport> {
    return this.run('full');
  }

  /** Fetch others' changes without pushing (the user's "refresh"; pushing waits for the next cycle). */
  pullNow(): Promise<CycleReport> {
    return this.run('pull');
  }

  private run(mode: 'full' | 'pull'): Promise<CycleReport> {
    if (this.current) {
      this.again = true;
      return this.current;
    }
    this.clearTimer();
    this.current = this.runCycles(mode).finally(() => {
      this.current = null;
      this.emit();
    });
    this.emit();
    return this.current;
  }

  private async runCycles(mode: 'full' | 'pull'): Promise<CycleReport> {
    const total: CycleReport = { pushed: 0, applied: 0, rejected: 0, pulled: 0, removed: 0 };
    try {
      for (let i = 0; i < 20; i++) {
        this.again = false;
        const r = await this.cycle(mode);
        total.pushed += r.pushed;
        total.applied += r.applied;
        total.rejected += r.rejected;
        total.pulled += r.pulled;
        total.removed += r.removed;
        if (mode === 'pull' || (!this.again && !this.deps.store.hasSendable())) break;
      }
      // Quiet when nothing moved: a pull every 30 s would fill the log with nothing.
      if (this.online !== true || Object.values(total).some((n) => n > 0))
        this.log.info('sync: cycle done', { mode, ...total, afterAttempts: this.attempt });
      this.attempt = 0;
      this.online = true;
      this.lastError = null;
      this.deps.store.updateSyncState({ last_sync_at: this.deps.clock.now().toISOString() });
      try {
        this.deps.store.ws.checkpoint();
      } catch (e) {
        // a checkpoint is housekeeping; the next one catches up
        this.log.warn('sync: checkpoint failed', errorFields(e));
      }
      if (this.runningLoop)
        this.schedule(this.deps.store.hasSendable() ? this.o.debounceMs : this.o.pullIntervalMs, 'periodic');
      await this.deps.hook?.('after-cycle');
      return total;
    } catch (e) {
      this.lastError = e instanceof Error ? e.message : String(e);
      if (e instanceof SessionEndedError) {
        // Nothing to do until the user signs in again (resume()).
        this.clearTimer();
        this.log.info('sync: waiting for a sign-in', { mode, session: e.message });
      } else if (e instanceof ApiError && e.retryable) {
        this.online = false;
        this.attempt += 1;
        const delay = this.backoffDelay(this.attempt);
        // Offline for hours retries every minute: the first failure and every tenth are enough.
        if (this.attempt === 1 || this.attempt % 10 === 0)
          this.log.warn('sync: cycle failed, retrying', {
            mode,
            ...errorFields(e),
            status: e.status,
            attempt: this.attempt,
            retryInMs: delay,
          });
        const next = new Date(this.deps.clock.now().getTime() + delay).toISOString();
        this.deps.store.markAttemptFailed(
          this.deps.store.commands(['sent']).map((c) => c.id),
          this.lastError,
          next,
        );
        if (this.runningLoop) this.schedule(delay, 'retry');
      } else {
        // Not retryable (a 4xx the client cannot fix by resending, a bug): try again at the normal pace.
        this.log.error('sync: cycle failed', {
          mode,
          ...errorFields(e, !(e instanceof ApiError)),
          ...(e instanceof ApiError ? { status: e.status } : {}),
        });
        this.online = e instanceof ApiError ? true : this.online;
        if (this.runningLoop) this.schedule(this.o.pullIntervalMs, 'periodic');
      }
      throw e;
    }
  }

  private async cycle(mode: 'full' | 'pull'): Promise<CycleReport> {
    const session = this.deps.session();
    if (!session || session.state !== 'active')
      throw new SessionEndedError(session?.endedBecause ?? session?.state ?? 'signed_out');
    const report: CycleReport = { pushed: 0, applied: 0, rejected: 0, pulled: 0, removed: 0 };
    await session.checkUser();
    if (mode === 'full') await this.push(session, report);
    await this.pull(session, report);
    if (this.deps.afterPull) {
      try {
        await this.deps.afterPull(session);
      } catch (e) {
        if (e instanceof SessionEndedError) throw e;
        // a convenience (documents for offline work): the next cycle tries again
        this.log.warn('sync: after-pull step failed', errorFields(e));
      }
    }
    await this.maybeRefreshReference(session);
    return report;
  }

  private async push(session: Session, report: CycleReport): Promise<void> {
    const { store, api, clock } = this.deps;
    const clientId = store.clientId();
    let rebuilt = false;
    for (;;) {
      const batch = store.sendable(this.pushLimit);
      if (batch.length === 0) return;
      if (this.deps.beforeSend && (await this.prepareBatch(batch, session))) continue;
      await this.deps.hook?.('before-push');
      store.markSending(batch.map((c) => c.id));
      this.emit();
      let res;
      try {
        res = await session.withAuth((t) =>
          api.push(t, { clientId, commands: batch, lastAppliedSeq: store.lastAppliedSeq() }),
        );
      } catch (e) {
        if (e instanceof ApiError && e.code === 'history_changed' && !rebuilt) {
          // The server lost commands it had applied (restored from a backup): rebuild from a full
          // pull, which puts them back in the queue in their order, then push again.
          this.log.warn(
            'sync: the server lost applied commands (history_changed): full pull, then push again',
          );
          rebuilt = true;
          await this.pull(session, report, true);
          continue;
        }
        if (e instanceof ApiError && e.kind === 'client') {
          this.onClientError(batch, e);
          continue;
        }
        throw e;
      }
      this.pushLimit = this.o.pushBatch;
      await this.deps.hook?.('after-push-response');
      const ids = new Set(batch.map((c) => c.id));
      const mine = res.outcomes.filter((o) => ids.has(o.commandId));
      const r = store.recordOutcomes(mine, clock.now().toISOString());
      store.updateSyncState({ last_push_at: res.serverTime });
      report.pushed += batch.length;
      report.applied += r.applied;
      report.rejected += r.rejected;
      if (r.rejected > 0) {
        this.log.warn('sync: the server rejected commands', {
          rejected: mine.flatMap((o) =>
            o.status === 'rejected' ? [{ commandId: o.commandId, code: o.code }] : [],
          ),
        });
        const rejected = new Set(mine.filter((o) => o.status === 'rejected').map((o) => o.commandId));
        this.deps.onData?.([...new Set(batch.filter((c) => rejected.has(c.id)).map((c) => c.aggregateId))]);
      }
      this.emit();
      // The server decides a client's commands in seq order: the first one of the batch must have
      // an answer, or resending the same batch would spin.
      if (!mine.some((o) => o.commandId === batch[0]!.id)) {
        throw new ApiError(
          'server',
          'push: the server answered without an outcome for the first command sent',
        );
      }
    }
  }

  /**
   * Run beforeSend for the commands of a batch that were never sent. When one is refused, it is
   * recorded as rejected (later commands on its order are blocked as after any rejection) and the
   * batch is made again: returns true.
   */
  private async prepareBatch(batch: readonly OutboxCommand[], session: Session): Promise<boolean> {
    for (const c of batch) {
      const refused = await this.deps.beforeSend!(c, session);
      if (!refused) continue;
      this.log.warn('sync: a command was refused before it was sent', {
        commandId: c.id,
        type: c.type,
        code: refused.code,
      });
      this.deps.store.recordOutcomes(
        [{ commandId: c.id, seq: c.seq, status: 'rejected', code: refused.code, message: refused.message }],
        this.deps.clock.now().toISOString(),
      );
      this.emit();
      return true;
    }
    return false;
  }

  /**
   * A 4xx other than 401/403 for a push means the request itself is refused (e.g. a command the
   * server's schema does not accept). Resending it unchanged cannot help, but dropping the batch
   * would lose the good commands with it: halve the batch until the one refused command is alone,
   * then record it as rejected with the server's reason, visible to the user like any rejection.
   */
  private onClientError(batch: readonly OutboxCommand[], e: ApiError): void {
    if (e.status === 408 || e.status === 429)
      throw new ApiError('server', e.message, e.status, e.code, e.serverMessage);
    if (batch.length > 1) {
      this.pushLimit = Math.max(1, Math.floor(batch.length / 2));
      return;
    }
    const c = batch[0]!;
    this.log.warn('sync: the server refused a command as a request', {
      commandId: c.id,
      type: c.type,
      status: e.status,
      code: e.code,
    });
    this.deps.store.recordOutcomes(
      [
        {
          commandId: c.id,
          seq: c.seq,
          status: 'rejected',
          code: 'invalid_payload',
          message: e.serverMessage ?? {
            id: `Server menolak perintah ini (HTTP ${e.status ?? '?'}).`,
            en: `The server refused this command (HTTP ${e.status ?? '?'}).`,
          },
        },
      ],
      this.deps.clock.now().toISOString(),
    );
  }

  private async pull(session: Session, report: CycleReport, rebuild = false): Promise<void> {
    const { store, api } = this.deps;
    const clientId = store.clientId();
    const start = store.syncState().cursor;
    let cursor = rebuild ? null : start;
    const changes: PreparedChange[] = [];
    let last: PullResponse | null = null;
    let resetOnce = rebuild;
    for (;;) {
      let res: PullResponse;
      try {
        res = await session.withAuth((t) => api.pull(t, { clientId, cursor, limit: this.o.pullLimit }));
      } catch (e) {
        // A cursor the server no longer understands, or one of another history (409
        // history_changed: the server was restored from a backup): start over with a full pull,
        // once. Its lastProcessedSeq re-queues the commands the server lost (store.applyPull).
        if (e instanceof ApiError && e.kind === 'client' && cursor !== null && !resetOnce) {
          this.log.warn('sync: the pull cursor was refused: full pull', { status: e.status, code: e.code });
          resetOnce = true;
          cursor = null;
          changes.length = 0;
          continue;
        }
        throw e;
      }
      // The server lost commands it had told this client were applied (its database was restored
      // and the cursor was not refused): rebuild from a full pull, which re-queues them.
      if (cursor !== null && !resetOnce && store.lostByServer(res.lastProcessedSeq)) {
        this.log.warn('sync: the server lost applied commands: full pull', {
          lastProcessedSeq: res.lastProcessedSeq,
        });
        resetOnce = true;
        cursor = null;
        changes.length = 0;
        continue;
      }
      for (const c of res.changes) {
        if (c.op === 'remove') changes.push({ op: 'remove', orderId: c.orderId });
        else changes.push(store.preparePut(c.order as Order));
      }
      last = res;
      if (!res.hasMore) break;
      if (res.cursor === cursor) throw new ApiError('server', 'pull: hasMore without a new cursor');
      cursor = res.cursor;
    }
    await this.deps.hook?.('before-pull-apply');
    // Someone else moved the cursor meanwhile (cannot happen with one engine; cheap to check).
    if (store.syncState().cursor !== start && !resetOnce) return;
    const final = last!;
    const r = store.applyPull(changes, {
      cursor: final.cursor,
      lastProcessedSeq: final.lastProcessedSeq,
      at: final.serverTime,
      full: resetOnce || start === null,
    });
    report.pulled += r.puts;
    report.removed += r.removes;
    if (r.puts + r.removes > 0) {
      const full = resetOnce || start === null;
      this.deps.onData?.(full ? null : [...new Set(changes.map((c) => (c.op === 'put' ? c.id : c.orderId)))]);
    }
  }

  private async maybeRefreshReference(session: Session): Promise<void> {
    if (!this.deps.refreshReference) return;
    const now = this.deps.clock.localNow();
    if (now - this.lastReferenceAt < this.o.referenceIntervalMs) return;
    this.lastReferenceAt = now;
    try {
      await session.withAuth((t) => this.deps.refreshReference!(t));
    } catch (e) {
      if (e instanceof SessionEndedError) throw e;
      // reference data is a convenience: the next interval tries again
      this.log.warn('sync: reference data not refreshed', errorFields(e));
      this.lastReferenceAt =
        now - this.o.referenceIntervalMs + Math.min(this.o.referenceIntervalMs, 5 * 60_000);
    }
  }
}
