/**
 * An order's history for the "who did what when" panel. Online it is the server's audit trail
 * (GET /orders/:id/history), kept in the working copy's reference table so it still shows offline
 * (as 'cache', with when it was fetched). With neither, what the order itself records (its return
 * notes and the times on its samples, analyses and reports) stands in ('local_only'). This user's
 * changes the server has not confirmed yet are added as 'local' entries in every case.
 */
import type { z } from 'zod';
import type { HistoryEntryView, OrderHistorySchema } from '../../shared/bridge/models';
import type { Order } from '../../shared/domain/entities';
import { RULES } from '../../shared/domain/permissions';
import { SOP_STEPS } from '../../shared/sop/steps';
import { ApiError, type ApiClient } from './api/client';
import type { Session, SessionUser } from './auth/session';
import type { LocalStore, QueuedCommand } from './localdb/store';

export type OrderHistory = z.infer<typeof OrderHistorySchema>;

interface CachedHistory {
  id: string;
  fetchedAt: string;
  entries: HistoryEntryView[];
}

export interface HistoryDeps {
  orderId: string;
  store: LocalStore;
  session: Session;
  api: ApiClient;
  user: SessionUser;
  now: () => string;
  /** Worth asking the server (the last contact did not fail, and the session can authenticate). */
  online: boolean;
}

const kindOf = (orderId: string) => `history:${orderId}`;

export async function buildHistory(d: HistoryDeps): Promise<OrderHistory> {
  const local = localEntries(d);
  if (d.online) {
    try {
      const res = await d.session.withAuth((t) => d.api.orderHistory(t, d.orderId));
      const fetchedAt = d.now();
      const entries = res.entries.map((e) => ({ ...e, source: 'server' as const }));
      const cache: CachedHistory = { id: d.orderId, fetchedAt, entries };
      d.store.putReference(kindOf(d.orderId), [cache], fetchedAt);
      return { source: 'server', fetchedAt, entries: sorted([...entries, ...local]) };
    } catch (e) {
      // Unreachable, or a server without the history yet: the cache or the order's own record will do.
      if (!(e instanceof ApiError)) throw e;
    }
  }
  const cached = d.store.reference<CachedHistory>(kindOf(d.orderId))[0];
  if (cached)
    return { source: 'cache', fetchedAt: cached.fetchedAt, entries: sorted([...cached.entries, ...local]) };
  const order = d.store.order(d.orderId);
  return {
    source: 'local_only',
    fetchedAt: null,
    entries: sorted([...(order ? fromOrder(order) : []), ...local]),
  };
}

function sorted(entries: HistoryEntryView[]): HistoryEntryView[] {
  return entries.sort((a, b) => a.at.localeCompare(b.at));
}

function stepOf(command: string): number | null {
  return SOP_STEPS.find((s) => (s.commands as readonly string[]).includes(command))?.number ?? null;
}

/** This user's changes on the order the server has not confirmed through a pull yet. */
function localEntries(d: HistoryDeps): HistoryEntryView[] {
  const lps = d.store.syncState().last_processed_seq;
  const unconfirmed = (c: QueuedCommand) =>
    c.aggregateId === d.orderId &&
    (c.status === 'pending' ||
      c.status === 'sent' ||
      c.status === 'blocked' ||
      (c.status === 'applied' && c.seq > lps));
  return d.store
    .commands()
    .filter(unconfirmed)
    .map((c) => {
      const p = (c.payload ?? {}) as {
        sampleId?: unknown;
        analysisId?: unknown;
        reportId?: unknown;
        reason?: unknown;
      };
      const target = (RULES as Record<string, { target: string } | undefined>)[c.type]?.target ?? 'order';
      const sampleId = typeof p.sampleId === 'string' ? p.sampleId : null;
      const entityId =
        [p.analysisId, p.reportId, p.sampleId].find((x): x is string => typeof x === 'string') ??
        c.aggregateId;
      return {
        at: c.issuedAt,
        actorId: d.user.id,
        actorName: d.user.name,
        role: d.user.role,
        command: c.type,
        step: stepOf(c.type),
        entity: target,
        entityId,
        sampleId,
        from: null,
        to: null,
        reason: typeof p.reason === 'string' ? p.reason : null,
        source: 'local' as const,
      };
    });
}

/** What the order records about itself: return notes with their reasons, and the times of the steps. */
function fromOrder(order: Order): HistoryEntryView[] {
  const out: HistoryEntryView[] = [];
  const entry = (
    at: string,
    actorId: string | null,
    role: string | null,
    command: string,
    entity: string,
    entityId: string | null,
    sampleId: string | null,
    reason: string | null = null,
  ) =>
    out.push({
      at,
      actorId,
      actorName: null,
      role,
      command,
      step: stepOf(command),
      entity,
      entityId,
      sampleId,
      from: null,
      to: null,
      reason,
      source: 'server',
    });
  entry(order.submittedAt, null, 'pelanggan', 'order.submit', 'order', order.id, null);
  const sampleOf = new Map<string, string>();
  for (const s of order.samples) {
    sampleOf.set(s.id, s.id);
    if (s.receivedAt) entry(s.receivedAt, s.penyeliaId, 'penyelia', 'sample.accept', 'sample', s.id, s.id);
    for (const a of s.analyses) {
      sampleOf.set(a.id, s.id);
      if (a.submittedAt) entry(a.submittedAt, a.analystId, 'analis', 'result.submit', 'analysis', a.id, s.id);
    }
    for (const r of s.reports) {
      sampleOf.set(r.id, s.id);
      entry(r.numberedAt, r.numberedBy, 'ketua_tim_pji', 'report.number', 'report', r.id, s.id);
      if (r.issuedAt) entry(r.issuedAt, null, 'cs', 'report.request_signature', 'report', r.id, s.id);
      if (r.signedAt) entry(r.signedAt, r.kepalaBalaiId, 'kepala_balai', 'report.sign', 'report', r.id, s.id);
      if (r.releasedAt) entry(r.releasedAt, null, 'cs', 'report.release', 'report', r.id, s.id);
    }
  }
  for (const n of order.returns)
    entry(n.at, n.by, n.role, n.command, n.entity, n.entityId, sampleOf.get(n.entityId) ?? null, n.reason);
  if (order.finishedAt) entry(order.finishedAt, null, 'pelanggan', 'order.finish', 'order', order.id, null);
  return out;
}
