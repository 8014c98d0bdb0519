/** The order itself: submission, review and validation (steps 4-6), the survey and the close (21-22). */
import type { PayloadOf } from '../commands';
import type { Sample } from '../entities';
import { reject, type Rejection } from '../rejections';
import { failedItems, REVIEW_LABELS } from '../order-review';
import {
  applyToAnalyses,
  emit,
  moveOrder,
  UNREGISTERED_SAMPLE,
  UNSTARTED_ANALYSIS,
  type Handlers,
} from './context';

export const ORDER_HANDLERS = {
  'order.submit': (ctx) => {
    const staffOnly = refuseCustomerSubcontractor(ctx.payload.samples);
    if (staffOnly) return staffOnly;
    const samples = buildSamples(ctx.payload.samples, ctx.at);
    if (!Array.isArray(samples)) return samples;
    ctx.order = {
      id: ctx.payload.orderId,
      version: 0,
      unitCode: ctx.payload.unitCode,
      number: null,
      customerId: ctx.actor.customerId!,
      status: 'submitted',
      submittedAt: ctx.at,
      tariffApprovedBy: null,
      tariffTotal: null,
      decisionRule: ctx.payload.decisionRule,
      samples,
      billings: [],
      proofs: [],
      survey: null,
      returns: [],
      finishedAt: null,
      statusSince: ctx.at,
    };
    emit(ctx, 'order', ctx.order.id, null, 'submitted');
  },
  'order.resubmit': (ctx) => {
    const staffOnly = refuseCustomerSubcontractor(ctx.payload.samples);
    if (staffOnly) return staffOnly;
    const samples = buildSamples(ctx.payload.samples, ctx.at);
    if (!Array.isArray(samples)) return samples;
    ctx.order!.samples = samples;
    if (ctx.payload.decisionRule) ctx.order!.decisionRule = ctx.payload.decisionRule;
    moveOrder(ctx, 'submitted');
  },
  'order.cancel': (ctx) => moveOrder(ctx, 'cancelled', ctx.payload.reason),
  'order.validate': (ctx) => {
    const review = ctx.payload.review;
    if (review) {
      // A "Tidak bisa" means the lab cannot do the order: it goes back to the customer, not on.
      const failed = failedItems(review);
      if (failed.length > 0) {
        const names = (l: 'id' | 'en') => failed.map((i) => REVIEW_LABELS[i][l]).join(', ');
        return reject(
          'invalid_payload',
          `Kaji ulang menjawab "tidak bisa" (${names('id')}): kembalikan pesanan ke pelanggan dengan alasannya, bukan validasi.`,
          `The order review answered "cannot" (${names('en')}): return the order to the customer with the reason instead of validating it.`,
        );
      }
      ctx.order!.review = { answers: review, by: ctx.actor.userId, at: ctx.at };
    }
    const refused = applyToAnalyses(ctx.order!, ctx.payload.subcontractors, (a, sc) => {
      a.subcontractor = sc.subcontractor;
    });
    if (refused) return refused;
    ctx.order!.number = ctx.payload.orderNumber;
    moveOrder(ctx, 'validated');
  },
  'order.return_to_customer': (ctx) => {
    const review = ctx.payload.review;
    if (review) {
      // Only CS reviews, and only an order as submitted (Ketua Tim's return is about the tariff).
      if (ctx.order!.status !== 'submitted') {
        return reject(
          'invalid_payload',
          'Jawaban kaji ulang hanya untuk pesanan yang baru diajukan (langkah 5); kirim pengembalian tanpa jawaban kaji ulang.',
          'Order review answers belong to an order as submitted (step 5); send the return without review answers.',
        );
      }
      ctx.order!.review = { answers: review, by: ctx.actor.userId, at: ctx.at };
    }
    moveOrder(ctx, 'returned_to_customer', ctx.payload.reason);
  },
  'survey.submit': (ctx) => {
    ctx.order!.survey = { scores: ctx.payload.scores, comment: ctx.payload.comment, submittedAt: ctx.at };
    moveOrder(ctx, 'survey_completed');
  },
  'order.finish': (ctx) => {
    ctx.order!.finishedAt = ctx.at;
    moveOrder(ctx, 'finished');
  },
} satisfies Partial<Handlers>;

/**
 * A subcontracted test (ISO/IEC 17025 6.6, 7.1.1 c) is the laboratory's decision, made by CS in the
 * order review of step 5 (order.validate) when the lab cannot do a parameter itself; the customer
 * then sees it with the tariff at step 7 before agreeing. A customer's order may not name one.
 */
function refuseCustomerSubcontractor(samples: PayloadOf<'order.submit'>['samples']): Rejection | null {
  // The payload schema trims the name and needs one character: any subcontractor here is named.
  const named = samples.flatMap((s) => s.analyses).find((a) => a.subcontractor !== null);
  if (!named) return null;
  return reject(
    'invalid_payload',
    `Laboratorium subkontrak ditetapkan oleh CS saat kaji ulang pesanan (langkah 5), bukan oleh pelanggan: kosongkan "subcontractor" pada parameter ${named.parameterName}.`,
    `A subcontracted laboratory is chosen by CS in the order review (step 5), not by the customer: leave "subcontractor" empty on parameter ${named.parameterName}.`,
  );
}

function buildSamples(samples: PayloadOf<'order.submit'>['samples'], at: string): Sample[] | Rejection {
  const ids = new Set<string>();
  for (const s of samples) {
    for (const id of [s.sampleId, ...s.analyses.map((a) => a.analysisId)]) {
      if (ids.has(id))
        return reject('invalid_payload', `Id ganda dalam pesanan: ${id}`, `Duplicate id in the order: ${id}`);
      ids.add(id);
    }
  }
  return samples.map((s) => ({
    id: s.sampleId,
    version: 0,
    number: null,
    sampleTypeId: s.sampleTypeId,
    sampleTypeName: s.sampleTypeName,
    description: s.description,
    customerLabel: s.customerLabel,
    ...UNREGISTERED_SAMPLE,
    reports: [],
    sampling: s.sampling,
    statusSince: at,
    analyses: s.analyses.map((a) => ({
      id: a.analysisId,
      version: 0,
      parameterId: a.parameterId,
      parameterName: a.parameterName,
      unit: a.unit,
      method: a.method,
      requirement: a.requirement,
      detectionLimit: a.detectionLimit,
      uncertainty: a.uncertainty,
      accredited: a.accredited,
      subcontractor: a.subcontractor,
      tariff: a.tariff,
      ...UNSTARTED_ANALYSIS,
      statusSince: at,
    })),
  }));
}
