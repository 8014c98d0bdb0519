/**
 * The local store of one workspace: the working copy (orders as pulled, and as the user sees them
 * with their pending commands on top) and the outbox. Every method that writes is one synchronous
 * SQLite transaction over both files.
 *
 * Invariant: for every order, the local view equals its server base with the "rebase set" of the
 * outbox decided on top in seq order (commands the server has not confirmed through a pull yet).
 * `recompute` restores it for an order; `recover` for every order, at start.
 */
import { randomUUID } from 'node:crypto';
import { sql, type SelectQueryBuilder } from 'kysely';
import type { Command, CommandType } from '../../../shared/domain/commands';
import { decide } from '../../../shared/domain/decide';
import { activeAnalyses } from '../../../shared/domain/state';
import type { Order } from '../../../shared/domain/entities';
import type { Message, RejectionCode } from '../../../shared/domain/rejections';
import type { Actor } from '../../../shared/domain/state';
import type { OutboxCommand, PushOutcome } from '../../../shared/api/sync';
import { dependencyKeys, DependencySet } from '../actions/commands';
import { orderRow, sampleRows } from './projection';
import { sampleClock } from './sop-clock';
import type {
  OrdersTable,
  OutboxStatus,
  OutboxTable,
  SamplesTable,
  SyncStateTable,
  WorkspaceDb,
} from './schema';
import type { Workspace } from './workspace';
import type { WorklistPageView, WorklistQueryInput, WorklistRowView } from '../../../shared/bridge/models';

export interface QueuedCommand {
  id: string;
  seq: number;
  type: CommandType;
  aggregateId: string;
  payload: unknown;
  baseVersion: number | null;
  issuedAt: string;
  status: OutboxStatus;
  summary: string;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  rejection: { code: RejectionCode; message: Message } | null;
  resolution: 'dismissed' | 'redone' | null;
  redoOf: string | null;
  /** For a blocked command: the rejected command it was built on. */
  blockedBy: string | null;
  appliedVersion: number | null;
}

export interface NewCommand {
  type: CommandType;
  aggregateId: string;
  payload: unknown;
  baseVersion: number | null;
  issuedAt: string;
  summary: string;
  redoOf?: string | null;
}

/**
 * One order of a pull, prepared outside the transaction (parsing and projecting are the slow
 * part): the rows to write, so the parsed order itself need not be kept until the whole pull is in.
 */
export interface PreparedPut {
  op: 'put';
  id: string;
  row: OrdersTable;
  samples: SamplesTable[];
}
export type PreparedChange = PreparedPut | { op: 'remove'; orderId: string };

/** A worklist screen's page: the bridge's schema is the type. */
export type WorklistPage = WorklistPageView;

/** The filters a worklist offers: the bridge's query (`offset` only for the unpaged list, tests). */
export type WorklistQuery = WorklistQueryInput & { offset?: number };

export type WorklistRow = WorklistRowView;

export interface WorklistFacets {
  statuses: { status: string; count: number }[];
  labs: { id: string; name: string }[];
  sampleTypes: { name: string; count: number }[];
}

function toQueued(r: OutboxTable): QueuedCommand {
  return {
    id: r.command_id,
    seq: r.seq,
    type: r.type as CommandType,
    aggregateId: r.aggregate_id,
    payload: JSON.parse(r.payload) as unknown,
    baseVersion: r.base_version,
    issuedAt: r.issued_at,
    status: r.status,
    summary: r.summary,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    rejection:
      r.status === 'rejected' && r.rejection_code
        ? {
            code: r.rejection_code as RejectionCode,
            message: JSON.parse(r.rejection_message ?? '{"id":"","en":""}') as Message,
          }
        : null,
    resolution: (r.resolution as QueuedCommand['resolution']) ?? null,
    redoOf: r.redo_of,
    blockedBy: r.blocked_by,
    appliedVersion: r.applied_version,
  };
}

/** The reason shown for a command that was never sent because the change it built on was rejected. */
export const DEPENDS_ON_REJECTED: Message = {
  id: 'Tidak dikirim: perubahan ini dibuat di atas perubahan yang ditolak server. Ulangi bila masih diperlukan.',
  en: 'Not sent: this change was made on top of a change the server rejected. Redo it if it is still needed.',
};

/** The columns of a worklist row (WorklistRow), read by both the full list and the paged one. */
const WORKLIST_COLUMNS = [
  'id',
  'order_id',
  'order_number',
  'order_status',
  'sample_number',
  'sample_type_name',
  'customer_label',
  'status',
  'received_at',
  'analyses_total',
  'analyses_mine',
  'analyses_open_mine',
  'analyses_submitted',
  'next_action',
  'pending_commands',
  'lab_id',
  'blocked_commands',
  'step',
  'step_started_at',
  'due_at',
] as const;

export class LocalStore {
  readonly sql;
  private actorValue: Actor;

  constructor(
    readonly ws: Workspace,
    actor: Actor,
  ) {
    this.sql = ws.sql;
    this.actorValue = actor;
  }

  get actor(): Actor {
    return this.actorValue;
  }

  /** The user's role or lab changed (seen at login): the worklist is recomputed for the new actor. */
  setActor(actor: Actor): void {
    const changed = JSON.stringify(actor) !== JSON.stringify(this.actorValue);
    this.actorValue = actor;
    if (changed) this.reproject();
  }

  // ---------------------------------------------------------------------------------------------
  // Identity and sequence (outbox file: never rebuilt, so a client id and its seqs never repeat)

  clientId(): string {
    const { q } = this.sql;
    const row = this.sql.get(q.selectFrom('ob.meta').select('value').where('key', '=', 'client_id'));
    if (row) return row.value;
    const id = randomUUID();
    this.sql.run(
      q
        .insertInto('ob.meta')
        .values({ key: 'client_id', value: id })
        .onConflict((oc) => oc.doNothing()),
    );
    return this.sql.get(q.selectFrom('ob.meta').select('value').where('key', '=', 'client_id'))!.value;
  }

  private allocateSeq(): number {
    const { q } = this.sql;
    const row = this.sql.get(q.selectFrom('ob.meta').select('value').where('key', '=', 'next_seq'));
    let next = row ? Number(row.value) : 1;
    // Never below what the outbox already used (a meta row lost to a bug must not reuse seqs).
    const max =
      this.sql.get(q.selectFrom('ob.outbox').select((eb) => eb.fn.max<number | null>('seq').as('m')))?.m ?? 0;
    if (next <= max) next = max + 1;
    this.sql.run(
      q
        .insertInto('ob.meta')
        .values({ key: 'next_seq', value: String(next + 1) })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(next + 1) })),
    );
    return next;
  }

  // ---------------------------------------------------------------------------------------------
  // Reading

  syncState(): SyncStateTable {
    return this.sql.get(this.sql.q.selectFrom('sync_state').selectAll().where('id', '=', 1))!;
  }

  updateSyncState(patch: Partial<Omit<SyncStateTable, 'id'>>): void {
    this.sql.run(this.sql.q.updateTable('sync_state').set(patch).where('id', '=', 1));
  }

  /** The order as the user sees it (with their pending commands), or null when not in the working copy. */
  order(id: string): Order | null {
    const row = this.sql.get(
      this.sql.q.selectFrom('orders').select(['base_json', 'local_json']).where('id', '=', id),
    );
    return row ? (JSON.parse(row.local_json ?? row.base_json) as Order) : null;
  }

  /** The order as the server last sent it. */
  baseOrder(id: string): Order | null {
    const row = this.sql.get(this.sql.q.selectFrom('orders').select('base_json').where('id', '=', id));
    return row ? (JSON.parse(row.base_json) as Order) : null;
  }

  orderIds(): string[] {
    return this.sql.all(this.sql.q.selectFrom('orders').select('id').orderBy('id')).map((r) => r.id);
  }

  /** Every order of the local view, by id (tests and diagnostics; the UI reads the worklist). */
  allOrders(): Order[] {
    return this.sql
      .all(this.sql.q.selectFrom('orders').select(['base_json', 'local_json']).orderBy('id'))
      .map((r) => JSON.parse(r.local_json ?? r.base_json) as Order);
  }

  orderCount(): number {
    return Number(
      this.sql.get(this.sql.q.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n')))!.n,
    );
  }

  worklist(query: WorklistQuery = {}): WorklistRow[] {
    let qb = this.sql.q.selectFrom('samples').select([...WORKLIST_COLUMNS]);
    qb = filtered(qb, query);
    qb = qb.orderBy('action_rank').orderBy('sort_at').orderBy('id');
    if (query.limit !== undefined) qb = qb.limit(query.limit).offset(query.offset ?? 0);
    return this.sql.all(qb);
  }

  /**
   * What a worklist screen opens with: the first page (keyset-paged on the worklist index, so a
   * page costs the same with 100 or 100,000 samples) and the counts for the same filter. Pass
   * `next` back as `after` for the following page.
   */
  worklistPage(query: WorklistQuery = {}, now: string = new Date().toISOString()): WorklistPage {
    const limit = Math.max(1, Math.min(1000, query.limit ?? 200));
    let at = now;
    let after: [number, number, string, string] | null = null;
    let carried: { total: number; action: number } | null = null;
    if (query.after) {
      const c = decodeCursor(query.after);
      // Later pages keep the first page's "now": a row turning overdue meanwhile must not move between pages.
      at = c.now;
      after = [c.rank, c.overdue, c.sortAt, c.id];
      carried = { total: c.total, action: c.action };
    }
    const overdue = sql<number>`(CASE WHEN due_at IS NOT NULL AND due_at < ${at} THEN 0 ELSE 1 END)`;
    let qb = filtered(
      this.sql.q
        .selectFrom('samples')
        .select([...WORKLIST_COLUMNS, 'action_rank', 'sort_at', overdue.as('not_overdue')]),
      query,
    );
    const counts = filtered(
      this.sql.q
        .selectFrom('samples')
        .select((eb) => [
          eb.fn.countAll<number>().as('total'),
          eb.fn.sum<number | null>('action_rank').as('idle'),
        ]),
      query,
    );
    if (after)
      qb = qb.where(
        sql<boolean>`(action_rank, ${overdue}, sort_at, id) > (${after[0]}, ${after[1]}, ${after[2]}, ${after[3]})`,
      );
    const rows = this.sql.all(
      qb
        .orderBy('action_rank')
        .orderBy(overdue)
        .orderBy('sort_at')
        .orderBy('id')
        .limit(limit + 1),
    );
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    // Counting every matching sample costs as much as the page itself on a large copy: once per list.
    let totals = carried;
    if (!totals) {
      const c = this.sql.get(counts)!;
      totals = { total: Number(c.total), action: Number(c.total) - Number(c.idle ?? 0) };
    }
    return {
      rows: page.map(({ action_rank: _r, sort_at: _s, not_overdue: _o, ...row }) => row),
      next:
        more && last
          ? encodeCursor({
              rank: last.action_rank,
              overdue: Number(last.not_overdue),
              sortAt: last.sort_at,
              id: last.id,
              now: at,
              ...totals,
            })
          : null,
      total: totals.total,
      action: totals.action,
    };
  }

  /** What the worklist's filters offer, with counts over the whole working copy. */
  worklistFacets(labName: (id: string) => string | null): WorklistFacets {
    const { q } = this.sql;
    const statuses = this.sql.all(
      q
        .selectFrom('samples')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('status')
        .orderBy('status'),
    );
    const labs = this.sql.all(
      q.selectFrom('samples').select('lab_id').distinct().where('lab_id', 'is not', null).orderBy('lab_id'),
    );
    const types = this.sql.all(
      q
        .selectFrom('samples')
        .select(['sample_type_name', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('sample_type_name')
        .orderBy('sample_type_name'),
    );
    return {
      statuses: statuses.map((r) => ({ status: r.status, count: Number(r.n) })),
      labs: labs.map((r) => ({ id: r.lab_id!, name: labName(r.lab_id!) ?? r.lab_id! })),
      sampleTypes: types.map((r) => ({ name: r.sample_type_name, count: Number(r.n) })),
    };
  }

  /** Open (pending or draft) active analyses per analyst in the working copy: the Penyelia's picker shows the load. */
  openWorkByAnalyst(): Map<string, number> {
    const m = new Map<string, number>();
    for (const o of this.allOrders()) {
      for (const s of o.samples) {
        for (const a of activeAnalyses(s)) {
          if (a.analystId && (a.status === 'pending' || a.status === 'draft'))
            m.set(a.analystId, (m.get(a.analystId) ?? 0) + 1);
        }
      }
    }
    return m;
  }

  worklistCounts(): { total: number; action: number } {
    const r = this.sql.get(
      this.sql.q
        .selectFrom('samples')
        .select((eb) => [
          eb.fn.countAll<number>().as('total'),
          eb.fn.sum<number | null>('action_rank').as('idle'),
        ]),
    )!;
    const total = Number(r.total);
    return { total, action: total - Number(r.idle ?? 0) };
  }

  // ---------------------------------------------------------------------------------------------
  // Outbox

  command(id: string): QueuedCommand | null {
    const r = this.sql.get(this.sql.q.selectFrom('ob.outbox').selectAll().where('command_id', '=', id));
    return r ? toQueued(r) : null;
  }

  commands(statuses?: readonly OutboxStatus[]): QueuedCommand[] {
    let qb = this.sql.q.selectFrom('ob.outbox').selectAll();
    if (statuses) qb = qb.where('status', 'in', [...statuses]);
    return this.sql.all(qb.orderBy('seq')).map(toQueued);
  }

  /** How many commands are in each state; `rejected` counts only those the user has not dealt with. */
  counts(): Record<OutboxStatus, number> {
    const rows = this.sql.all(
      this.sql.q
        .selectFrom('ob.outbox')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .where((eb) => eb.or([eb('status', '!=', 'rejected'), eb('resolution', 'is', null)]))
        .groupBy('status'),
    );
    const out: Record<OutboxStatus, number> = { pending: 0, sent: 0, applied: 0, rejected: 0, blocked: 0 };
    for (const r of rows) out[r.status] = Number(r.n);
    return out;
  }

  /** Rejected commands the user has not dismissed or redone yet, oldest first. */
  rejected(): QueuedCommand[] {
    return this.sql
      .all(
        this.sql.q
          .selectFrom('ob.outbox')
          .selectAll()
          .where('status', '=', 'rejected')
          .where('resolution', 'is', null)
          .orderBy('seq'),
      )
      .map(toQueued);
  }

  private hasUnresolvedRejection(aggregateId: string): boolean {
    return !!this.sql.get(
      this.sql.q
        .selectFrom('ob.outbox')
        .select('command_id')
        .where('aggregate_id', '=', aggregateId)
        .where('status', '=', 'rejected')
        .where('resolution', 'is', null)
        .limit(1),
    );
  }

  /**
   * The next commands to push: never-sent and sent-without-outcome ones, the longest prefix in seq
   * order in which no command depends on an earlier one of the same batch (same analysis, or a
   * sample-level command and anything else on that sample). A command built on another is sent
   * only once the other's outcome is known, so a rejection can hold it back (blocked) instead of
   * it reaching the server against a state that never happened.
   */
  sendable(limit: number): OutboxCommand[] {
    const rows = this.sql.all(
      this.sql.q
        .selectFrom('ob.outbox')
        .selectAll()
        .where('status', 'in', ['pending', 'sent'])
        .orderBy('seq')
        .limit(limit),
    );
    const deps = new DependencySet();
    const out: OutboxCommand[] = [];
    for (const r of rows) {
      const payload = JSON.parse(r.payload) as unknown;
      const keys = dependencyKeys(r.type, r.aggregate_id, payload);
      if (deps.conflicts(keys)) break;
      deps.add(keys);
      out.push({
        id: r.command_id,
        seq: r.seq,
        type: r.type as CommandType,
        aggregateId: r.aggregate_id,
        payload,
        baseVersion: r.base_version,
        issuedAt: r.issued_at,
      });
    }
    return out;
  }

  hasSendable(): boolean {
    return !!this.sql.get(
      this.sql.q
        .selectFrom('ob.outbox')
        .select('command_id')
        .where('status', 'in', ['pending', 'sent'])
        .limit(1),
    );
  }

  /**
   * Before a push: these commands may reach the server from now on ("sent"), so they are never
   * renumbered; their attempt count goes up.
   */
  markSending(ids: readonly string[]): void {
    if (ids.length === 0) return;
    this.sql.tx(() => {
      this.sql.run(
        this.sql.q
          .updateTable('ob.outbox')
          .set((eb) => ({ status: 'sent' as const, attempts: eb('attempts', '+', 1) }))
          .where('command_id', 'in', [...ids])
          .where('status', 'in', ['pending', 'sent']),
      );
    });
  }

  /** A push failed in a way that will be retried: remember why and when the next try is. */
  markAttemptFailed(ids: readonly string[], error: string, nextAttemptAt: string | null): void {
    if (ids.length === 0) return;
    this.sql.run(
      this.sql.q
        .updateTable('ob.outbox')
        .set({ last_error: error.slice(0, 500), next_attempt_at: nextAttemptAt })
        .where('command_id', 'in', [...ids])
        .where('status', '=', 'sent'),
    );
  }

  /**
   * Record the server's outcomes. Idempotent: an outcome for a command that already has one (a
   * duplicated or late response) changes nothing. A rejection holds back the later unsent commands
   * on the same order (blocked) and takes the rejected command's effect out of the local view.
   */
  recordOutcomes(outcomes: readonly PushOutcome[], at: string): { applied: number; rejected: number } {
    let applied = 0;
    let rejected = 0;
    this.sql.tx(() => {
      const touched = new Set<string>();
      for (const o of outcomes) {
        const row = this.sql.get(
          this.sql.q.selectFrom('ob.outbox').selectAll().where('command_id', '=', o.commandId),
        );
        if (!row || row.seq !== o.seq) continue;
        if (row.status === 'applied' || row.status === 'rejected') continue;
        if (o.status === 'applied') {
          this.sql.run(
            this.sql.q
              .updateTable('ob.outbox')
              .set({
                status: 'applied',
                applied_version: o.version,
                outcome_at: at,
                next_attempt_at: null,
                last_error: null,
              })
              .where('command_id', '=', o.commandId),
          );
          applied += 1;
        } else {
          this.sql.run(
            this.sql.q
              .updateTable('ob.outbox')
              .set({
                status: 'rejected',
                rejection_code: o.code,
                rejection_message: JSON.stringify(o.message),
                outcome_at: at,
                next_attempt_at: null,
                last_error: null,
              })
              .where('command_id', '=', o.commandId),
          );
          this.blockAfterRejection(row);
          touched.add(row.aggregate_id);
          rejected += 1;
        }
      }
      for (const id of touched) this.recompute(id);
    });
    return { applied, rejected };
  }

  /**
   * After `rejected` was refused: every later unsent command on the same order is blocked; those
   * built on it (same analysis or sample, transitively) remember it in `blocked_by`.
   */
  private blockAfterRejection(rejected: OutboxTable): void {
    const tainted = new DependencySet();
    tainted.add(dependencyKeys(rejected.type, rejected.aggregate_id, JSON.parse(rejected.payload)));
    const rows = this.sql.all(
      this.sql.q
        .selectFrom('ob.outbox')
        .selectAll()
        .where('aggregate_id', '=', rejected.aggregate_id)
        .where('status', 'in', ['pending', 'blocked'])
        .where('seq', '>', rejected.seq)
        .orderBy('seq'),
    );
    for (const r of rows) {
      const keys = dependencyKeys(r.type, r.aggregate_id, JSON.parse(r.payload));
      // A command already blocked by an earlier rejection stays with it; any other one acting on
      // what the rejected command (or a command built on it) touched was built on it.
      const dependent = r.blocked_by === null && tainted.conflicts(keys);
      if (dependent) tainted.add(keys);
      this.sql.run(
        this.sql.q
          .updateTable('ob.outbox')
          .set({ status: 'blocked', blocked_by: dependent ? rejected.command_id : r.blocked_by })
          .where('command_id', '=', r.command_id),
      );
    }
  }

  /** Blocked commands built on this rejected one, in seq order. */
  dependentsOf(commandId: string): QueuedCommand[] {
    return this.sql
      .all(
        this.sql.q
          .selectFrom('ob.outbox')
          .selectAll()
          .where('blocked_by', '=', commandId)
          .where('status', '=', 'blocked')
          .orderBy('seq'),
      )
      .map(toQueued);
  }

  /** Turn a never-sent blocked command into a rejection the user sees (it cannot go out as it is). */
  rejectLocally(
    commandId: string,
    message: Message,
    at: string,
    code: RejectionCode = 'stale_version',
  ): void {
    this.sql.run(
      this.sql.q
        .updateTable('ob.outbox')
        .set({
          status: 'rejected',
          rejection_code: code,
          rejection_message: JSON.stringify(message),
          outcome_at: at,
          blocked_by: null,
        })
        .where('command_id', '=', commandId)
        .where('status', '=', 'blocked'),
    );
  }

  /** A blocked command decided again on top of a redo: new base version, placed after everything so far. */
  rebaseBlocked(commandId: string, baseVersion: number | null): void {
    this.sql.tx(() => {
      const seq = this.allocateSeq();
      this.sql.run(
        this.sql.q
          .updateTable('ob.outbox')
          .set({ base_version: baseVersion, blocked_by: null, seq })
          .where('command_id', '=', commandId)
          .where('status', '=', 'blocked'),
      );
    });
  }

  /** Mark a rejected command as dealt with; release what it held back if nothing else holds it. */
  resolveRejected(id: string, resolution: 'dismissed' | 'redone', at: string): QueuedCommand {
    return this.sql.tx(() => {
      const row = this.sql.get(this.sql.q.selectFrom('ob.outbox').selectAll().where('command_id', '=', id));
      if (!row || row.status !== 'rejected' || row.resolution !== null) {
        throw new Error(
          `Tidak ada perubahan ditolak dengan id ${id} / no unresolved rejected change with id ${id}`,
        );
      }
      this.sql.run(
        this.sql.q.updateTable('ob.outbox').set({ resolution, resolved_at: at }).where('command_id', '=', id),
      );
      return toQueued({ ...row, resolution, resolved_at: at });
    });
  }

  /**
   * Blocked commands of an order go back to the queue once no rejection on the order is unresolved.
   * They were never sent, so they get new seqs after everything issued so far: the server sees a
   * client's seqs strictly increase.
   */
  releaseBlocked(aggregateId: string): number {
    return this.sql.tx(() => {
      if (this.hasUnresolvedRejection(aggregateId)) return 0;
      const rows = this.sql.all(
        this.sql.q
          .selectFrom('ob.outbox')
          .select('command_id')
          .where('aggregate_id', '=', aggregateId)
          .where('status', '=', 'blocked')
          .orderBy('seq'),
      );
      for (const r of rows) {
        const seq = this.allocateSeq();
        this.sql.run(
          this.sql.q
            .updateTable('ob.outbox')
            .set({ status: 'pending', seq, blocked_by: null })
            .where('command_id', '=', r.command_id),
        );
      }
      this.recompute(aggregateId);
      return rows.length;
    });
  }

  /**
   * A local action: the command row and the order's new local view, in one transaction. Returns
   * the stored command. The caller has decided the command against `this.order(aggregateId)`.
   */
  commitLocal(cmd: NewCommand, newState: Order, at: string): QueuedCommand {
    return this.sql.tx(() => {
      const id = randomUUID();
      const seq = this.allocateSeq();
      const status: OutboxStatus = this.hasUnresolvedRejection(cmd.aggregateId) ? 'blocked' : 'pending';
      const row: OutboxTable = {
        command_id: id,
        seq,
        type: cmd.type,
        aggregate_id: cmd.aggregateId,
        payload: JSON.stringify(cmd.payload ?? {}),
        base_version: cmd.baseVersion,
        issued_at: cmd.issuedAt,
        status,
        rejection_code: null,
        rejection_message: null,
        resolution: null,
        resolved_at: null,
        redo_of: cmd.redoOf ?? null,
        attempts: 0,
        next_attempt_at: null,
        last_error: null,
        applied_version: null,
        outcome_at: null,
        created_at: at,
        summary: cmd.summary,
        blocked_by: null,
      };
      this.sql.run(this.sql.q.insertInto('ob.outbox').values(row));
      // Only the local view changes: the base stays as pulled.
      const updated = this.sql.run(
        this.sql.q
          .updateTable('orders')
          .set((eb) => ({
            version: newState.version,
            status: newState.status,
            number: newState.number,
            local_json: JSON.stringify(newState),
            pending_commands: eb('pending_commands', '+', 1),
          }))
          .where('id', '=', cmd.aggregateId),
      );
      if (updated.changes > 0) {
        // Pending counts per sample: what the rows had, plus this command.
        const pending = new Map(
          this.sql
            .all(
              this.sql.q
                .selectFrom('samples')
                .select(['id', 'pending_commands'])
                .where('order_id', '=', cmd.aggregateId),
            )
            .map((r) => [r.id, r.pending_commands]),
        );
        const sid = (cmd.payload as { sampleId?: unknown } | null)?.sampleId;
        if (typeof sid === 'string') pending.set(sid, (pending.get(sid) ?? 0) + 1);
        for (const s of sampleRows(
          newState,
          this.actorValue,
          pending,
          withWholeOrder(this.blockedBySample(cmd.aggregateId), newState),
        ))
          this.sql.run(this.sql.q.insertInto('samples').orReplace().values(s));
      }
      return toQueued(row);
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Rebase

  /** Commands whose effect is not in the base yet, for one order, in seq order. */
  private rebaseSet(aggregateId: string, options: { excludeBlocked?: boolean } = {}): OutboxTable[] {
    const lps = this.syncState().last_processed_seq;
    return this.sql.all(
      this.sql.q
        .selectFrom('ob.outbox')
        .selectAll()
        .where('aggregate_id', '=', aggregateId)
        .where((eb) =>
          eb.or([
            eb('status', '=', 'pending'),
            // Blocked commands show, except those built on a rejected change (their ground is gone).
            ...(options.excludeBlocked
              ? []
              : [eb.and([eb('status', '=', 'blocked'), eb('blocked_by', 'is', null)])]),
            eb.and([eb('status', 'in', ['sent', 'applied']), eb('seq', '>', lps)]),
          ]),
        )
        .orderBy('seq'),
    );
  }

  /** This user's changes held back behind a rejection, per sample of an order (an order-level one counts for every sample). */
  private blockedBySample(aggregateId: string): Map<string, number> {
    const m = new Map<string, number>();
    const rows = this.sql.all(
      this.sql.q
        .selectFrom('ob.outbox')
        .select('payload')
        .where('aggregate_id', '=', aggregateId)
        .where('status', '=', 'blocked'),
    );
    let wholeOrder = 0;
    for (const r of rows) {
      const sid = (JSON.parse(r.payload) as { sampleId?: unknown }).sampleId;
      if (typeof sid === 'string') m.set(sid, (m.get(sid) ?? 0) + 1);
      else wholeOrder += 1;
    }
    if (wholeOrder > 0) m.set(ALL_SAMPLES, wholeOrder);
    return m;
  }

  private pendingBySample(aggregateId: string): Map<string, number> {
    const m = new Map<string, number>();
    for (const c of this.rebaseSet(aggregateId)) {
      const sid = (JSON.parse(c.payload) as { sampleId?: unknown }).sampleId;
      if (typeof sid === 'string') m.set(sid, (m.get(sid) ?? 0) + 1);
    }
    return m;
  }

  /**
   * Base + rebase set for one order. A command that no longer decides OK over the newer base
   * stays queued (the server will answer it) but adds nothing to the view.
   */
  viewOf(
    aggregateId: string,
    options: { excludeBlocked?: boolean } = {},
  ): { base: Order | null; view: Order | null; applied: number; commands: number } {
    const base = this.baseOrder(aggregateId);
    const cmds = this.rebaseSet(aggregateId, options);
    let state: Order | null = base;
    let applied = 0;
    for (const c of cmds) {
      const d = decide(
        state,
        {
          id: c.command_id,
          type: c.type as CommandType,
          payload: JSON.parse(c.payload) as Command['payload'],
          baseVersion: c.base_version,
        },
        this.actorValue,
        new Date(c.issued_at),
      );
      if (d.ok) {
        state = d.state as Order;
        applied += 1;
      }
    }
    return { base, view: state, applied, commands: cmds.length };
  }

  recompute(aggregateId: string): void {
    this.sql.tx(() => {
      const row = this.sql.get(
        this.sql.q.selectFrom('orders').select(['base_json', 'pulled_at']).where('id', '=', aggregateId),
      );
      if (!row) {
        this.sql.run(this.sql.q.deleteFrom('samples').where('order_id', '=', aggregateId));
        return;
      }
      const { base, view, applied, commands } = this.viewOf(aggregateId);
      this.writeOrder(
        base!,
        row.base_json,
        applied > 0 ? view : null,
        commands,
        row.pulled_at,
        this.pendingBySample(aggregateId),
      );
    });
  }

  private writeOrder(
    base: Order,
    baseJson: string,
    local: Order | null,
    pending: number,
    pulledAt: string,
    pendingBySample: Map<string, number>,
  ): void {
    const localJson = local ? JSON.stringify(local) : null;
    const row = orderRow(base, baseJson, local, localJson, pending, pulledAt);
    this.sql.run(this.sql.q.insertInto('orders').orReplace().values(row));
    this.sql.run(this.sql.q.deleteFrom('samples').where('order_id', '=', base.id));
    for (const s of sampleRows(
      local ?? base,
      this.actorValue,
      pendingBySample,
      withWholeOrder(this.blockedBySample(base.id), local ?? base),
    )) {
      this.sql.run(this.sql.q.insertInto('samples').orReplace().values(s));
    }
  }

  /**
   * At start (and after anything that may have torn a two-file commit): recompute the view of
   * every order that has, or had, local changes.
   */
  recover(): number {
    return this.sql.tx(() => {
      const lps = this.syncState().last_processed_seq;
      const ids = new Set<string>();
      for (const r of this.sql.all(
        this.sql.q
          .selectFrom('orders')
          .select('id')
          .where((eb) => eb.or([eb('local_json', 'is not', null), eb('pending_commands', '>', 0)])),
      )) {
        ids.add(r.id);
      }
      for (const r of this.sql.all(
        this.sql.q
          .selectFrom('ob.outbox')
          .select('aggregate_id')
          .distinct()
          .where((eb) =>
            eb.or([
              eb('status', 'in', ['pending', 'blocked']),
              eb.and([eb('status', 'in', ['sent', 'applied']), eb('seq', '>', lps)]),
            ]),
          ),
      )) {
        ids.add(r.aggregate_id);
      }
      for (const id of ids) this.recompute(id);
      return ids.size;
    });
  }

  /** Recompute every worklist row (the user's role or lab changed). */
  reproject(): void {
    this.sql.tx(() => {
      this.sql.run(this.sql.q.deleteFrom('samples'));
      const rows = this.sql.all(this.sql.q.selectFrom('orders').select(['id', 'base_json', 'local_json']));
      for (const r of rows) {
        const o = JSON.parse(r.local_json ?? r.base_json) as Order;
        const pending = this.pendingBySample(r.id);
        for (const s of sampleRows(
          o,
          this.actorValue,
          pending,
          withWholeOrder(this.blockedBySample(r.id), o),
        ))
          this.sql.run(this.sql.q.insertInto('samples').orReplace().values(s));
      }
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Pull

  /** Rows for an order of a pull, for this user (call while the pages come in). */
  preparePut(order: Order, json: string = JSON.stringify(order)): PreparedPut {
    return {
      op: 'put',
      id: order.id,
      row: orderRow(order, json, null, null, 0, ''),
      samples: sampleRows(order, this.actorValue),
    };
  }

  /**
   * Apply one complete pull (every page) in one transaction: put and remove orders, move the
   * cursor, record the server's last processed seq, then re-apply the still-pending commands.
   */
  applyPull(
    changes: readonly PreparedChange[],
    result: { cursor: string; lastProcessedSeq: number; at: string; full: boolean },
  ): { puts: number; removes: number; rebased: number } {
    const orderCols = [
      'id',
      'version',
      'status',
      'number',
      'customer_id',
      'submitted_at',
      'base_version',
      'base_json',
      'local_json',
      'pending_commands',
      'pulled_at',
    ] as const satisfies readonly (keyof OrdersTable)[];
    const sampleCols = [
      'id',
      'order_id',
      'order_number',
      'order_status',
      'sample_number',
      'sample_type_name',
      'description',
      'customer_label',
      'status',
      'lab_id',
      'penyelia_id',
      'mt_id',
      'received_at',
      'analyses_total',
      'analyses_mine',
      'analyses_open_mine',
      'analyses_submitted',
      'next_action',
      'action_rank',
      'sort_at',
      'pending_commands',
      'search',
      'step',
      'step_started_at',
      'due_at',
      'blocked_commands',
    ] as const satisfies readonly (keyof SamplesTable)[];
    const db = this.ws.db;
    const insOrder = db.prepare(
      `INSERT OR REPLACE INTO orders (${orderCols.join(', ')}) VALUES (${orderCols.map(() => '?').join(', ')})`,
    );
    const insSample = db.prepare(
      `INSERT OR REPLACE INTO samples (${sampleCols.join(', ')}) VALUES (${sampleCols.map(() => '?').join(', ')})`,
    );
    const delSamples = db.prepare('DELETE FROM samples WHERE order_id = ?');
    const delOrder = db.prepare('DELETE FROM orders WHERE id = ?');
    let puts = 0;
    let removes = 0;
    let rebased = 0;
    this.sql.tx(() => {
      const before = this.syncState();
      if (result.full) {
        // A full pull (no cursor) is the whole bucket: anything not in it has left the bucket.
        const keep = new Set(changes.filter((c): c is PreparedPut => c.op === 'put').map((c) => c.id));
        for (const id of this.orderIds()) {
          if (!keep.has(id)) {
            delSamples.run(id);
            delOrder.run(id);
            removes += 1;
          }
        }
      }
      for (const c of changes) {
        if (c.op === 'remove') {
          delSamples.run(c.orderId);
          delOrder.run(c.orderId);
          removes += 1;
          continue;
        }
        insOrder.run(...orderCols.map((k) => (k === 'pulled_at' ? result.at : c.row[k])));
        delSamples.run(c.id);
        for (const s of c.samples) insSample.run(...sampleCols.map((k) => s[k]));
        puts += 1;
      }
      let lps = Math.max(before.last_processed_seq, result.lastProcessedSeq);
      if (result.full) {
        // The server's own word on which of this client's commands it has. Below what this copy
        // knew only when the server lost history (restored from a backup): the commands it told us
        // were applied above it go back to the queue, in their seq order, to be sent again (the
        // server deduplicates by client and command id, so one it still has is not applied twice).
        lps = result.lastProcessedSeq;
        this.requeueLost(lps);
      }
      this.updateSyncState({
        cursor: result.cursor,
        last_processed_seq: lps,
        last_pull_at: result.at,
        ...(result.full ? { rebuilt_from: null } : {}),
      });
      rebased = this.recover();
    });
    return { puts, removes, rebased };
  }

  /**
   * Every sample's stored SOP clock computed again (the unit's holiday list changed: a working-day
   * step's due time moves). Returns how many rows changed.
   */
  recomputeClocks(): number {
    let changed = 0;
    this.sql.tx(() => {
      for (const r of this.sql.all(this.sql.q.selectFrom('orders').select(['base_json', 'local_json']))) {
        const order = JSON.parse(r.local_json ?? r.base_json) as Order;
        for (const s of order.samples) {
          const c = sampleClock(order, s);
          const res = this.sql.run(
            this.sql.q
              .updateTable('samples')
              .set({ step: c.step, step_started_at: c.startedAt, due_at: c.dueAt })
              .where('id', '=', s.id)
              .where('order_id', '=', order.id)
              .where((eb) =>
                eb.or([eb('due_at', 'is distinct from', c.dueAt), eb('step', 'is distinct from', c.step)]),
              ),
          );
          changed += res.changes;
        }
      }
    });
    return changed;
  }

  // ---------------------------------------------------------------------------------------------
  // Reference data

  putReference(kind: string, items: readonly { id: string }[], at: string): void {
    this.sql.tx(() => {
      this.sql.run(this.sql.q.deleteFrom('reference').where('kind', '=', kind));
      for (const it of items)
        this.sql.run(
          this.sql.q
            .insertInto('reference')
            .values({ kind, id: it.id, json: JSON.stringify(it), updated_at: at }),
        );
    });
  }

  reference<T>(kind: string): T[] {
    return this.sql
      .all(this.sql.q.selectFrom('reference').select('json').where('kind', '=', kind).orderBy('id'))
      .map((r) => JSON.parse(r.json) as T);
  }

  /**
   * Commands the server said were applied but no longer has (it reports a lower last processed
   * seq: its database was restored). True when there are any: the working copy must be rebuilt
   * (a full pull) and those commands sent again.
   */
  lostByServer(serverLastProcessedSeq: number): boolean {
    if (serverLastProcessedSeq < this.syncState().last_processed_seq) return true;
    return !!this.sql.get(
      this.sql.q
        .selectFrom('ob.outbox')
        .select('command_id')
        .where('status', '=', 'applied')
        .where('seq', '>', serverLastProcessedSeq)
        .limit(1),
    );
  }

  /** The highest seq the server answered 'applied' for, as far as this copy knows (sent with a push). */
  lastAppliedSeq(): number {
    const m =
      this.sql.get(
        this.sql.q
          .selectFrom('ob.outbox')
          .select((eb) => eb.fn.max<number | null>('seq').as('m'))
          .where('status', '=', 'applied'),
      )?.m ?? 0;
    return Math.max(m, this.syncState().last_processed_seq);
  }

  /** Put applied commands above the server's last processed seq back in the queue (see applyPull). */
  private requeueLost(serverLastProcessedSeq: number): number {
    const lost = this.sql.all(
      this.sql.q
        .selectFrom('ob.outbox')
        .select('command_id')
        .where('status', '=', 'applied')
        .where('seq', '>', serverLastProcessedSeq)
        .orderBy('seq'),
    );
    if (lost.length === 0) return 0;
    const ids = lost.map((r) => r.command_id);
    this.sql.run(
      this.sql.q
        .updateTable('ob.outbox')
        .set({
          status: 'pending',
          applied_version: null,
          outcome_at: null,
          attempts: 0,
          next_attempt_at: null,
          last_error: null,
        })
        .where('command_id', 'in', ids),
    );
    // A signature's file went with the server's lost history: upload it again before its command.
    this.sql.run(
      this.sql.q.updateTable('ob.signed_reports').set({ uploaded_at: null }).where('command_id', 'in', ids),
    );
    return ids.length;
  }

  /**
   * Drop commands that are settled and confirmed by a pull, older than `before` (keeps the file
   * small). Applied commands stay `before` long (30 days, desktop.ts): while they are kept, a
   * server restored from a backup of that age gets them again (requeueLost).
   */
  prune(before: string): number {
    const lps = this.syncState().last_processed_seq;
    const r = this.sql.run(
      this.sql.q
        .deleteFrom('ob.outbox')
        .where('outcome_at', '<', before)
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'applied'), eb('seq', '<=', lps)]),
            eb.and([eb('status', '=', 'rejected'), eb('resolution', 'is not', null)]),
          ]),
        ),
    );
    return r.changes;
  }
}

const ALL_SAMPLES = '*';

function withWholeOrder(m: Map<string, number>, order: Order): Map<string, number> {
  const all = m.get(ALL_SAMPLES);
  if (all === undefined) return m;
  m.delete(ALL_SAMPLES);
  for (const s of order.samples) m.set(s.id, (m.get(s.id) ?? 0) + all);
  return m;
}

interface Cursor {
  rank: number;
  overdue: number;
  sortAt: string;
  id: string;
  now: string;
  /** The first page's counts: later pages carry them instead of counting the whole copy again. */
  total: number;
  action: number;
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.rank, c.overdue, c.sortAt, c.id, c.now, c.total, c.action])).toString(
    'base64url',
  );
}

/** A cursor from `worklistPage`; anything else is the caller's mistake, said plainly. */
function decodeCursor(s: string): Cursor {
  try {
    const v = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(v) &&
      v.length === 7 &&
      typeof v[0] === 'number' &&
      typeof v[1] === 'number' &&
      typeof v[2] === 'string' &&
      typeof v[3] === 'string' &&
      typeof v[4] === 'string' &&
      Number.isInteger(v[5]) &&
      Number.isInteger(v[6])
    ) {
      return {
        rank: v[0],
        overdue: v[1],
        sortAt: v[2],
        id: v[3],
        now: v[4],
        total: v[5] as number,
        action: v[6] as number,
      };
    }
  } catch {
    // fall through
  }
  throw new CursorError();
}

export class CursorError extends Error {
  constructor() {
    super('Kursor halaman tidak dikenal; muat ulang daftar. / Unknown page cursor; reload the list.');
    this.name = 'CursorError';
  }
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The worklist's filters, one way for the list, the page and its counts. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function filtered<QB extends SelectQueryBuilder<WorkspaceDb, 'samples', any>>(
  qb: QB,
  query: WorklistQuery,
): QB {
  let out = qb;
  if (query.actionOnly) out = out.where('action_rank', '=', 0) as QB;
  if (query.status && query.status.length > 0) out = out.where('status', 'in', [...query.status]) as QB;
  if (query.labId) out = out.where('lab_id', '=', query.labId) as QB;
  if (query.sampleTypeName) out = out.where('sample_type_name', '=', query.sampleTypeName) as QB;
  if (query.search && query.search.trim() !== '') {
    const needle = `%${escapeLike(query.search.trim().toLowerCase())}%`;
    out = out.where(sql<boolean>`search LIKE ${needle} ESCAPE '\\'`) as QB;
  }
  return out;
}
