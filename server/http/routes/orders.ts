import { randomUUID } from 'node:crypto';
import {
  API_PREFIX,
  CommandResponseSchema,
  EmptyBodySchema,
  OrderListQuerySchema,
  OrderHistoryResponseSchema,
  OrderListResponseSchema,
  OrderParamsSchema,
  OrderResponseSchema,
  ReasonBodySchema,
  SubmitOrderRequestSchema,
  SurveyRequestSchema,
  TariffApproveRequestSchema,
  ReturnOrderRequestSchema,
  ValidateOrderRequestSchema,
  surveyScoresInOrder,
  type OrderSummary,
} from '../../../shared/api/http';
import type { CommandType } from '../../../shared/domain/commands';
import { revealsActor } from '../../../shared/domain/history';
import type { OrderReviewAnswers } from '../../../shared/domain/order-review';
import type { Order, Sample } from '../../../shared/domain/entities';
import type { Actor } from '../../../shared/domain/state';
import type { AnalysisStatus, OrderStatus, SampleStatus } from '../../../shared/domain/states';
import { sampleStep } from '../../../shared/sop/clock';
import type { Role } from '../../../shared/sop/roles';
import { stepByNumber } from '../../../shared/sop/steps';
import { actorPrincipals, isUnitWide } from '../../commands/access';
import { deterministicUuid } from '../../ids';
import { commandIdOf, httpClientId, orderCommand, visibleOrder, type AppContext } from '../context';
import type { BodyFieldsOf, IssuedPayload, RequestedSample } from '../issued-payload';
import { addOrderCommandRoute, type CreatedBy } from '../order-command-route';
import { orderResponse } from '../views';
import type { ZodType, output } from 'zod';

interface Row {
  id: string;
  number: string | null;
  status: string;
  customer_id: string;
  company_name: string | null;
  submitted_at: string;
  updated_at: string;
  version: number;
  sample_count: number;
  total: number;
}

/** An order of the worklist as GET /orders lists it. */
const orderSummary = (r: Row): OrderSummary => ({
  id: r.id,
  number: r.number,
  status: r.status as OrderStatus,
  customerId: r.customer_id,
  companyName: r.company_name ?? '',
  submittedAt: r.submitted_at,
  updatedAt: r.updated_at,
  version: r.version,
  sampleCount: r.sample_count,
  total: r.total,
});

/** Roles whose work is assigned to a person (the order's bucket members). */
const LAB_ROLES = new Set<Role>(['penyelia', 'mt', 'analis', 'kepala_balai']);

/** The JSON filters of GET /orders on one order. */
function matches(
  order: Order,
  query: { sampleStatus?: SampleStatus; analysisStatus?: AnalysisStatus; mine?: 'true' | 'false' },
  actor: Actor,
): boolean {
  if (query.sampleStatus && !order.samples.some((s) => s.status === query.sampleStatus)) return false;
  if (
    query.analysisStatus &&
    !order.samples.some((s) => s.analyses.some((a) => a.status === query.analysisStatus))
  )
    return false;
  if (query.mine === 'true' && !order.samples.some((s) => waitsForMe(order, s, actor))) return false;
  return true;
}

/** The sample waits at an SOP step the actor's role performs, and (lab roles) for this person. */
function waitsForMe(order: Order, sample: Sample, actor: Actor): boolean {
  const step = sampleStep(sample, order);
  if (step === null || stepByNumber(step).actor !== actor.role) return false;
  switch (actor.role) {
    case 'penyelia':
      return sample.penyeliaId === actor.userId;
    case 'mt':
      return sample.mtId === actor.userId;
    case 'analis':
      return sample.analyses.some(
        (a) =>
          a.analystId === actor.userId &&
          (a.status === 'pending' || a.status === 'draft' || a.status === 'retest'),
      );
    case 'kepala_balai':
      return sample.reports.some(
        (r) => r.status === 'awaiting_signature' && r.kepalaBalaiId === actor.userId,
      );
    default:
      return true;
  }
}

function samplesPayload(body: {
  samples: { sampleTypeId: string; description: string; customerLabel: string; parameterIds: string[] }[];
}): RequestedSample[] {
  return body.samples.map((s) => ({
    sampleTypeId: s.sampleTypeId,
    description: s.description,
    customerLabel: s.customerLabel,
    analyses: s.parameterIds.map((parameterId) => ({ parameterId })),
  }));
}

export function orderRoutes(app: AppContext): void {
  const { router, env } = app;
  const db = env.handle.db;

  router.add({
    method: 'GET',
    url: `${API_PREFIX}/orders`,
    summary:
      'Daftar kerja: pesanan yang boleh dilihat, terbaru dulu; saring per status pesanan/sampel/analisis dan "pekerjaan saya" (mine=true); halaman stabil (kursor) / worklist: the orders the user may see, newest first; filters by order, sample and analysis status and "my work" (mine=true); stable keyset paging',
    tags: ['orders'],
    access: 'user',
    query: OrderListQuerySchema,
    response: OrderListResponseSchema,
    handler: async ({ query, auth }) => {
      const actor = auth.actor;
      const needsData =
        query.sampleStatus !== undefined || query.analysisStatus !== undefined || query.mine === 'true';
      // Keyset paging on (submitted_at, id), newest first: both immutable, so a page never repeats
      // or skips an order because others changed or arrived meanwhile.
      let after: { at: string; id: string } | null = null;
      if (query.cursor) {
        const i = query.cursor.lastIndexOf('_');
        after = { at: query.cursor.slice(0, i), id: query.cursor.slice(i + 1) };
      }
      const out: (Row & { data?: string })[] = [];
      let more = false;
      // The JSON filters (sample, analysis, my work) read each candidate's data: candidates come in
      // chunks until the page is full; a chunk of rows that all fail is at most CHUNK rows read.
      const chunk = needsData ? Math.max(query.limit * 4, 200) : query.limit + 1;
      for (let round = 0; round < 50; round++) {
        let q = db
          .selectFrom('orders')
          .leftJoin('customers', 'customers.id', 'orders.customer_id')
          .select([
            'orders.id',
            'orders.number',
            'orders.status',
            'orders.customer_id',
            'customers.company_name',
            'orders.submitted_at',
            'orders.updated_at',
            'orders.version',
            'orders.sample_count',
            'orders.total',
          ])
          .orderBy('orders.submitted_at', 'desc')
          .orderBy('orders.id', 'desc')
          .limit(chunk);
        if (actor.role === 'pelanggan') q = q.where('orders.customer_id', '=', actor.customerId ?? '');
        else if (!isUnitWide(actor)) {
          const principals = actorPrincipals(actor);
          q = q.where(
            'orders.id',
            'in',
            db.selectFrom('order_access').select('order_id').where('principal', 'in', principals),
          );
        }
        // The lab roles' work is in their bucket (order_members), kept by the server's writer.
        if (query.mine === 'true' && LAB_ROLES.has(actor.role))
          q = q.where(
            'orders.id',
            'in',
            db.selectFrom('order_members').select('order_id').where('user_id', '=', actor.userId),
          );
        if (query.mine === 'true') q = q.where('orders.status', 'not in', ['finished', 'cancelled']);
        if (query.status) q = q.where('orders.status', '=', query.status);
        if (after) {
          const a = after;
          q = q.where((eb) =>
            eb.or([
              eb('orders.submitted_at', '<', a.at),
              eb.and([eb('orders.submitted_at', '=', a.at), eb('orders.id', '<', a.id)]),
            ]),
          );
        }
        const rows = await q.execute();
        let datas = new Map<string, string>();
        if (needsData && rows.length > 0) {
          const d = await db
            .selectFrom('order_data')
            .select(['order_id', 'data'])
            .where(
              'order_id',
              'in',
              rows.map((r) => r.id),
            )
            .execute();
          datas = new Map(d.map((x) => [x.order_id, x.data]));
        }
        for (const r of rows) {
          if (out.length === query.limit) {
            more = true;
            break;
          }
          if (needsData) {
            const data = datas.get(r.id);
            if (!data || !matches(JSON.parse(data) as Order, query, actor)) continue;
          }
          out.push(r);
        }
        if (more || rows.length < chunk) break;
        const last = rows[rows.length - 1]!;
        after = { at: last.submitted_at, id: last.id };
      }
      const last = out[out.length - 1];
      return {
        orders: out.map(orderSummary),
        nextCursor: more && last ? `${last.submitted_at}_${last.id}` : null,
      };
    },
  });

  router.add({
    method: 'GET',
    url: `${API_PREFIX}/orders/:orderId`,
    summary: 'Satu pesanan dengan sampel, parameter, e-billing, laporan / one order',
    tags: ['orders'],
    access: 'user',
    params: OrderParamsSchema,
    response: OrderResponseSchema,
    handler: async ({ params, auth }) =>
      orderResponse(auth.actor, await visibleOrder(app, auth, params.orderId)),
  });

  router.add({
    method: 'GET',
    url: `${API_PREFIX}/orders/:orderId/history`,
    summary:
      'Riwayat pesanan: siapa (peran), kapan, apa, dengan alasan; terlama dulu / the order history, oldest first',
    tags: ['orders'],
    access: 'user',
    params: OrderParamsSchema,
    response: OrderHistoryResponseSchema,
    handler: async ({ params, auth }) => {
      const reader = auth.actor;
      // The order's own read decides who may see its history, with the same 404 for the rest.
      await visibleOrder(app, auth, params.orderId);
      const rows = await db
        .selectFrom('audit_log')
        .leftJoin('users', 'users.id', 'audit_log.actor_id')
        .select([
          'audit_log.at',
          'audit_log.actor_id',
          'users.name as actor_name',
          'audit_log.role',
          'audit_log.command_type',
          'audit_log.step',
          'audit_log.entity',
          'audit_log.entity_id',
          'audit_log.sample_id',
          'audit_log.from_state',
          'audit_log.to_state',
          'audit_log.reason',
          'audit_log.after',
        ])
        .where('audit_log.order_id', '=', params.orderId)
        .orderBy('audit_log.seq')
        .orderBy('audit_log.idx')
        .execute();
      return {
        entries: rows
          // A draft saved again changes nothing anyone waits on; its first save is kept.
          .filter(
            (r) =>
              !(
                r.entity === 'analysis' &&
                r.from_state !== null &&
                r.from_state === r.to_state &&
                r.reason === null
              ),
          )
          .map((r) => {
            const shown = revealsActor(reader, { role: r.role, actorId: r.actor_id });
            return {
              at: r.at,
              actorId: shown ? r.actor_id : null,
              actorName: shown ? (r.actor_name ?? (r.role === 'sistem' ? 'Sistem' : null)) : null,
              role: r.role,
              command: r.command_type,
              step: r.step,
              entity: r.entity,
              entityId: r.entity_id,
              sampleId: r.sample_id,
              from: r.from_state,
              to: r.to_state,
              reason: r.reason,
              review: reviewOf(r),
            };
          }),
      };
    },
  });

  router.add({
    method: 'POST',
    url: `${API_PREFIX}/orders`,
    summary:
      'Langkah 4: pelanggan mengajukan pesanan (sampel dan parameter dari katalog) / step 4: submit an order',
    tags: ['orders'],
    access: 'user',
    body: SubmitOrderRequestSchema,
    response: CommandResponseSchema,
    status: 201,
    location: `${API_PREFIX}/orders/{orderId}`,
    handler: async ({ req, reply, body, auth }) => {
      const commandId = commandIdOf(req);
      const orderId = req.headers['idempotency-key']
        ? deterministicUuid(`${httpClientId(auth)}:order:${commandId}`)
        : randomUUID();
      const res = await orderCommand(
        app,
        req,
        auth,
        'order.submit',
        orderId,
        { samples: samplesPayload(body) },
        { commandId },
      );
      // What was created: its id, and where to read it.
      void reply.header('location', `${API_PREFIX}/orders/${orderId}`);
      return { ...res, createdId: orderId };
    },
  });

  /** A command on the order whose body says it in the customer's terms (the payload made from it). */
  const onOrder = <T extends CommandType, B extends ZodType>(
    type: T,
    path: string,
    summary: string,
    body: B,
    toPayload: (b: output<B>) => IssuedPayload<T>,
    created?: CreatedBy<{ orderId: string }>,
  ) =>
    addOrderCommandRoute(app, {
      type,
      method: 'POST',
      url: `${API_PREFIX}/orders/:orderId/${path}`,
      summary,
      tags: ['orders'],
      params: OrderParamsSchema,
      body,
      payload: (_params, b) => toPayload(b),
      created,
    });
  /** A command on the order whose body is its payload (the server fills in the rest). */
  const simple = <T extends CommandType, B extends ZodType<IssuedPayload<T>>>(
    type: T,
    path: string,
    summary: string,
    body: B & BodyFieldsOf<T, B>,
    created?: CreatedBy<{ orderId: string }>,
  ) => onOrder(type, path, summary, body, (b) => b, created);

  onOrder(
    'order.resubmit',
    'resubmit',
    'Pelanggan mengajukan ulang pesanan yang dikembalikan / resubmit a returned order',
    SubmitOrderRequestSchema,
    (b) => ({ samples: samplesPayload(b) }),
  );
  simple(
    'order.cancel',
    'cancel',
    'Pelanggan membatalkan pesanan sebelum membayar (alasan) / cancel before paying',
    ReasonBodySchema,
  );
  simple(
    'order.validate',
    'validate',
    'Langkah 5: CS memvalidasi pesanan dan memberi nomor order, dengan jawaban kaji ulang permintaan (disimpan) / step 5: validate and number, with the order review answers (kept)',
    ValidateOrderRequestSchema,
  );
  simple(
    'order.return_to_customer',
    'return',
    'CS atau Ketua Tim mengembalikan pesanan ke pelanggan (alasan; CS: jawaban kaji ulang) / return to the customer (reason; CS: the order review answers)',
    ReturnOrderRequestSchema,
  );
  simple(
    'tariff.approve',
    'tariff/approve',
    'Langkah 6: Ketua Tim PJI menyetujui tarif / step 6: approve the tariff',
    TariffApproveRequestSchema,
  );
  simple(
    'tariff.reject',
    'tariff/reject',
    'Langkah 7: pelanggan menolak parameter/tarif (alasan) / the customer rejects the tariff',
    ReasonBodySchema,
  );
  simple(
    'billing.request',
    'billing/request',
    'Langkah 7: pelanggan meminta e-billing / step 7: request the e-billing',
    EmptyBodySchema,
  );
  simple(
    'billing.issue',
    'billing',
    'Langkah 8: Bendahara menerbitkan e-billing (kode 15 digit) / step 8: issue the e-billing',
    EmptyBodySchema,
    {
      entity: 'billing',
      // A billing has no address of its own: it is one of the order's billings (createdId names it).
      location: ({ orderId }) => `${API_PREFIX}/orders/${orderId}`,
      documented: `${API_PREFIX}/orders/{orderId} (the order holding the billing; createdId is the billing's id)`,
    },
  );
  simple(
    'billing.reissue',
    'billing/reissue',
    'Langkah 8: terbitkan ulang e-billing yang kedaluwarsa / re-issue an expired e-billing',
    EmptyBodySchema,
  );
  onOrder(
    'survey.submit',
    'survey',
    'Langkah 21: pelanggan mengisi survei IKM (9 unsur menurut nama, nilai 1-4) / step 21: the satisfaction survey (the nine IKM elements by name, 1-4)',
    SurveyRequestSchema,
    // Stored (and in the survey.submit command) in IKM_ELEMENTS order, as before.
    (b) => ({ scores: surveyScoresInOrder(b.scores), comment: b.comment }),
  );
  simple(
    'order.finish',
    'finish',
    'Langkah 22: pelanggan menyelesaikan pesanan / step 22: finish the order',
    EmptyBodySchema,
  );
}

/**
 * The order review's answers on the entry of the command that ended the review: the order as the
 * command left it (the audit row's `after`) holds the review made at that instant.
 */
function reviewOf(r: {
  command_type: string;
  entity: string;
  at: string;
  after: string | null;
}): OrderReviewAnswers | null {
  if (
    r.entity !== 'order' ||
    (r.command_type !== 'order.validate' && r.command_type !== 'order.return_to_customer') ||
    !r.after
  )
    return null;
  const review = (JSON.parse(r.after) as { review?: { answers: OrderReviewAnswers; at: string } }).review;
  return review && review.at === r.at ? review.answers : null;
}
