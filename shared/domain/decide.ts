import type { z } from 'zod';
import { COMMAND_PAYLOADS, aggregateOf, type Command, type CommandType, type PayloadOf } from './commands';
import type { Account, Analysis, Order, Report, ReturnNote, Sample } from './entities';
import { RULES, type Rule } from './permissions';
import { reject, type Message, type Rejection } from './rejections';
import {
  activeAnalyses,
  currentBilling,
  currentReport,
  isAccount,
  isBillingExpired,
  isOrder,
  orderTotal,
  type Actor,
  type AggregateState,
} from './state';
import { STATUS_LABELS } from './states';
import { failedItems, REVIEW_LABELS } from './order-review';
import { ROLE_INFO } from '../sop/roles';

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

export interface Accepted {
  ok: true;
  state: Order | Account;
  events: DomainEvent[];
}
export type Decision = Accepted | Rejection;

/** Everything a handler needs, resolved and checked by `decide` before the handler runs. */
interface Ctx<T extends CommandType> {
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

/** What each command does, for messages (never the command's internal name). */
const ACTS: Record<CommandType, Message> = {
  'account.register': { id: 'mendaftarkan akun', en: 'register an account' },
  'account.activate': { id: 'mengaktifkan akun', en: 'activate the account' },
  'account.deactivate': { id: 'menonaktifkan akun', en: 'deactivate the account' },
  'order.submit': { id: 'mengajukan pesanan', en: 'submit an order' },
  'order.resubmit': { id: 'mengajukan ulang pesanan', en: 'resubmit the order' },
  'order.cancel': { id: 'membatalkan pesanan', en: 'cancel the order' },
  'order.validate': { id: 'memvalidasi pesanan', en: 'validate the order' },
  'order.return_to_customer': {
    id: 'mengembalikan pesanan ke pelanggan',
    en: 'return the order to the customer',
  },
  'tariff.approve': { id: 'menyetujui tarif', en: 'approve the tariff' },
  'tariff.reject': { id: 'menolak tarif', en: 'reject the tariff' },
  'billing.request': { id: 'meminta e-billing', en: 'request the e-billing' },
  'billing.issue': { id: 'menerbitkan e-billing', en: 'issue the e-billing' },
  'billing.reissue': { id: 'menerbitkan ulang e-billing', en: 're-issue the e-billing' },
  'payment.upload_proof': { id: 'mengunggah bukti bayar', en: 'upload a proof of payment' },
  'payment.confirm_auto': { id: 'mencatat pembayaran', en: 'record the payment' },
  'payment.approve': { id: 'menyetujui bukti bayar', en: 'approve the proof of payment' },
  'payment.reject': { id: 'menolak bukti bayar', en: 'reject the proof of payment' },
  'sample.register': { id: 'meregistrasi sampel', en: 'register the sample' },
  'sample.accept': { id: 'menerima sampel', en: 'accept the sample' },
  'sample.reject': { id: 'menolak sampel', en: 'reject the sample' },
  'sample.assign_analysts': { id: 'menugaskan analis', en: 'assign analysts' },
  'assignment.validate': { id: 'memvalidasi penugasan', en: 'validate the assignment' },
  'assignment.return': { id: 'mengembalikan penugasan', en: 'return the assignment' },
  'result.save': { id: 'menyimpan hasil uji', en: 'save a result' },
  'result.submit': { id: 'mengirim hasil uji', en: 'submit the result' },
  'results.verify': { id: 'memverifikasi hasil uji', en: 'verify the results' },
  'analysis.request_retest': { id: 'meminta uji ulang', en: 'request a retest' },
  'results.validate': { id: 'memvalidasi hasil uji', en: 'validate the results' },
  'results.return': { id: 'mengembalikan hasil uji', en: 'return the results' },
  'report.number': { id: 'memberi nomor LHU', en: 'number the report' },
  'report.request_signature': {
    id: 'mengajukan E-LHU untuk ditandatangani',
    en: 'send the report for signature',
  },
  'report.sign': { id: 'menandatangani E-LHU', en: 'sign the report' },
  'report.refuse': { id: 'menolak menandatangani E-LHU', en: 'refuse to sign the report' },
  'report.release': { id: 'menerbitkan E-LHU', en: 'release the report' },
  'report.amend': { id: 'mengamendemen E-LHU', en: 'amend the report' },
  'survey.submit': { id: 'mengisi survei kepuasan', en: 'fill in the satisfaction survey' },
  'order.finish': { id: 'menyelesaikan pesanan', en: 'finish the order' },
};
const actOf = (type: string): Message =>
  (ACTS as Record<string, Message>)[type] ?? { id: 'menjalankan perintah ini', en: 'do this' };
const cap = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
/** "X" atau "Y" / "X" or "Y". */
const states = (list: readonly (string | null)[]): Message => {
  const ls = list.filter((x): x is string => x !== null).map(label);
  const q = (xs: string[], or: string) =>
    xs.length <= 1
      ? xs.map((x) => `"${x}"`).join('')
      : `${xs
          .slice(0, -1)
          .map((x) => `"${x}"`)
          .join(', ')} ${or} "${xs.at(-1)}"`;
  return {
    id: q(
      ls.map((l) => l.id),
      'atau',
    ),
    en: q(
      ls.map((l) => l.en),
      'or',
    ),
  };
};
/** A command refused in the current state: what it needs first, and where things are now. */
function notNow(
  type: string,
  of: Message,
  needed: readonly (string | null)[],
  current: string | null,
): Rejection {
  const act = actOf(type);
  const need = states(needed);
  const now = label(current);
  return reject(
    'invalid_transition',
    `${cap(act.id)} hanya dapat dilakukan bila status ${of.id} ${need.id}; sekarang "${now.id}".`,
    `You can ${act.en} only once the ${of.en} status is ${need.en}; it is now "${now.en}".`,
  );
}

const label = (s: string | null) =>
  s === null
    ? { id: 'belum ada', en: 'not existing' }
    : ((STATUS_LABELS as Record<string, Message>)[s] ?? { id: s, en: s });

/**
 * The one function that decides every command of the SOP, on the server, on the desktop and in
 * the UI. Pure: no clock (`now` is given), no I/O, no randomness; the input state is never changed.
 */
export function decide(state: AggregateState, command: Command, actor: Actor, now: Date): Decision {
  const type = command.type;
  if (!Object.prototype.hasOwnProperty.call(RULES, type)) {
    return reject(
      'invalid_payload',
      `Perintah tidak dikenal: ${String(type)}`,
      `Unknown command: ${String(type)}`,
    );
  }
  const rule = RULES[type];
  // The role first: someone who may never issue this command learns nothing about its payload.
  // Own properties only: a role string like "constructor" must be refused, not crash.
  const allowedStates = (Object.hasOwn(rule.from, actor.role) ? rule.from[actor.role] : undefined) as
    readonly (string | null)[] | undefined;
  if (!allowedStates) {
    const act = actOf(type);
    const role = Object.hasOwn(ROLE_INFO, actor.role)
      ? ROLE_INFO[actor.role as keyof typeof ROLE_INFO].label
      : actor.role;
    return reject(
      'forbidden',
      `Peran ${role} tidak berwenang ${act.id}.`,
      `The ${role} role may not ${act.en}.`,
    );
  }

  const parsed = (COMMAND_PAYLOADS[type] as z.ZodType).safeParse(command.payload ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'payload';
    // The shared schemas' messages are written "Indonesian / English".
    const text = issue?.message ?? '';
    const at = text.indexOf(' / ');
    const id = at > 0 ? text.slice(0, at) : 'nilai tidak valid';
    const en = at > 0 ? text.slice(at + 3) : text || 'invalid value';
    return reject(
      'invalid_payload',
      `Data tidak valid pada "${where}": ${id}`,
      `Invalid data at "${where}": ${en}`,
    );
  }
  const payload = parsed.data as Record<string, unknown>;

  // Resolve the aggregate and the entity the command acts on.
  const kind = aggregateOf(type);
  if (kind === 'account' && state !== null && !isAccount(state)) return wrongAggregate(type);
  if (kind === 'order' && state !== null && !isOrder(state)) return wrongAggregate(type);
  const order = isOrder(state) ? structuredClone(state) : null;
  const account = isAccount(state) ? structuredClone(state) : null;
  const creating = allowedStates.includes(null);
  if (creating && state !== null) {
    return reject('invalid_transition', 'Data ini sudah ada.', 'This record already exists.');
  }
  if (!creating && state === null) {
    return reject('not_found', 'Data tidak ditemukan.', 'Record not found.');
  }

  let sample: Sample | null = null;
  let analysis: Analysis | null = null;
  if (rule.target === 'sample' || rule.target === 'analysis') {
    sample = order!.samples.find((s) => s.id === payload.sampleId) ?? null;
    if (!sample)
      return reject(
        'not_found',
        'Sampel tidak ditemukan pada pesanan ini.',
        'Sample not found in this order.',
      );
    if (rule.target === 'analysis') {
      analysis = sample.analyses.find((a) => a.id === payload.analysisId) ?? null;
      if (!analysis)
        return reject(
          'not_found',
          'Parameter uji tidak ditemukan pada sampel ini.',
          'Analysis not found in this sample.',
        );
    }
  }

  const ctx: Ctx<CommandType> = {
    type,
    payload: payload as PayloadOf<CommandType>,
    actor,
    now,
    at: now.toISOString(),
    rule,
    order,
    account,
    sample,
    analysis,
    events: [],
  };

  const denied = checkOwnership(ctx, payload);
  if (denied) return denied;

  // Stale version: the issuer acted on an older copy of this very entity.
  const target = analysis ?? sample ?? order ?? account;
  if (target && command.baseVersion != null && command.baseVersion !== target.version) {
    return reject(
      'stale_version',
      `Data sudah berubah sejak Anda membukanya (versi ${command.baseVersion}, sekarang ${target.version}). Muat ulang lalu coba lagi.`,
      `The record changed since you opened it (version ${command.baseVersion}, now ${target.version}). Reload and try again.`,
    );
  }

  const current = statusOf(ctx);
  if (!allowedStates.includes(current)) {
    const of =
      rule.target === 'analysis'
        ? { id: 'parameter uji', en: 'analysis' }
        : rule.target === 'sample'
          ? { id: 'sampel', en: 'sample' }
          : rule.target === 'account'
            ? { id: 'akun', en: 'account' }
            : { id: 'pesanan', en: 'order' };
    return notNow(type, of, allowedStates, current);
  }
  if (order && rule.orderIn && !rule.orderIn.includes(order.status)) {
    return notNow(type, { id: 'pesanan', en: 'order' }, rule.orderIn, order.status);
  }
  if (sample && rule.sampleIn && !rule.sampleIn.includes(sample.status)) {
    return notNow(type, { id: 'sampel', en: 'sample' }, rule.sampleIn, sample.status);
  }

  const handled = (HANDLERS[type] as Handler)(ctx as Ctx<never>);
  if (handled) return handled;

  const result = (ctx.order ?? ctx.account)!;
  result.version += 1;
  if (ctx.sample) ctx.sample.version += 1;
  if (ctx.analysis) ctx.analysis.version += 1;
  return { ok: true, state: result, events: ctx.events };
}

function wrongAggregate(type: CommandType): Rejection {
  return reject(
    'invalid_payload',
    `Perintah ${type} tidak berlaku untuk data ini.`,
    `Command ${type} does not apply to this record.`,
  );
}

function statusOf(ctx: Ctx<CommandType>): string | null {
  switch (ctx.rule.target) {
    case 'account':
      return ctx.account?.customer.status ?? null;
    case 'order':
      return ctx.order?.status ?? null;
    case 'sample':
      return ctx.sample!.status;
    case 'analysis':
      return ctx.analysis!.status;
  }
}

function checkOwnership(ctx: Ctx<CommandType>, payload: Record<string, unknown>): Rejection | null {
  const { actor, rule, order, sample, analysis } = ctx;
  const no = (id: string, en: string) => reject('forbidden', id, en);
  switch (rule.ownership) {
    case 'any':
      return null;
    case 'own_customer': {
      if (!actor.customerId)
        return no('Akun ini tidak terhubung dengan pelanggan.', 'This account is not linked to a customer.');
      const owner =
        order?.customerId ??
        ctx.account?.customer.id ??
        (ctx.type === 'account.register' ? payload.id : actor.customerId);
      return owner === actor.customerId
        ? null
        : no('Pesanan ini bukan milik Anda.', 'This order is not yours.');
    }
    case 'sample_penyelia':
      return sample!.penyeliaId === actor.userId && (actor.labId === null || sample!.labId === actor.labId)
        ? null
        : no(
            'Sampel ini tidak ditugaskan kepada Anda sebagai Penyelia.',
            'This sample is not assigned to you as Penyelia.',
          );
    case 'sample_mt':
      return sample!.mtId === actor.userId
        ? null
        : no(
            'Sampel ini tidak ditugaskan kepada Anda sebagai MT.',
            'This sample is not assigned to you as MT.',
          );
    case 'analysis_analyst':
      return analysis!.analystId === actor.userId && (actor.labId === null || sample!.labId === actor.labId)
        ? null
        : no('Parameter ini tidak ditugaskan kepada Anda.', 'This analysis is not assigned to you.');
    case 'report_kepala_balai': {
      const report = currentReport(sample!);
      return report && report.kepalaBalaiId === actor.userId
        ? null
        : no(
            'E-LHU ini tidak diajukan kepada Anda untuk TTE.',
            'This report was not sent to you for signature.',
          );
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Handlers: each changes ctx.order / ctx.account in place (a private copy) and records events, or
// returns a rejection for a rule that needs more than the state table (separation of duties,
// consistency of the payload with the order).

type Handler = (ctx: Ctx<never>) => Rejection | void;
type Handlers = { [T in CommandType]: (ctx: Ctx<T>) => Rejection | void };

function emit(
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

function noteReturn(ctx: Ctx<CommandType>, entity: ReturnNote['entity'], entityId: string, reason: string) {
  ctx.order?.returns.push({
    at: ctx.at,
    by: ctx.actor.userId,
    role: ctx.actor.role,
    command: ctx.type,
    entity,
    entityId,
    reason,
  });
}

/** Move the target (order or sample) to the rule's `to` state and record it. */
function moveOrder(ctx: Ctx<CommandType>, to: Order['status'], reason: string | null = null) {
  const o = ctx.order!;
  const from = o.status;
  o.status = to;
  o.statusSince = ctx.at;
  emit(ctx, 'order', o.id, from, to, { reason });
  if (reason) noteReturn(ctx, 'order', o.id, reason);
}
function moveSample(ctx: Ctx<CommandType>, to: Sample['status'], reason: string | null = null) {
  const s = ctx.sample!;
  const from = s.status;
  s.status = to;
  s.statusSince = ctx.at;
  emit(ctx, 'sample', s.id, from, to, { reason });
  if (reason) noteReturn(ctx, 'sample', s.id, reason);
}
function moveAnalysis(
  ctx: Ctx<CommandType>,
  a: Analysis,
  to: Analysis['status'],
  reason: string | null = null,
) {
  const from = a.status;
  a.status = to;
  a.statusSince = ctx.at;
  emit(ctx, 'analysis', a.id, from, to, { reason });
  if (reason) noteReturn(ctx, 'analysis', a.id, reason);
}
function moveReport(ctx: Ctx<CommandType>, r: Report, to: Report['status'], reason: string | null = null) {
  const from = r.status;
  r.status = to;
  emit(ctx, 'report', r.id, from, to, { reason });
}

/**
 * A subcontracted test (ISO/IEC 17025 6.6, 7.1.1 c) is the laboratory's decision, made by CS in the
 * order review of step 5 (order.validate) when the lab cannot do a parameter itself; the customer
 * then sees it with the tariff at step 7 before agreeing. A customer's order may not name one.
 */
function refuseCustomerSubcontractor(samples: PayloadOf<'order.submit'>['samples']): Rejection | null {
  const named = samples
    .flatMap((s) => s.analyses)
    .find((a) => a.subcontractor !== null && a.subcontractor.trim() !== '');
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
    status: 'awaiting_registration',
    labId: null,
    penyeliaId: null,
    mtId: null,
    receivedAt: null,
    condition: null,
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
      status: 'pending',
      analystId: null,
      result: null,
      enteredBy: null,
      submittedAt: null,
      verifiedBy: null,
      validatedBy: null,
      retestOf: null,
      retestReason: null,
      statusSince: at,
    })),
  }));
}

/** After a sample moves, the order follows: in the lab once one is registered, released once all are. */
function syncOrderWithSamples(ctx: Ctx<CommandType>) {
  const o = ctx.order!;
  if (o.status === 'paid' && o.samples.some((s) => s.status !== 'awaiting_registration')) {
    moveOrder(ctx, 'in_lab');
  }
  if (o.status === 'in_lab' && o.samples.every((s) => s.status === 'released')) {
    moveOrder(ctx, 'reports_released');
  }
}

const HANDLERS: Handlers = {
  'account.register': (ctx) => {
    const p = ctx.payload;
    ctx.account = {
      version: 0,
      customer: {
        ...p,
        status: 'pending_activation',
        registeredAt: ctx.at,
        activatedAt: null,
        activatedBy: null,
      },
    };
    emit(ctx, 'account', p.id, null, 'pending_activation');
  },
  'account.activate': (ctx) => {
    const c = ctx.account!.customer;
    if (c.id !== ctx.payload.customerId)
      return reject('invalid_payload', 'Id pelanggan tidak cocok.', 'Customer id does not match.');
    emit(ctx, 'account', c.id, c.status, 'active');
    c.status = 'active';
    c.activatedAt = ctx.at;
    c.activatedBy = ctx.actor.userId;
  },
  'account.deactivate': (ctx) => {
    const c = ctx.account!.customer;
    if (c.id !== ctx.payload.customerId)
      return reject('invalid_payload', 'Id pelanggan tidak cocok.', 'Customer id does not match.');
    emit(ctx, 'account', c.id, c.status, 'deactivated', { reason: ctx.payload.reason });
    c.status = 'deactivated';
  },

  'order.submit': (ctx) => {
    const staffOnly = refuseCustomerSubcontractor(ctx.payload.samples);
    if (staffOnly) return staffOnly;
    const samples = buildSamples(ctx.payload.samples, ctx.at);
    if (!Array.isArray(samples)) return samples;
    ctx.order = {
      id: ctx.payload.orderId,
      version: 0,
      unitCode: '',
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
    const byId = new Map(ctx.order!.samples.flatMap((s) => s.analyses.map((a) => [a.id, a] as const)));
    for (const sc of ctx.payload.subcontractors) {
      const a = byId.get(sc.analysisId);
      if (!a)
        return reject(
          'invalid_payload',
          `Parameter ${sc.analysisId} tidak ada pada pesanan.`,
          `Analysis ${sc.analysisId} is not in this order.`,
        );
      a.subcontractor = sc.subcontractor;
    }
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
  'tariff.approve': (ctx) => {
    const o = ctx.order!;
    const byId = new Map(o.samples.flatMap((s) => s.analyses.map((a) => [a.id, a] as const)));
    for (const adj of ctx.payload.adjustments) {
      const a = byId.get(adj.analysisId);
      if (!a)
        return reject(
          'invalid_payload',
          `Parameter ${adj.analysisId} tidak ada pada pesanan.`,
          `Analysis ${adj.analysisId} is not in this order.`,
        );
      a.tariff = adj.tariff;
    }
    o.tariffApprovedBy = ctx.actor.userId;
    o.tariffTotal = orderTotal(o);
    moveOrder(ctx, 'tariff_approved');
  },
  'tariff.reject': (ctx) => {
    ctx.order!.tariffApprovedBy = null;
    ctx.order!.tariffTotal = null;
    moveOrder(ctx, 'validated', ctx.payload.reason);
  },
  'billing.request': (ctx) => moveOrder(ctx, 'billing_requested'),
  'billing.issue': (ctx) => issueBilling(ctx),
  'billing.reissue': (ctx) => {
    const current = currentBilling(ctx.order!);
    if (!current || !isBillingExpired(current, ctx.now)) {
      return reject(
        'invalid_transition',
        'E-billing yang berlaku belum kedaluwarsa; terbitkan ulang hanya setelah kedaluwarsa.',
        'The current e-billing has not expired; re-issue only after it expires.',
      );
    }
    current.status = 'replaced';
    emit(ctx, 'billing', current.id, 'issued', 'replaced');
    return issueBilling(ctx);
  },
  'payment.upload_proof': (ctx) => {
    const o = ctx.order!;
    const billing = currentBilling(o);
    if (!billing || billing.status !== 'issued')
      return reject(
        'invalid_transition',
        'Tidak ada e-billing yang harus dibayar.',
        'There is no e-billing to pay.',
      );
    if (isBillingExpired(billing, ctx.now)) {
      return reject(
        'invalid_transition',
        'E-billing sudah kedaluwarsa; minta Bendahara menerbitkan ulang.',
        'The e-billing has expired; ask the Bendahara to re-issue it.',
      );
    }
    if (o.proofs.some((p) => p.id === ctx.payload.proofId))
      return reject('invalid_payload', 'Bukti bayar ini sudah diunggah.', 'This proof was already uploaded.');
    o.proofs.push({
      id: ctx.payload.proofId,
      billingId: billing.id,
      fileId: ctx.payload.fileId,
      ntpn: ctx.payload.ntpn,
      status: 'submitted',
      uploadedAt: ctx.at,
      decidedBy: null,
      reason: null,
    });
    emit(ctx, 'proof', ctx.payload.proofId, null, 'submitted');
    moveOrder(ctx, 'payment_submitted');
  },
  'payment.confirm_auto': (ctx) => {
    const o = ctx.order!;
    const billing = currentBilling(o);
    if (!billing || billing.code !== ctx.payload.billingCode) {
      return reject(
        'invalid_payload',
        'Kode billing tidak cocok dengan e-billing yang berlaku.',
        'Billing code does not match the current e-billing.',
      );
    }
    if (Date.parse(ctx.payload.paidAt) > Date.parse(billing.expiresAt)) {
      return reject(
        'invalid_transition',
        'Pembayaran tercatat setelah e-billing kedaluwarsa.',
        'Payment recorded after the e-billing expired.',
      );
    }
    billing.status = 'paid';
    billing.ntpn = ctx.payload.ntpn;
    billing.paidAt = ctx.payload.paidAt;
    emit(ctx, 'billing', billing.id, 'issued', 'paid');
    for (const p of o.proofs)
      if (p.status === 'submitted') {
        p.status = 'approved';
        p.decidedBy = ctx.actor.userId;
      }
    moveOrder(ctx, 'paid');
  },
  'payment.approve': (ctx) => {
    const o = ctx.order!;
    const proof = o.proofs.find((p) => p.id === ctx.payload.proofId && p.status === 'submitted');
    if (!proof)
      return reject(
        'not_found',
        'Bukti bayar yang menunggu tidak ditemukan.',
        'No pending proof of payment with this id.',
      );
    proof.status = 'approved';
    proof.decidedBy = ctx.actor.userId;
    emit(ctx, 'proof', proof.id, 'submitted', 'approved');
    const billing = o.billings.find((b) => b.id === proof.billingId)!;
    billing.status = 'paid';
    billing.ntpn = proof.ntpn;
    billing.paidAt = proof.uploadedAt;
    emit(ctx, 'billing', billing.id, 'issued', 'paid');
    moveOrder(ctx, 'paid');
  },
  'payment.reject': (ctx) => {
    const proof = ctx.order!.proofs.find((p) => p.id === ctx.payload.proofId && p.status === 'submitted');
    if (!proof)
      return reject(
        'not_found',
        'Bukti bayar yang menunggu tidak ditemukan.',
        'No pending proof of payment with this id.',
      );
    proof.status = 'rejected';
    proof.decidedBy = ctx.actor.userId;
    proof.reason = ctx.payload.reason;
    emit(ctx, 'proof', proof.id, 'submitted', 'rejected', { reason: ctx.payload.reason });
    moveOrder(ctx, 'awaiting_payment', ctx.payload.reason);
  },

  'sample.register': (ctx) => {
    const s = ctx.sample!;
    const p = ctx.payload;
    if (p.penyeliaId === p.mtId) {
      return reject(
        'forbidden',
        'Penyelia dan MT sampel harus orang yang berbeda.',
        "A sample's Penyelia and MT must be different people.",
      );
    }
    s.number = p.sampleNumber;
    s.labId = p.labId;
    s.penyeliaId = p.penyeliaId;
    s.mtId = p.mtId;
    s.receivedAt = ctx.at;
    s.condition = null;
    moveSample(ctx, 'registered');
    syncOrderWithSamples(ctx);
  },
  'sample.accept': (ctx) => {
    ctx.sample!.condition = ctx.payload.condition;
    moveSample(ctx, 'received');
  },
  'sample.reject': (ctx) => moveSample(ctx, 'rejected', ctx.payload.reason),
  'sample.assign_analysts': (ctx) => {
    const s = ctx.sample!;
    const active = activeAnalyses(s);
    const given = new Map(ctx.payload.assignments.map((a) => [a.analysisId, a.analystId]));
    for (const id of given.keys()) {
      if (!active.some((a) => a.id === id))
        return reject(
          'invalid_payload',
          `Parameter ${id} tidak ada pada sampel.`,
          `Analysis ${id} is not in this sample.`,
        );
    }
    for (const [, analystId] of given) {
      if (analystId === s.penyeliaId || analystId === s.mtId) {
        return reject(
          'forbidden',
          'Penyelia atau MT sampel tidak boleh menjadi analisnya (pemisahan tugas).',
          "The sample's Penyelia or MT may not be its analyst (separation of duties).",
        );
      }
    }
    for (const a of active) {
      const analystId = given.get(a.id) ?? a.analystId;
      if (!analystId) {
        return reject(
          'invalid_payload',
          `Parameter "${a.parameterName}" belum diberi analis.`,
          `Analysis "${a.parameterName}" has no analyst yet.`,
        );
      }
      a.analystId = analystId;
    }
    moveSample(ctx, 'assigned');
  },
  'assignment.validate': (ctx) => moveSample(ctx, 'in_testing'),
  'assignment.return': (ctx) => moveSample(ctx, 'received', ctx.payload.reason),

  'result.save': (ctx) => {
    const a = ctx.analysis!;
    a.result = ctx.payload.result;
    a.enteredBy = ctx.actor.userId;
    if (a.status !== 'draft') moveAnalysis(ctx, a, 'draft');
    else emit(ctx, 'analysis', a.id, 'draft', 'draft');
  },
  'result.submit': (ctx) => {
    const a = ctx.analysis!;
    if (!a.result)
      return reject('invalid_transition', 'Isi hasil sebelum mengirim.', 'Enter a result before submitting.');
    a.submittedAt = ctx.at;
    moveAnalysis(ctx, a, 'submitted');
  },
  'results.verify': (ctx) => {
    const s = ctx.sample!;
    const active = activeAnalyses(s);
    const waiting = active.filter((a) => a.status !== 'submitted');
    if (waiting.length > 0) {
      return reject(
        'invalid_transition',
        `Masih ada ${waiting.length} parameter yang hasilnya belum dikirim analis.`,
        `${waiting.length} analyses still have no submitted result.`,
      );
    }
    if (active.some((a) => a.enteredBy === ctx.actor.userId || a.analystId === ctx.actor.userId)) {
      return reject(
        'forbidden',
        'Anda tidak boleh memverifikasi hasil yang Anda masukkan sendiri.',
        'You may not verify results you entered yourself.',
      );
    }
    for (const a of active) {
      a.verifiedBy = ctx.actor.userId;
      a.version += 1;
      moveAnalysis(ctx, a, 'verified');
    }
    moveSample(ctx, 'results_verified');
  },
  'analysis.request_retest': (ctx) => {
    const s = ctx.sample!;
    const old = ctx.analysis!;
    const p = ctx.payload;
    if (s.analyses.some((a) => a.id === p.newAnalysisId))
      return reject(
        'invalid_payload',
        'Id analisis baru sudah dipakai.',
        'The new analysis id is already used.',
      );
    const analystId = p.analystId ?? old.analystId;
    if (analystId === s.penyeliaId || analystId === s.mtId) {
      return reject(
        'forbidden',
        'Penyelia atau MT sampel tidak boleh menjadi analisnya.',
        "The sample's Penyelia or MT may not be its analyst.",
      );
    }
    old.retestReason = p.reason;
    moveAnalysis(ctx, old, 'retest', p.reason);
    s.analyses.push({
      ...old,
      id: p.newAnalysisId,
      version: 0,
      status: 'pending',
      analystId,
      result: null,
      enteredBy: null,
      submittedAt: null,
      verifiedBy: null,
      validatedBy: null,
      retestOf: old.id,
      retestReason: p.reason,
      statusSince: ctx.at,
    });
    emit(ctx, 'analysis', p.newAnalysisId, null, 'pending');
  },
  'results.validate': (ctx) => {
    const s = ctx.sample!;
    const active = activeAnalyses(s);
    if (
      active.some(
        (a) =>
          a.enteredBy === ctx.actor.userId ||
          a.verifiedBy === ctx.actor.userId ||
          a.analystId === ctx.actor.userId,
      )
    ) {
      return reject(
        'forbidden',
        'Validasi MT harus oleh orang lain dari analis dan Penyelia yang memverifikasi.',
        'MT validation needs a person other than the analyst and the verifying Penyelia.',
      );
    }
    for (const a of active) {
      a.validatedBy = ctx.actor.userId;
      a.version += 1;
      moveAnalysis(ctx, a, 'validated');
    }
    moveSample(ctx, 'results_validated');
  },
  'results.return': (ctx) => {
    for (const a of activeAnalyses(ctx.sample!)) {
      a.verifiedBy = null;
      a.version += 1;
      moveAnalysis(ctx, a, 'submitted');
    }
    moveSample(ctx, 'in_testing', ctx.payload.reason);
  },

  'report.number': (ctx) => {
    const s = ctx.sample!;
    if (s.reports.some((r) => r.id === ctx.payload.reportId))
      return reject('invalid_payload', 'Id laporan sudah dipakai.', 'Report id already used.');
    const report = newReport(ctx, ctx.payload.reportId, ctx.payload.reportNumber, null, null);
    s.reports.push(report);
    emit(ctx, 'report', report.id, null, 'numbered');
    moveSample(ctx, 'report_numbered');
  },
  'report.request_signature': (ctx) => {
    const r = reportFor(ctx, ctx.payload.reportId);
    if ('ok' in r) return r;
    r.kepalaBalaiId = ctx.payload.kepalaBalaiId;
    r.documentHash = ctx.payload.documentHash;
    r.issuedAt = `${ctx.payload.issuedOn}T00:00:00.000Z`;
    moveReport(ctx, r, 'awaiting_signature');
    moveSample(ctx, 'awaiting_signature');
  },
  'report.sign': (ctx) => {
    const r = reportFor(ctx, ctx.payload.reportId);
    if ('ok' in r) return r;
    r.signedHash = ctx.payload.signedHash;
    r.signedAt = ctx.at;
    moveReport(ctx, r, 'signed');
    moveSample(ctx, 'signed');
  },
  'report.refuse': (ctx) => {
    const r = reportFor(ctx, ctx.payload.reportId);
    if ('ok' in r) return r;
    // The refused report keeps its number and stays "refused" until CS fixes what is wrong and
    // asks again (step 18); the hash of the refused document no longer counts.
    moveReport(ctx, r, 'refused', ctx.payload.reason);
    r.documentHash = null;
    moveSample(ctx, 'report_numbered', ctx.payload.reason);
  },
  'report.release': (ctx) => {
    const r = reportFor(ctx, ctx.payload.reportId);
    if ('ok' in r) return r;
    r.releasedAt = ctx.at;
    moveReport(ctx, r, 'released');
    moveSample(ctx, 'released');
    syncOrderWithSamples(ctx);
  },
  'report.amend': (ctx) => {
    const s = ctx.sample!;
    const old = reportFor(ctx, ctx.payload.reportId);
    if ('ok' in old) return old;
    if (s.reports.some((r) => r.id === ctx.payload.newReportId))
      return reject('invalid_payload', 'Id laporan baru sudah dipakai.', 'New report id already used.');
    if (ctx.order!.samples.some((x) => x.reports.some((r) => r.number === ctx.payload.newReportNumber))) {
      return reject(
        'invalid_payload',
        'Laporan pengganti harus bernomor baru; nomor ini sudah dipakai.',
        'An amended report needs a new number; this one is already used.',
      );
    }
    const next = newReport(
      ctx,
      ctx.payload.newReportId,
      ctx.payload.newReportNumber,
      old.id,
      ctx.payload.reason,
    );
    old.supersededBy = next.id;
    moveReport(ctx, old, 'superseded', ctx.payload.reason);
    s.reports.push(next);
    emit(ctx, 'report', next.id, null, 'numbered', { reason: ctx.payload.reason });
    moveSample(ctx, 'report_numbered', ctx.payload.reason);
  },

  'survey.submit': (ctx) => {
    ctx.order!.survey = { scores: ctx.payload.scores, comment: ctx.payload.comment, submittedAt: ctx.at };
    moveOrder(ctx, 'survey_completed');
  },
  'order.finish': (ctx) => {
    ctx.order!.finishedAt = ctx.at;
    moveOrder(ctx, 'finished');
  },
};

function issueBilling(ctx: Ctx<'billing.issue' | 'billing.reissue'>): Rejection | void {
  const o = ctx.order!;
  const p = ctx.payload;
  if (Date.parse(p.expiresAt) <= ctx.now.getTime()) {
    return reject(
      'invalid_payload',
      'Tanggal kedaluwarsa e-billing harus di masa depan.',
      'The e-billing expiry must be in the future.',
    );
  }
  if (o.billings.some((b) => b.id === p.billingId || b.code === p.code)) {
    return reject(
      'invalid_payload',
      'Kode atau id e-billing sudah dipakai.',
      'E-billing code or id already used.',
    );
  }
  const amount = o.tariffTotal ?? orderTotal(o);
  o.billings.push({
    id: p.billingId,
    code: p.code,
    amount,
    status: 'issued',
    issuedAt: ctx.at,
    expiresAt: p.expiresAt,
    ntpn: null,
    paidAt: null,
  });
  emit(ctx, 'billing', p.billingId, null, 'issued');
  moveOrder(ctx, 'awaiting_payment');
}

function reportFor(ctx: Ctx<CommandType>, reportId: string): Report | Rejection {
  const r = currentReport(ctx.sample!);
  if (!r || r.id !== reportId) {
    return reject(
      'invalid_payload',
      'Laporan ini bukan E-LHU yang berlaku untuk sampel.',
      'This is not the current report of the sample.',
    );
  }
  return r;
}

function newReport(
  ctx: Ctx<CommandType>,
  id: string,
  number: string,
  replaces: string | null,
  reason: string | null,
): Report {
  return {
    id,
    number,
    status: 'numbered',
    numberedAt: ctx.at,
    numberedBy: ctx.actor.userId,
    kepalaBalaiId: null,
    documentHash: null,
    signedHash: null,
    issuedAt: null,
    signedAt: null,
    releasedAt: null,
    replaces,
    amendReason: reason,
    supersededBy: null,
  };
}
