/**
 * What the desktop needs to know about commands beyond decide(): which ones may be issued offline,
 * the entity a command acts on (for its base_version), and a line for people.
 */
import type { CommandType } from '../../../shared/domain/commands';
import type { Order } from '../../../shared/domain/entities';
import { OFFLINE_COMMAND_LABELS } from '../../../shared/domain/command-labels';
import { RULES, isOfflineCommand } from '../../../shared/domain/permissions';

// Which commands may be issued offline is a permission (shared/domain/permissions.ts); their labels
// sit beside it (shared/domain/command-labels.ts).
export { OFFLINE_COMMAND_LABELS } from '../../../shared/domain/command-labels';
export {
  isOfflineCommand,
  OFFLINE_COMMANDS,
  type OfflineCommandType,
} from '../../../shared/domain/permissions';

interface Ids {
  sampleId?: unknown;
  analysisId?: unknown;
}

/**
 * The version of the entity a command acts on in `order` (the analysis, the sample, or the order
 * itself), as the issuer sees it now: the command's base_version. Null when it is not there.
 */
export function baseVersionOf(type: CommandType, payload: unknown, order: Order | null): number | null {
  if (!order) return null;
  const p = (payload ?? {}) as Ids;
  const target = RULES[type].target;
  if (target === 'order') return order.version;
  const sample = order.samples.find((s) => s.id === p.sampleId);
  if (!sample) return null;
  if (target === 'sample') return sample.version;
  const analysis = sample.analyses.find((a) => a.id === p.analysisId);
  return analysis ? analysis.version : null;
}

/** "Simpan hasil / Save result · SPL/PLG/2025/00012 · Kadar air". */
export function describeCommand(type: string, payload: unknown, order: Order | null): string {
  const label = isOfflineCommand(type) ? OFFLINE_COMMAND_LABELS[type] : { id: type, en: type };
  const parts = [`${label.id} / ${label.en}`];
  const p = (payload ?? {}) as Ids;
  const sample = order?.samples.find((s) => s.id === p.sampleId);
  if (order?.number) parts.push(order.number);
  if (sample) parts.push(sample.number ?? sample.sampleTypeName);
  const analysis = sample?.analyses.find((a) => a.id === p.analysisId);
  if (analysis) parts.push(analysis.parameterName);
  return parts.join(' · ');
}

/**
 * What a command depends on, for ordering: an analysis-level command on its analysis (and its
 * sample, as it bumps the sample's version too), a sample-level command on its whole sample, and
 * anything else on the whole order.
 */
export interface DependencyKeys {
  order: string;
  sample: string | null;
  analysis: string | null;
}

export function dependencyKeys(type: string, aggregateId: string, payload: unknown): DependencyKeys {
  const p = (payload ?? {}) as Ids;
  const target = (RULES as Record<string, { target: string } | undefined>)[type]?.target;
  const sample = typeof p.sampleId === 'string' ? p.sampleId : null;
  const analysis = typeof p.analysisId === 'string' ? p.analysisId : null;
  if (target === 'analysis' && sample && analysis) return { order: aggregateId, sample, analysis };
  if (target === 'sample' && sample) return { order: aggregateId, sample, analysis: null };
  return { order: aggregateId, sample: null, analysis: null };
}

/**
 * A set of commands' keys, answering "does this command depend on (act on the same thing as) any
 * of them?": two commands conflict when they act on the same analysis, when one acts on a whole
 * sample the other touches, or when either acts on the whole order.
 */
export class DependencySet {
  private wholeOrders = new Set<string>();
  private touchedOrders = new Set<string>();
  private wholeSamples = new Set<string>();
  private touchedSamples = new Set<string>();
  private analyses = new Set<string>();

  conflicts(k: DependencyKeys): boolean {
    if (this.wholeOrders.has(k.order)) return true;
    if (k.sample === null) return this.touchedOrders.has(k.order);
    if (this.wholeSamples.has(k.sample)) return true;
    if (k.analysis === null) return this.touchedSamples.has(k.sample);
    return this.analyses.has(k.analysis);
  }

  add(k: DependencyKeys): void {
    this.touchedOrders.add(k.order);
    if (k.sample === null) {
      this.wholeOrders.add(k.order);
      return;
    }
    this.touchedSamples.add(k.sample);
    if (k.analysis === null) this.wholeSamples.add(k.sample);
    else this.analyses.add(k.analysis);
  }
}
