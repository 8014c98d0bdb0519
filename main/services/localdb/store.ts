/**
 * The local store of one workspace: the working copy (orders as pulled, and as the user sees them
 * with their pending commands on top) and the outbox. Every method that writes is one synchronous
 * SQLite transaction over both files.
 *
 * Invariant: for every order, the local view equals its server base with the "rebase set" of the
 * outbox decided on top in seq order (commands the server has not confirmed through a pull yet).
 * `recompute` restores it for an order; `recover` for every order, at start.
 *
 * This class is the facade the rest of the desktop uses; each job is a module of plain functions
 * over the store's context in ./store/ (identity, outbox, rejections, working copy, rebase, pull,
 * worklist, reference data), as Signal-Desktop's Server.node.ts sits over ts/sql/server/.
 */
import type { Order } from '../../../shared/domain/entities';
import type { Message, RejectionCode } from '../../../shared/domain/rejections';
import type { Actor } from '../../../shared/domain/state';
import type { OutboxCommand, PushOutcome } from '../../../shared/api/sync';
import type { OutboxStatus, SyncStateTable } from './schema';
import type { Workspace } from './workspace';
import type { StoreContext } from './store/context';
import type { StoredRowError } from './store/stored-json';
import * as identity from './store/identity';
import * as outbox from './store/outbox';
import * as pull from './store/pull';
import * as rebase from './store/rebase';
import * as referenceData from './store/reference-data';
import * as rejections from './store/rejections';
import * as syncStateRow from './store/sync-state';
import * as workingCopy from './store/working-copy';
import * as worklistReads from './store/worklist';
import type {
  NewCommand,
  PreparedChange,
  PreparedPut,
  QueuedCommand,
  WorklistFacets,
  WorklistPage,
  WorklistQuery,
  WorklistRow,
} from './store/types';

// The store's own types (every one of ./store/types) are part of the facade its users import.
export type * from './store/types';
export { DEPENDS_ON_REJECTED } from './store/rejections';
export { CursorError } from './store/worklist-cursor';
export { StoredRowError } from './store/stored-json';

export class LocalStore implements StoreContext {
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

  // Identity and sync state

  clientId(): string {
    return identity.clientId(this);
  }

  syncState(): SyncStateTable {
    return syncStateRow.syncState(this);
  }

  updateSyncState(patch: Partial<Omit<SyncStateTable, 'id'>>): void {
    syncStateRow.updateSyncState(this, patch);
  }

  // Working copy

  /** The order as the user sees it (with their pending commands), or null when not in the working copy. */
  order(id: string): Order | null {
    return workingCopy.order(this, id);
  }

  /** The order as the server last sent it. */
  baseOrder(id: string): Order | null {
    return workingCopy.baseOrder(this, id);
  }

  /** Drops an order whose row does not read, for the next pull (a full one) to bring back; its outbox commands stay. */
  evictUnreadable(e: StoredRowError): void {
    workingCopy.evict(this, e);
  }

  orderIds(): string[] {
    return workingCopy.orderIds(this);
  }

  /** Every order of the local view, by id (tests and diagnostics; the UI reads the worklist). */
  allOrders(): Order[] {
    return workingCopy.allOrders(this);
  }

  orderCount(): number {
    return workingCopy.orderCount(this);
  }

  /** Open (pending or draft) active analyses per analyst in the working copy: the Penyelia's picker shows the load. */
  openWorkByAnalyst(): Map<string, number> {
    return workingCopy.openWorkByAnalyst(this);
  }

  /** Recompute every worklist row (the user's role or lab changed). */
  reproject(): void {
    workingCopy.reproject(this);
  }

  /** Every sample's SOP clock computed again (the holiday list changed); returns how many rows changed. */
  recomputeClocks(): number {
    return workingCopy.recomputeClocks(this);
  }

  // Worklist

  worklist(query: WorklistQuery = {}): WorklistRow[] {
    return worklistReads.worklist(this, query);
  }

  /** A worklist screen's first or next page (pass `next` back as `after`) and its counts. */
  worklistPage(query: WorklistQuery = {}, now: string = new Date().toISOString()): WorklistPage {
    return worklistReads.worklistPage(this, query, now);
  }

  /** What the worklist's filters offer, with counts over the whole working copy. */
  worklistFacets(labName: (id: string) => string | null): WorklistFacets {
    return worklistReads.worklistFacets(this, labName);
  }

  worklistCounts(): { total: number; action: number } {
    return worklistReads.worklistCounts(this);
  }

  // Outbox

  command(id: string): QueuedCommand | null {
    return outbox.command(this, id);
  }

  commands(statuses?: readonly OutboxStatus[]): QueuedCommand[] {
    return outbox.commands(this, statuses);
  }

  /** How many commands are in each state; `rejected` counts only those the user has not dealt with. */
  counts(): Record<OutboxStatus, number> {
    return outbox.counts(this);
  }

  /** The next commands to push (see outbox.sendable: no command of a batch depends on another). */
  sendable(limit: number): OutboxCommand[] {
    return outbox.sendable(this, limit);
  }

  hasSendable(): boolean {
    return outbox.hasSendable(this);
  }

  /** Before a push: these commands may reach the server from now on, so they are never renumbered. */
  markSending(ids: readonly string[]): void {
    outbox.markSending(this, ids);
  }

  /** A push failed in a way that will be retried: remember why and when the next try is. */
  markAttemptFailed(ids: readonly string[], error: string, nextAttemptAt: string | null): void {
    outbox.markAttemptFailed(this, ids, error, nextAttemptAt);
  }

  /**
   * A local action: the command row and the order's new local view, in one transaction. Returns
   * the stored command. The caller has decided the command against `this.order(aggregateId)`.
   */
  commitLocal(cmd: NewCommand, newState: Order, at: string): QueuedCommand {
    return outbox.commitLocal(this, cmd, newState, at);
  }

  /** Drop settled commands confirmed by a pull, older than `before`. */
  prune(before: string): number {
    return outbox.prune(this, before);
  }

  // Outcomes and rejections

  /** Rejected commands the user has not dismissed or redone yet, oldest first. */
  rejected(): QueuedCommand[] {
    return rejections.rejected(this);
  }

  /** Record the server's outcomes (idempotent); a rejection blocks later commands on its order. */
  recordOutcomes(outcomes: readonly PushOutcome[], at: string): { applied: number; rejected: number } {
    return rejections.recordOutcomes(this, outcomes, at);
  }

  /** Blocked commands built on this rejected one, in seq order. */
  dependentsOf(commandId: string): QueuedCommand[] {
    return rejections.dependentsOf(this, commandId);
  }

  /** Turn a never-sent blocked command into a rejection the user sees (it cannot go out as it is). */
  rejectLocally(
    commandId: string,
    message: Message,
    at: string,
    code: RejectionCode = 'stale_version',
  ): void {
    rejections.rejectLocally(this, commandId, message, at, code);
  }

  /** A blocked command decided again on top of a redo: new base version, placed after everything so far. */
  rebaseBlocked(commandId: string, baseVersion: number | null): void {
    rejections.rebaseBlocked(this, commandId, baseVersion);
  }

  /** Mark a rejected command as dealt with. */
  resolveRejected(id: string, resolution: 'dismissed' | 'redone', at: string): QueuedCommand {
    return rejections.resolveRejected(this, id, resolution, at);
  }

  /** Blocked commands of an order go back to the queue (new seqs) once no rejection on it is unresolved. */
  releaseBlocked(aggregateId: string): number {
    return rejections.releaseBlocked(this, aggregateId);
  }

  // Rebase

  /** Base + rebase set for one order (a command that no longer decides OK adds nothing to the view). */
  viewOf(
    aggregateId: string,
    options: { excludeBlocked?: boolean } = {},
  ): { base: Order | null; view: Order | null; applied: number; commands: number } {
    return rebase.viewOf(this, aggregateId, options);
  }

  recompute(aggregateId: string): void {
    rebase.recompute(this, aggregateId);
  }

  /** At start: recompute the view of every order that has, or had, local changes. */
  recover(): number {
    return rebase.recover(this);
  }

  // Pull

  /** Rows for an order of a pull, for this user (call while the pages come in). */
  preparePut(order: Order, json: string = JSON.stringify(order)): PreparedPut {
    return pull.preparePut(this, order, json);
  }

  /** Apply one complete pull in one transaction, then re-apply the still-pending commands. */
  applyPull(
    changes: readonly PreparedChange[],
    result: { cursor: string; lastProcessedSeq: number; at: string; full: boolean },
  ): { puts: number; removes: number; rebased: number } {
    return pull.applyPull(this, changes, result);
  }

  /** The server reports less than it told us it applied (restored from a backup): rebuild and resend. */
  lostByServer(serverLastProcessedSeq: number): boolean {
    return pull.lostByServer(this, serverLastProcessedSeq);
  }

  /** The highest seq the server answered 'applied' for, as far as this copy knows (sent with a push). */
  lastAppliedSeq(): number {
    return pull.lastAppliedSeq(this);
  }

  // Reference data

  putReference(kind: string, items: readonly { id: string }[], at: string): void {
    referenceData.putReference(this, kind, items, at);
  }

  reference<T>(kind: string): T[] {
    return referenceData.reference<T>(this, kind);
  }
}
