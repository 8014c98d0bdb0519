/**
 * What every handler works with: the context `decide` resolves and checks before a handler runs,
 * the events a decision records, and the moves shared by the aggregates' handlers.
 */
import type { CommandType, PayloadOf } from '../commands';
import type { Account, Analysis, Order, Report, ReturnNote, Sample } from '../entities';
import type { Rule } from '../permissions';
import { reject, type Rejection } from '../rejections';
import type { Actor } from '../state';

export type EventEntity = 'account' | 'order' | 'sample' | 'analysis' | 'report' | 'billing' | 'proof';

/** What a decision did, one record per entity it changed: the audit trail, SLA and change feed read these. */
export interface DomainEvent {
  type: CommandType;
  step: number | null;
  at: string;
  actorId: string;
  role: Actor['role'];
  entity: EventEntity;
  entityId: string;
  orderId: string | null;
  sampleId: string | null;
  from: string | null;
  to: string | null;
  reason: string | null;
}

/** Everything a handler needs, resolved and checked by `decide` before the handler runs. */
export interface Ctx<T extends CommandType> {
  type: T;
  payload: PayloadOf<T>;
  actor: Actor;
  now: Date;
  at: string;
  rule: Rule;
  order: Order | null; // a private copy the handler may change
  account: Account | null;
  sample: Sample | null;
  analysis: Analysis | null;
  events: DomainEvent[];
}

/**
 * A handler changes ctx.order / ctx.account in place (a private copy) and records events, or
 * returns a rejection for a rule that needs more than the state table (separation of duties,
 * consistency of the payload with the order).
 */
export type HandlerOf<T extends CommandType> = (ctx: Ctx<T>) => Rejection | void;
export type Handlers = { [T in CommandType]: HandlerOf<T> };
/**
 * A command's own precondition beyond the state table, checked before its handler and by
 * `admits`: a refusal, or null. It changes nothing.
 */
export type GuardOf<T extends CommandType> = (ctx: Ctx<T>) => Rejection | null;
export type Guards = { [T in CommandType]?: GuardOf<T> };

export function emit(
  ctx: Ctx<CommandType>,
  entity: EventEntity,
  entityId: string,
  from: string | null,
  to: string | null,
  extra: { reason?: string | null; sampleId?: string | null } = {},
) {
  ctx.events.push({
    type: ctx.type,
    step: ctx.rule.step,
    at: ctx.at,
    actorId: ctx.actor.userId,
    role: ctx.actor.role,
    entity,
    entityId,
    orderId: ctx.order?.id ?? null,
    sampleId: extra.sampleId ?? ctx.sample?.id ?? null,
    from,
    to,
    reason: extra.reason ?? null,
  });
}

/** A return's reason, kept on the order: every entity that moves (below) is an order's or in one. */
function noteReturn(ctx: Ctx<CommandType>, entity: ReturnNote['entity'], entityId: string, reason: string) {
  ctx.order!.returns.push({
    at: ctx.at,
    by: ctx.actor.userId,
    role: ctx.actor.role,
    command: ctx.type,
    entity,
    entityId,
    reason,
  });
}

/**
 * Move an order, a sample or an analysis to `to` from now on, record the event and, for a return,
 * its reason on the order.
 */
function move<S extends string>(
  ctx: Ctx<CommandType>,
  entity: 'order' | 'sample' | 'analysis',
  target: { id: string; status: S; statusSince: string | null },
  to: S,
  reason: string | null,
) {
  const from = target.status;
  target.status = to;
  target.statusSince = ctx.at;
  emit(ctx, entity, target.id, from, to, { reason });
  if (reason) noteReturn(ctx, entity, target.id, reason);
}

/** Move the target (order or sample) to the rule's `to` state and record it. */
export function moveOrder(ctx: Ctx<CommandType>, to: Order['status'], reason: string | null = null) {
  move(ctx, 'order', ctx.order!, to, reason);
}
export function moveSample(ctx: Ctx<CommandType>, to: Sample['status'], reason: string | null = null) {
  move(ctx, 'sample', ctx.sample!, to, reason);
}
export function moveAnalysis(
  ctx: Ctx<CommandType>,
  a: Analysis,
  to: Analysis['status'],
  reason: string | null = null,
) {
  move(ctx, 'analysis', a, to, reason);
}
export function moveReport(
  ctx: Ctx<CommandType>,
  r: Report,
  to: Report['status'],
  reason: string | null = null,
) {
  const from = r.status;
  r.status = to;
  emit(ctx, 'report', r.id, from, to, { reason });
}

/**
 * A sample as the customer's order brings it, before CS registers it (step 8): no lab, staff, receipt
 * or condition yet. Its reports list is not here: each sample needs an array of its own.
 */
export const UNREGISTERED_SAMPLE = {
  status: 'awaiting_registration',
  labId: null,
  penyeliaId: null,
  mtId: null,
  receivedAt: null,
  condition: null,
} as const satisfies Partial<Sample>;

/** An analysis nobody has worked on yet: a new one of an order, or the repeat a retest asks for. */
export const UNSTARTED_ANALYSIS = {
  status: 'pending',
  analystId: null,
  result: null,
  enteredBy: null,
  submittedAt: null,
  verifiedBy: null,
  validatedBy: null,
  retestOf: null,
  retestReason: null,
} as const satisfies Partial<Analysis>;

/**
 * Applies a payload's entries that each name a parameter of the order (tariff adjustments,
 * subcontractors) to those analyses; an entry naming one the order does not hold refuses the command.
 */
export function applyToAnalyses<E extends { analysisId: string }>(
  order: Order,
  entries: readonly E[],
  apply: (a: Analysis, entry: E) => void,
): Rejection | undefined {
  const byId = new Map(order.samples.flatMap((s) => s.analyses.map((a) => [a.id, a] as const)));
  for (const entry of entries) {
    const a = byId.get(entry.analysisId);
    if (!a)
      return reject(
        'invalid_payload',
        `Parameter ${entry.analysisId} tidak ada pada pesanan.`,
        `Analysis ${entry.analysisId} is not in this order.`,
      );
    apply(a, entry);
  }
  return undefined;
}

/** After a sample moves, the order follows: in the lab once one is registered, released once all are. */
export function syncOrderWithSamples(ctx: Ctx<CommandType>) {
  const o = ctx.order!;
  if (o.status === 'paid' && o.samples.some((s) => s.status !== 'awaiting_registration')) {
    moveOrder(ctx, 'in_lab');
  }
  if (o.status === 'in_lab' && o.samples.every((s) => s.status === 'released')) {
    moveOrder(ctx, 'reports_released');
  }
}
