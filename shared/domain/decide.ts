import type { z } from 'zod';
import { COMMAND_PAYLOADS, aggregateOf, type Command, type CommandType, type PayloadOf } from './commands';
import type { Account, Analysis, Order, Sample } from './entities';
import { RULES } from './permissions';
import { reject, type Message, type Rejection } from './rejections';
import { currentReport, isAccount, isOrder, type Actor, type AggregateState } from './state';
import { STATUS_LABELS } from './states';
import { ROLE_INFO } from '../sop/roles';
import type { Ctx, DomainEvent, GuardOf, HandlerOf } from './handlers/context';
import { GUARDS, HANDLERS } from './handlers';

export type { DomainEvent, EventEntity } from './handlers/context';

export interface Accepted {
  ok: true;
  state: Order | Account;
  events: DomainEvent[];
}
export type Decision = Accepted | Rejection;

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
  const ctx = admit(state, command, actor, now);
  if ('ok' in ctx) return ctx;
  const handled = (HANDLERS[ctx.type] as HandlerOf<never>)(ctx as Ctx<never>);
  if (handled) return handled;

  const result = (ctx.order ?? ctx.account)!;
  result.version += 1;
  if (ctx.sample) ctx.sample.version += 1;
  if (ctx.analysis) ctx.analysis.version += 1;
  return { ok: true, state: result, events: ctx.events };
}

/**
 * The refusal `decide` would give before changing anything (role, payload, ownership, version,
 * state and the command's own guard), or null when it gets that far. For work that is only worth
 * doing once the core admits the command, such as rendering an E-LHU for signature; the handler's
 * effects are never run here.
 */
export function admits(state: AggregateState, command: Command, actor: Actor, now: Date): Rejection | null {
  const ctx = admit(state, command, actor, now);
  return 'ok' in ctx ? ctx : null;
}

/** A payload its schema refused, said the way `decide` says it: the first field at fault. */
export function invalidPayload(error: z.ZodError): Rejection {
  const issue = error.issues[0];
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

/** Every check of a command before its handler runs: the context the handler gets, or the refusal. */
function admit(
  state: AggregateState,
  command: Command,
  actor: Actor,
  now: Date,
): Ctx<CommandType> | Rejection {
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
  if (!parsed.success) return invalidPayload(parsed.error);
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
  const guard = GUARDS[type] as GuardOf<never> | undefined;
  return guard?.(ctx as Ctx<never>) ?? ctx;
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
