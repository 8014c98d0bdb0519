/**
 * The server's long-term signature work on signed E-LHU. When step 19 accepts a signed report (HTTP
 * upload or a desktop's sync), the report is tracked at B-B and, without holding up the release:
 *   B-T    the signature timestamp from the unit's TSA (SIPPT_TSA_URL) inside the existing /Contents;
 *   B-LT   a DSS with the chains and CRLs of the signer and the TSA (incremental update);
 *   B-LTA  a document timestamp over all of it (incremental update).
 * A TSA or CRL that cannot be had leaves the report at the level it reached ("pending") and the
 * step is retried with backoff (1 min doubling to 1 h). Archived reports are re-timestamped before
 * their last timestamp's certificate ends (retimestampExpiring; npm run elhu:retimestamp).
 */
import type { DbHandle } from '../../db/connect';
import { inspectLtv } from './ltv-check';
import type { LtvLevel } from './tables';
import { LtvUnavailable, nextStep, type LtvMaterial } from './steps';
import {
  claim,
  currentFile,
  dueReports,
  expiringArchives,
  ltvRecord,
  markFailed,
  markPending,
  reopen,
  saveVersion,
  trackNewlySigned,
  type LtvRecord,
} from './store';
import { TimestampUnavailable } from './timestamp-token';

export interface LtvServiceOptions extends LtvMaterial {
  handle: DbHandle;
  now: () => Date;
  /** Levels the server aims at (default B-LTA). */
  target?: 'B-T' | 'B-LT' | 'B-LTA';
  log?: (msg: string, detail: Record<string, unknown>) => void;
}

const LEASE_MS = 5 * 60_000;
const LEVELS: LtvLevel[] = ['B-B', 'B-T', 'B-LT', 'B-LTA'];
export const DEFAULT_TARGET = 'B-LTA';
export const retryDelayMs = (attempts: number): number => Math.min(60_000 * 2 ** attempts, 3_600_000);

export class LtvService {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;

  constructor(private readonly opts: LtvServiceOptions) {}

  get db() {
    return this.opts.handle.db;
  }

  /** Step 19 accepted a signed report: start its work soon, never in the request's way. */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.runDue()
      .catch((e: unknown) =>
        this.opts.log?.('elhu ltv run failed', { err: e instanceof Error ? e.message : String(e) }),
      )
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Every `intervalMs`, the due work (new signatures, retries). */
  start(intervalMs = 30_000): void {
    this.stop();
    this.timer = setInterval(() => this.kick(), intervalMs);
    this.timer.unref();
    this.kick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Tracks newly signed reports and does every due step; resolves when done (tests, the CLI). */
  async runDue(): Promise<void> {
    const now = this.opts.now();
    await trackNewlySigned(this.db, now);
    for (const rec of await dueReports(this.db, now)) {
      if (await claim(this.db, rec, now, LEASE_MS)) await this.advance(rec.reportId);
    }
  }

  /** Takes one report as far as it goes now. */
  async advance(reportId: string): Promise<LtvRecord | null> {
    const target = this.opts.target ?? DEFAULT_TARGET;
    for (;;) {
      const rec = await ltvRecord(this.db, reportId);
      if (!rec || rec.status !== 'pending') return rec;
      const at = this.opts.now();
      const pdf = await currentFile(this.db, rec);
      const step = nextStep(rec.level, target);
      if (!pdf || !step) {
        if (pdf)
          await saveVersion(this.opts.handle, reportId, rec.currentSha256, pdf, rec.level, at, {
            status: 'done',
          });
        else await markFailed(this.db, rec, 'the signed file is missing', at);
        return ltvRecord(this.db, reportId);
      }
      try {
        const r = await step(pdf, this.opts, at);
        const done = LEVELS.indexOf(r.level) >= LEVELS.indexOf(target);
        const seen = await inspectLtv(r.pdf, {
          caCertificates: [...this.opts.caCertificates, ...(this.opts.tsa?.certificates() ?? [])],
        });
        await saveVersion(this.opts.handle, reportId, rec.currentSha256, r.pdf, r.level, at, {
          status: done ? 'done' : 'pending',
          ...(r.timestampTime ? { timestampTime: r.timestampTime.toISOString() } : {}),
          ...(r.archiveUntil ? { archiveUntil: r.archiveUntil.toISOString() } : {}),
          certificateValid: seen.certificateValidAtTimestamp,
        });
        this.opts.log?.('elhu ltv level reached', { reportId, level: r.level });
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        if (e instanceof TimestampUnavailable || e instanceof LtvUnavailable) {
          // Valid at the level reached; retried later.
          await markPending(this.db, rec, message, new Date(at.getTime() + retryDelayMs(rec.attempts)), at);
          this.opts.log?.('elhu ltv pending', { reportId, level: rec.level, error: message });
        } else {
          await markFailed(this.db, rec, message, at);
          this.opts.log?.('elhu ltv failed', { reportId, level: rec.level, error: message });
        }
        return ltvRecord(this.db, reportId);
      }
    }
  }

  /**
   * Re-timestamps archived reports whose last timestamp's certificate ends within `withinDays`
   * (a new DSS with the current validation data and a new document timestamp over everything).
   */
  async retimestampExpiring(
    withinDays: number,
  ): Promise<
    { reportId: string; ok: boolean; level: string; archiveUntil: string | null; error: string | null }[]
  > {
    const now = this.opts.now();
    const out = [];
    for (const rec of await expiringArchives(this.db, new Date(now.getTime() + withinDays * 86_400_000))) {
      await reopen(this.db, rec.reportId, now);
      const after = await this.advance(rec.reportId);
      out.push({
        reportId: rec.reportId,
        ok: !!after && after.status === 'done' && after.currentSha256 !== rec.currentSha256,
        level: after?.level ?? rec.level,
        archiveUntil: after?.archiveUntil ?? null,
        error: after?.lastError ?? null,
      });
    }
    return out;
  }
}
