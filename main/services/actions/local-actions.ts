/**
 * The offline actions of SOP steps 12-16 (and, later, the Kepala Balai's signing). Each one loads
 * the order from the local copy, decides the command with the shared domain core, as the signed-in
 * user and at the server's time (the workstation clock corrected by the measured offset), and
 * either refuses with the domain core's reason or writes the optimistic new state and the outbox
 * row in one SQLite transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Command, CommandType, PayloadInput } from '../../../shared/domain/commands';
import { decide } from '../../../shared/domain/decide';
import type { ExpandedUncertaintyValue, Order } from '../../../shared/domain/entities';
import type { Message, RejectionCode } from '../../../shared/domain/rejections';
import type { Actor } from '../../../shared/domain/state';
import type { ServerClock } from '../clock';
import { DEPENDS_ON_REJECTED, type LocalStore, type QueuedCommand } from '../localdb/store';
import { baseVersionOf, describeCommand, isOfflineCommand, type OfflineCommandType } from './commands';

export class ActionRejectedError extends Error {
  constructor(
    readonly code: RejectionCode | 'not_in_working_copy' | 'not_offline',
    readonly reason: Message,
  ) {
    super(`${reason.id} / ${reason.en}`);
    this.name = 'ActionRejectedError';
  }
}

export interface ActionResult {
  command: QueuedCommand;
  /** The order as the user now sees it. */
  order: Order;
}

/** What the analyst types; `numeric` is parsed from `value` (a comma or a point as decimal mark). */
export interface ResultInput {
  value: string;
  /** The number the text means, when the caller read it already (null: no number, e.g. "negatif"). */
  numeric?: number | null;
  unit?: string;
  notes?: string;
  belowDetectionLimit?: boolean;
  detectionLimit?: number | null;
  testedOn?: string | null;
  /** The analyst's expanded uncertainty (null: the catalog default applies). */
  uncertainty?: ExpandedUncertaintyValue | null;
}

export function parseNumeric(value: string): number | null {
  const t = value.trim().replace(/\s/g, '');
  const normalised = /^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)
    ? t.replace(/\./g, '').replace(',', '.') // 1.234,5 (Indonesian thousands)
    : t.replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(normalised)) return null;
  const n = Number(normalised);
  return Number.isFinite(n) ? n : null;
}

/**
 * The rejected change `commandId`, not dealt with yet: dismiss and redo refuse anything else the
 * same way (an unknown id, a change that was not rejected, one already dismissed or redone).
 */
function unresolvedRejection(store: LocalStore, commandId: string): QueuedCommand {
  const c = store.command(commandId);
  if (!c || c.status !== 'rejected' || c.resolution !== null) {
    throw new ActionRejectedError('not_found', {
      id: 'Perubahan ditolak ini tidak ditemukan (mungkin sudah diabaikan atau diulang).',
      en: 'This rejected change was not found (it may have been dismissed or redone already).',
    });
  }
  return c;
}

export interface LocalActionsDeps {
  store: LocalStore;
  clock: ServerClock;
  actor: () => Actor;
  /** After a command is queued (the sync loop pushes soon). */
  onQueued?: (command: QueuedCommand) => void;
}

export class LocalActions {
  constructor(private readonly deps: LocalActionsDeps) {}

  // Penyelia (step 12, 15, returns)
  acceptSample(orderId: string, sampleId: string, condition: string): ActionResult {
    return this.issue('sample.accept', orderId, { sampleId, condition });
  }
  rejectSample(orderId: string, sampleId: string, reason: string): ActionResult {
    return this.issue('sample.reject', orderId, { sampleId, reason });
  }
  assignAnalysts(
    orderId: string,
    sampleId: string,
    assignments: { analysisId: string; analystId: string }[],
  ): ActionResult {
    return this.issue('sample.assign_analysts', orderId, { sampleId, assignments });
  }
  verifyResults(orderId: string, sampleId: string): ActionResult {
    return this.issue('results.verify', orderId, { sampleId });
  }
  requestRetest(
    orderId: string,
    sampleId: string,
    analysisId: string,
    reason: string,
    analystId: string | null = null,
  ): ActionResult {
    return this.issue('analysis.request_retest', orderId, {
      sampleId,
      analysisId,
      newAnalysisId: randomUUID(),
      analystId,
      reason,
    });
  }

  // MT (step 13, 16, returns)
  validateAssignment(orderId: string, sampleId: string): ActionResult {
    return this.issue('assignment.validate', orderId, { sampleId });
  }
  returnAssignment(orderId: string, sampleId: string, reason: string): ActionResult {
    return this.issue('assignment.return', orderId, { sampleId, reason });
  }
  validateResults(orderId: string, sampleId: string): ActionResult {
    return this.issue('results.validate', orderId, { sampleId });
  }
  returnResults(orderId: string, sampleId: string, reason: string): ActionResult {
    return this.issue('results.return', orderId, { sampleId, reason });
  }

  // Analis (step 14)
  saveResult(orderId: string, sampleId: string, analysisId: string, input: ResultInput): ActionResult {
    const order = this.deps.store.order(orderId);
    const analysis = order?.samples.find((s) => s.id === sampleId)?.analyses.find((a) => a.id === analysisId);
    return this.issue('result.save', orderId, {
      sampleId,
      analysisId,
      result: {
        value: input.value,
        numeric: input.belowDetectionLimit
          ? null
          : input.numeric !== undefined
            ? input.numeric
            : parseNumeric(input.value),
        unit: input.unit ?? analysis?.unit ?? '',
        notes: input.notes ?? '',
        belowDetectionLimit: input.belowDetectionLimit ?? false,
        detectionLimit: input.detectionLimit ?? null,
        testedOn: input.testedOn ?? null,
        // Absent means the catalog default applies (a save replaces the whole result).
        ...(input.uncertainty ? { uncertainty: input.uncertainty } : {}),
      },
    });
  }
  submitResult(orderId: string, sampleId: string, analysisId: string): ActionResult {
    return this.issue('result.submit', orderId, { sampleId, analysisId });
  }

  /** Decide and queue any offline command on an order of the working copy. */
  issue<T extends OfflineCommandType>(
    type: T,
    orderId: string,
    payload: PayloadInput<T>,
    redoOf: string | null = null,
  ): ActionResult {
    if (!isOfflineCommand(type)) {
      throw new ActionRejectedError('not_offline', {
        id: `${String(type)} hanya dapat dilakukan daring.`,
        en: `${String(type)} can only be done online.`,
      });
    }
    const { store } = this.deps;
    return store.sql.tx(() => {
      const order = store.order(orderId);
      if (!order) {
        throw new ActionRejectedError('not_in_working_copy', {
          id: 'Pesanan ini tidak ada di salinan kerja Anda (mungkin sudah dialihkan). Sinkronkan lalu coba lagi.',
          en: 'This order is not in your working copy (it may have been reassigned). Sync and try again.',
        });
      }
      const { command, order: shown } = this.decideAndQueue(order, type, orderId, payload, redoOf);
      return { command, order: shown };
    });
  }

  private decideAndQueue(
    order: Order,
    type: CommandType,
    orderId: string,
    payload: unknown,
    redoOf: string | null,
    notify = true,
  ): ActionResult & { state: Order } {
    const { store, clock } = this.deps;
    const now = clock.now();
    const baseVersion = baseVersionOf(type, payload, order);
    const command = { id: randomUUID(), type, payload, baseVersion } as Command;
    const d = decide(order, command, this.deps.actor(), now);
    if (!d.ok) throw new ActionRejectedError(d.code, d.message);
    const next = d.state as Order;
    const queued = store.commitLocal(
      {
        type,
        aggregateId: orderId,
        payload,
        baseVersion,
        issuedAt: now.toISOString(),
        summary: describeCommand(type, payload, order),
        redoOf,
      },
      next,
      now.toISOString(),
    );
    if (notify) this.deps.onQueued?.(queued);
    // The new local view is exactly the decided state (view = base + pending, plus this command).
    return { command: queued, order: next, state: next };
  }

  /** Rejected commands the user has not dealt with yet (with the server's code and reason). */
  rejectedCommands(): QueuedCommand[] {
    return this.deps.store.rejected();
  }

  /**
   * Accept the server's "no": the command is set aside. Commands built on it (same analysis or
   * sample, made before the rejection was known) cannot go out as they are: they become rejections
   * of their own, shown to the user. The other commands it held back go to the server.
   */
  dismiss(commandId: string): QueuedCommand {
    const { store, clock } = this.deps;
    const c = store.sql.tx(() => {
      unresolvedRejection(store, commandId);
      const at = clock.now().toISOString();
      const resolved = store.resolveRejected(commandId, 'dismissed', at);
      for (const d of store.dependentsOf(commandId)) store.rejectLocally(d.id, DEPENDS_ON_REJECTED, at);
      store.releaseBlocked(resolved.aggregateId);
      store.recompute(resolved.aggregateId);
      return resolved;
    });
    this.deps.onQueued?.(c);
    return c;
  }

  /**
   * Try a rejected command again on the order as it is now: it is decided afresh (with the current
   * base version) and queued as a new command. The commands built on it are decided again after
   * it, in order (a command that no longer decides becomes a rejection shown to the user); the
   * other commands it held back follow. If the command itself no longer decides, nothing changes
   * and the reason is thrown.
   */
  redo(commandId: string): ActionResult {
    const { store, clock } = this.deps;
    const result = store.sql.tx(() => {
      const old = unresolvedRejection(store, commandId);
      // Decide on the order without the blocked commands: they come after it.
      const { view } = store.viewOf(old.aggregateId, { excludeBlocked: true });
      if (!view) {
        throw new ActionRejectedError('not_in_working_copy', {
          id: 'Pesanan ini tidak ada lagi di salinan kerja Anda.',
          en: 'This order is no longer in your working copy.',
        });
      }
      const at = clock.now().toISOString();
      const dependents = store.dependentsOf(commandId);
      store.resolveRejected(commandId, 'redone', at);
      const redone = this.decideAndQueue(view, old.type, old.aggregateId, old.payload, old.id, false);
      let state = redone.state;
      for (const d of dependents) {
        const baseVersion = baseVersionOf(d.type, d.payload, state);
        const decision = decide(
          state,
          { id: d.id, type: d.type, payload: d.payload, baseVersion } as Command,
          this.deps.actor(),
          new Date(d.issuedAt),
        );
        if (decision.ok) {
          store.rebaseBlocked(d.id, baseVersion);
          state = decision.state as Order;
        } else {
          store.rejectLocally(d.id, decision.message, at, decision.code);
        }
      }
      store.releaseBlocked(old.aggregateId);
      store.recompute(old.aggregateId);
      return { command: store.command(redone.command.id)!, order: store.order(old.aggregateId)! };
    });
    this.deps.onQueued?.(result.command);
    return result;
  }
}
