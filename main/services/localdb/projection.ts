/**
 * From an order to the rows the worklist reads, for one user. What the user can do next comes from
 * the shared permission table (the same one decide() reads), so the worklist and the buttons never
 * disagree with what a command would decide.
 */
import type { Order, Sample } from '../../../shared/domain/entities';
import { commandsAvailable, RULES } from '../../../shared/domain/permissions';
import { activeAnalyses, currentReport, type Actor } from '../../../shared/domain/state';
import type { OrdersTable, SamplesTable } from './schema';
import { sampleClock } from './sop-clock';

function owns(actor: Actor, sample: Sample, ownership: string): boolean {
  switch (ownership) {
    case 'sample_penyelia':
      return sample.penyeliaId === actor.userId;
    case 'sample_mt':
      return sample.mtId === actor.userId;
    case 'report_kepala_balai':
      return currentReport(sample)?.kepalaBalaiId === actor.userId;
    case 'any':
      return true;
    default:
      return false;
  }
}

const available = new Map<string, readonly string[]>();
/** commandsAvailable() of the permission table, memoised (the worklist asks it for every sample). */
function availableFor(role: Actor['role'], target: 'sample' | 'analysis', status: string): readonly string[] {
  const key = `${role}|${target}|${status}`;
  let list = available.get(key);
  if (!list) {
    list = commandsAvailable(role, target, status);
    available.set(key, list);
  }
  return list;
}

/** The next command this user can issue on the sample, or null when nothing waits for them. */
export function nextAction(actor: Actor, order: Order, sample: Sample): string | null {
  const active = activeAnalyses(sample);
  // Analysis-level work (the analyst's results).
  const mine = active.filter((a) => a.analystId === actor.userId);
  for (const a of mine) {
    for (const type of availableFor(actor.role, 'analysis', a.status)) {
      const r = RULES[type as keyof typeof RULES];
      if (r.orderIn && !r.orderIn.includes(order.status)) continue;
      if (r.sampleIn && !r.sampleIn.includes(sample.status)) continue;
      if (r.ownership !== 'analysis_analyst') continue;
      // A draft can be saved again or submitted: submitting is what moves the work on.
      if (type === 'result.save' && a.status === 'draft') return 'result.submit';
      return type;
    }
  }
  for (const type of availableFor(actor.role, 'sample', sample.status)) {
    const r = RULES[type as keyof typeof RULES];
    if (r.orderIn && !r.orderIn.includes(order.status)) continue;
    if (!owns(actor, sample, r.ownership)) continue;
    // Verification waits until every active analysis is submitted.
    if (type === 'results.verify' && !(active.length > 0 && active.every((a) => a.status === 'submitted')))
      continue;
    return type;
  }
  return null;
}

export function sampleRows(
  order: Order,
  actor: Actor,
  pendingBySample: ReadonlyMap<string, number> = new Map(),
  blockedBySample: ReadonlyMap<string, number> = new Map(),
): SamplesTable[] {
  return order.samples.map((s) => {
    const active = activeAnalyses(s);
    let mine = 0;
    let openMine = 0;
    let submitted = 0;
    for (const a of active) {
      if (a.analystId === actor.userId) {
        mine += 1;
        if (a.status === 'pending' || a.status === 'draft') openMine += 1;
      }
      if (a.status === 'submitted') submitted += 1;
    }
    const action = nextAction(actor, order, s);
    const clock = sampleClock(order, s);
    return {
      id: s.id,
      order_id: order.id,
      order_number: order.number,
      order_status: order.status,
      sample_number: s.number,
      sample_type_name: s.sampleTypeName,
      description: s.description,
      customer_label: s.customerLabel,
      status: s.status,
      lab_id: s.labId,
      penyelia_id: s.penyeliaId,
      mt_id: s.mtId,
      received_at: s.receivedAt,
      analyses_total: active.length,
      analyses_mine: mine,
      analyses_open_mine: openMine,
      analyses_submitted: submitted,
      next_action: action,
      action_rank: action === null ? 1 : 0,
      sort_at: s.receivedAt ?? order.submittedAt,
      pending_commands: pendingBySample.get(s.id) ?? 0,
      search: [order.number ?? '', s.number ?? '', s.sampleTypeName, s.customerLabel].join(' ').toLowerCase(),
      step: clock.step,
      step_started_at: clock.startedAt,
      due_at: clock.dueAt,
      blocked_commands: blockedBySample.get(s.id) ?? 0,
    };
  });
}

export function orderRow(
  base: Order,
  baseJson: string,
  local: Order | null,
  localJson: string | null,
  pending: number,
  pulledAt: string,
): OrdersTable {
  const shown = local ?? base;
  return {
    id: base.id,
    version: shown.version,
    status: shown.status,
    number: shown.number,
    customer_id: shown.customerId,
    submitted_at: shown.submittedAt,
    base_version: base.version,
    base_json: baseJson,
    local_json: localJson,
    pending_commands: pending,
    pulled_at: pulledAt,
  };
}
