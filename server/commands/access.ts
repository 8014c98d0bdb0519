import { readsEveryOrder, RULES } from '../../shared/domain/permissions';
import type { Order, Sample } from '../../shared/domain/entities';
import { activeAnalyses, currentReport, type Actor } from '../../shared/domain/state';
import { SAMPLE_STATUSES, type SampleStatus } from '../../shared/domain/states';
import { OFFLINE_ROLES, type Role } from '../../shared/sop/roles';

/**
 * Who sees an order, and whose working copy (sync bucket) holds it. Both are derived from the order
 * itself; the side tables `order_access` and `order_members` are indexes of these sets for queries.
 */

/** Roles that serve the whole unit read every order (shared/domain/permissions.ts). */
export function isUnitWide(actor: Pick<Actor, 'role' | 'labId'>): boolean {
  return readsEveryOrder(actor);
}

/** Principals that may read the order besides unit-wide roles and its customer. */
export function accessPrincipals(order: Order): string[] {
  const out = new Set<string>();
  for (const s of order.samples) {
    if (s.labId) out.add(`lab:${s.labId}`);
    if (s.penyeliaId) out.add(`user:${s.penyeliaId}`);
    if (s.mtId) out.add(`user:${s.mtId}`);
    for (const a of s.analyses) if (a.analystId) out.add(`user:${a.analystId}`);
    for (const r of s.reports) if (r.kepalaBalaiId) out.add(`user:${r.kepalaBalaiId}`);
  }
  return [...out].sort();
}

/** The principals an actor reads through (for the list query). Empty for unit-wide roles and customers. */
export function actorPrincipals(actor: Actor): string[] {
  const out = [`user:${actor.userId}`];
  if ((actor.role === 'penyelia' || actor.role === 'mt') && actor.labId) out.push(`lab:${actor.labId}`);
  return out;
}

export function canSee(actor: Actor, order: Order): boolean {
  if (actor.role === 'pelanggan') return actor.customerId !== null && order.customerId === actor.customerId;
  if (isUnitWide(actor)) return true;
  const mine = new Set(actorPrincipals(actor));
  return accessPrincipals(order).some((p) => mine.has(p));
}

// ------------------------------------------------------------------------------------------------
// Sync buckets (DESIGN.md, Sync): the orders where a user is the assigned Penyelia, Analis or MT of
// a sample, or the Kepala Balai a report waits on, while the sample is in the span of states where
// that role acts (from the permission table), plus the next state so they see their last action's
// result. Once the work has moved on for good, the order leaves their bucket.

function actingSpan(role: Role): [number, number] | null {
  const idx: number[] = [];
  for (const rule of Object.values(RULES)) {
    const states = rule.from[role] as readonly (string | null)[] | undefined;
    if (!states) continue;
    if (rule.target === 'sample')
      for (const s of states) if (s !== null) idx.push(SAMPLE_STATUSES.indexOf(s as SampleStatus));
    if (rule.target === 'analysis') for (const s of rule.sampleIn ?? []) idx.push(SAMPLE_STATUSES.indexOf(s));
  }
  const valid = idx.filter((i) => i >= 0);
  if (valid.length === 0) return null;
  return [Math.min(...valid), Math.min(SAMPLE_STATUSES.length - 1, Math.max(...valid) + 1)];
}

const SPANS = new Map<Role, [number, number]>();
for (const role of OFFLINE_ROLES) {
  const span = actingSpan(role);
  if (span) SPANS.set(role, span);
}

function assignees(sample: Sample, role: Role): (string | null)[] {
  switch (role) {
    case 'penyelia':
      return [sample.penyeliaId];
    case 'mt':
      return [sample.mtId];
    case 'analis':
      return activeAnalyses(sample).map((a) => a.analystId);
    case 'kepala_balai':
      return [currentReport(sample)?.kepalaBalaiId ?? null];
    default:
      return [];
  }
}

export interface Member {
  userId: string;
  role: Role;
}

export function bucketMembers(order: Order): Member[] {
  const out = new Map<string, Member>();
  for (const s of order.samples) {
    const at = SAMPLE_STATUSES.indexOf(s.status);
    for (const [role, [lo, hi]] of SPANS) {
      if (at < lo || at > hi) continue;
      for (const userId of assignees(s, role)) if (userId) out.set(`${userId}|${role}`, { userId, role });
    }
  }
  return [...out.values()].sort((a, b) => (a.userId + a.role < b.userId + b.role ? -1 : 1));
}

export function bucketSpans(): ReadonlyMap<Role, [number, number]> {
  return SPANS;
}
