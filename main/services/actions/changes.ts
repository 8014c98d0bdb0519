/**
 * The outbox as the user sees it: each rejected or blocked change says why, in one of three ways
 * (RejectionKindSchema). A conflict (someone else changed the sample first) says who and what, as
 * the current working copy shows it, and whether redoing it would be accepted now: the command is
 * decided again on the current state, exactly as redo would.
 */
import type { ConflictInfoSchema, QueuedCommandView } from '../../../shared/bridge/models';
import type { Command, CommandType } from '../../../shared/domain/commands';
import { decide } from '../../../shared/domain/decide';
import type { Order, ReturnNote } from '../../../shared/domain/entities';
import type { Actor } from '../../../shared/domain/state';
import { STATUS_LABELS } from '../../../shared/domain/states';
import { ROLE_INFO, type Role } from '../../../shared/sop/roles';
import type { z } from 'zod';
import { DEPENDS_ON_REJECTED, type QueuedCommand } from '../localdb/store';
import { baseVersionOf } from './commands';

export type ConflictInfo = z.infer<typeof ConflictInfoSchema>;

export interface ChangeContext {
  /** The order as it is now without the changes held back behind a rejection (what redo decides on). */
  currentOrder: (orderId: string) => Order | null;
  actor: () => Actor;
  now: () => Date;
  /** A staff member's name and role from the reference data, when known. */
  person: (userId: string) => { name: string; role: Role | null } | null;
}

/** Codes that mean "the thing changed under you" rather than "you may not". */
const CONFLICT_CODES = new Set(['stale_version', 'invalid_transition']);

export function describeChange(c: QueuedCommand, ctx: ChangeContext): QueuedCommandView {
  if (c.status === 'blocked') return { ...c, rejectionKind: 'depends_on_rejected', conflict: null };
  if (c.status !== 'rejected' || !c.rejection) return { ...c, rejectionKind: null, conflict: null };
  if (c.rejection.message.id === DEPENDS_ON_REJECTED.id)
    return { ...c, rejectionKind: 'depends_on_rejected', conflict: null };
  if (!CONFLICT_CODES.has(c.rejection.code)) return { ...c, rejectionKind: 'refused', conflict: null };
  return { ...c, rejectionKind: 'conflict', conflict: conflictOf(c, ctx) };
}

function conflictOf(c: QueuedCommand, ctx: ChangeContext): ConflictInfo {
  const order = ctx.currentOrder(c.aggregateId);
  const redoPossible = order !== null && wouldDecide(c, order, ctx);
  if (!order) {
    return {
      byUserId: null,
      byName: null,
      byRole: null,
      at: null,
      what: {
        id: 'Pesanan ini tidak ada lagi di salinan kerja Anda.',
        en: 'This order is no longer in your working copy.',
      },
      redoPossible,
    };
  }
  const p = (c.payload ?? {}) as { sampleId?: unknown; analysisId?: unknown };
  const sample = order.samples.find((s) => s.id === p.sampleId) ?? null;
  const ids = new Set<string>([order.id]);
  if (sample) {
    ids.add(sample.id);
    for (const a of sample.analyses) ids.add(a.id);
    for (const r of sample.reports) ids.add(r.id);
  }
  // A return after the change was made is the clearest "who and what": it carries a reason.
  const note = latest(order.returns.filter((n) => ids.has(n.entityId) && n.at >= c.issuedAt));
  if (note) {
    const who = ctx.person(note.by);
    const role = ROLE_INFO[note.role];
    return {
      byUserId: note.by,
      byName: who?.name ?? null,
      byRole: note.role,
      at: note.at,
      what: {
        id: `Dikembalikan oleh ${role.label}${who ? ` (${who.name})` : ''}: ${note.reason}`,
        en: `Returned by ${role.labelEn}${who ? ` (${who.name})` : ''}: ${note.reason}`,
      },
      redoPossible,
    };
  }
  const analysis = sample?.analyses.find((a) => a.id === p.analysisId) ?? null;
  const by = analysis
    ? (analysis.validatedBy ?? analysis.verifiedBy ?? analysis.enteredBy)
    : sample
      ? lastActorOf(sample.status, sample)
      : null;
  const who = by ? ctx.person(by) : null;
  const label = analysis
    ? STATUS_LABELS[analysis.status]
    : sample
      ? STATUS_LABELS[sample.status]
      : STATUS_LABELS[order.status];
  const thing = analysis
    ? { id: `Analisis ${analysis.parameterName}`, en: `Analysis ${analysis.parameterName}` }
    : { id: 'Contoh', en: 'The sample' };
  return {
    byUserId: by,
    byName: who?.name ?? null,
    byRole: who?.role ?? null,
    at: null,
    what: {
      id: `${thing.id} sudah diubah orang lain: sekarang ${label.id}${who ? ` (oleh ${who.name})` : ''}.`,
      en: `${thing.en} was changed by someone else: it is now ${label.en}${who ? ` (by ${who.name})` : ''}.`,
    },
    redoPossible,
  };
}

/** Who moved a sample into its status, as far as the order's fields tell (null when they do not). */
function lastActorOf(status: string, sample: Order['samples'][number]): string | null {
  switch (status) {
    case 'received':
    case 'rejected':
    case 'assigned':
    case 'results_verified':
      return sample.penyeliaId;
    case 'in_testing':
    case 'results_validated':
      return sample.mtId;
    default:
      return null;
  }
}

function latest(notes: readonly ReturnNote[]): ReturnNote | null {
  let best: ReturnNote | null = null;
  for (const n of notes) if (!best || n.at > best.at) best = n;
  return best;
}

/** Would redo be accepted now? The same decision redo makes, without writing anything. */
export function wouldDecide(
  c: Pick<QueuedCommand, 'type' | 'payload' | 'id'>,
  order: Order,
  ctx: Pick<ChangeContext, 'actor' | 'now'>,
): boolean {
  const type = c.type as CommandType;
  const command = {
    id: c.id,
    type,
    payload: c.payload,
    baseVersion: baseVersionOf(type, c.payload, order),
  } as Command;
  try {
    return decide(order, command, ctx.actor(), ctx.now()).ok;
  } catch {
    return false;
  }
}
