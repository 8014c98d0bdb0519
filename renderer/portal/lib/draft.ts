/**
 * A half-filled order, kept in localStorage as it is typed (UI.md: "a half-filled order survives a
 * reload and a lost connection"). One draft per customer account (and one per order being
 * corrected), so two people sharing a computer never see each other's. The draft carries the
 * Idempotency-Key of its submission: a send whose answer was lost can be sent again and the server
 * makes one order, not two.
 */
import type { CatalogResponse, SubmitOrderRequest } from '../../../shared/api/http';
import type { Order } from '../../../shared/domain/entities';

export interface DraftSample {
  /** A local key for React lists and focus, not sent. */
  key: string;
  sampleTypeId: string | null;
  description: string;
  customerLabel: string;
  parameterIds: string[];
}

export interface OrderDraft {
  v: 1;
  /** Step of the form: 0 samples, 1 parameters, 2 summary, 3 send. */
  step: number;
  samples: DraftSample[];
  idempotencyKey: string;
  savedAt: string | null;
}

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const draftKey = (userId: string, correctingOrderId?: string) =>
  correctingOrderId
    ? `sippt.portal.draft.${userId}.order.${correctingOrderId}`
    : `sippt.portal.draft.${userId}`;

export function newSample(makeKey: () => string): DraftSample {
  return { key: makeKey(), sampleTypeId: null, description: '', customerLabel: '', parameterIds: [] };
}

export function newDraft(makeKey: () => string): OrderDraft {
  return { v: 1, step: 0, samples: [newSample(makeKey)], idempotencyKey: makeKey(), savedAt: null };
}

/** A draft from the order being corrected: its samples and parameters as they were sent. */
export function draftFromOrder(order: Order, makeKey: () => string): OrderDraft {
  return {
    v: 1,
    step: 0,
    samples: order.samples.map((s) => ({
      key: makeKey(),
      sampleTypeId: s.sampleTypeId,
      description: s.description,
      customerLabel: s.customerLabel,
      parameterIds: s.analyses.filter((a) => a.status !== 'retest').map((a) => a.parameterId),
    })),
    idempotencyKey: makeKey(),
    savedAt: null,
  };
}

export function loadDraft(store: Store, key: string): OrderDraft | null {
  try {
    const raw = store.getItem(key);
    if (!raw) return null;
    const d = JSON.parse(raw) as Partial<OrderDraft>;
    if (d.v !== 1 || !Array.isArray(d.samples) || typeof d.idempotencyKey !== 'string') return null;
    return {
      v: 1,
      step: Math.min(3, Math.max(0, Number(d.step) || 0)),
      samples: d.samples.map((s) => ({
        key: String(s.key),
        sampleTypeId: typeof s.sampleTypeId === 'string' ? s.sampleTypeId : null,
        description: String(s.description ?? ''),
        customerLabel: String(s.customerLabel ?? ''),
        parameterIds: Array.isArray(s.parameterIds) ? s.parameterIds.map(String) : [],
      })),
      idempotencyKey: d.idempotencyKey,
      savedAt: typeof d.savedAt === 'string' ? d.savedAt : null,
    };
  } catch {
    return null; // unreadable: start afresh rather than fail the page
  }
}

/** Saves and answers the draft as saved (with its time), or null when storage refused it (full, private mode). */
export function saveDraft(store: Store, key: string, draft: OrderDraft, now: Date): OrderDraft | null {
  const saved = { ...draft, savedAt: now.toISOString() };
  try {
    store.setItem(key, JSON.stringify(saved));
    return saved;
  } catch {
    return null;
  }
}

export function clearDraft(store: Store, key: string): void {
  try {
    store.removeItem(key);
  } catch {
    /* nothing kept */
  }
}

/** Whether anything was typed (an untouched draft is not offered as "lanjutkan"). */
export function isBlank(d: OrderDraft): boolean {
  return d.samples.every(
    (s) => !s.sampleTypeId && !s.description.trim() && !s.customerLabel.trim() && s.parameterIds.length === 0,
  );
}

export type SampleProblem = 'type' | 'description' | 'parameters';

/** What each sample still lacks, by sample key (same limits as OrderSampleRequestSchema). */
export function problems(d: OrderDraft, catalog: CatalogResponse | undefined): Map<string, SampleProblem[]> {
  const out = new Map<string, SampleProblem[]>();
  for (const s of d.samples) {
    const p: SampleProblem[] = [];
    const type = catalog?.sampleTypes.find((t) => t.id === s.sampleTypeId && t.active);
    if (!s.sampleTypeId || (catalog && !type)) p.push('type');
    if (s.description.trim().length < 3) p.push('description');
    if (validParameters(s, catalog).length === 0) p.push('parameters');
    if (p.length) out.set(s.key, p);
  }
  return out;
}

/** The sample's chosen parameters that exist in the catalog for its sample type and are active. */
export function validParameters(s: DraftSample, catalog: CatalogResponse | undefined) {
  if (!catalog) return [];
  return catalog.parameters.filter(
    (p) => p.active && p.sampleTypeId === s.sampleTypeId && s.parameterIds.includes(p.id),
  );
}

/** Estimated total from the catalog's tariffs (the Ketua Tim approves the final tariff, step 6). */
export function draftTotal(d: OrderDraft, catalog: CatalogResponse | undefined): number {
  return d.samples.reduce((sum, s) => sum + validParameters(s, catalog).reduce((a, p) => a + p.tariff, 0), 0);
}

export function toRequest(d: OrderDraft, catalog: CatalogResponse | undefined): SubmitOrderRequest {
  return {
    samples: d.samples.map((s) => ({
      sampleTypeId: s.sampleTypeId!,
      description: s.description.trim(),
      customerLabel: s.customerLabel.trim(),
      parameterIds: validParameters(s, catalog).map((p) => p.id),
    })),
  };
}
