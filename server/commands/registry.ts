/**
 * The server's hooks of every command, gathered from the aggregates' modules beside the domain
 * core's handlers (shared/domain/handlers). `CommandRegistry` makes a command whose payload has
 * server fields fail to compile here until it has a `prepare`.
 */
import {
  requestSchema,
  type CommandType,
  type PayloadInput,
  type RequestOf,
} from '../../shared/domain/commands';
import { invalidPayload, type Accepted } from '../../shared/domain/decide';
import type { Rejection } from '../../shared/domain/rejections';
import type { Trx } from '../db/schema';
import type { Attachment } from './env';
import type { CommandHooks, CommandRegistry, HookCtx, Prepared } from './hooks';
import type { Reservation } from './numbers';
import { ACCOUNT_HOOKS } from './prepare/account';
import { BILLING_HOOKS } from './prepare/billing';
import { ORDER_HOOKS } from './prepare/order';
import { REPORT_HOOKS } from './prepare/report';
import { RESULTS_HOOKS } from './prepare/results';
import { SAMPLE_HOOKS } from './prepare/sample';

export const COMMAND_HOOKS: CommandRegistry = {
  ...ACCOUNT_HOOKS,
  ...ORDER_HOOKS,
  ...BILLING_HOOKS,
  ...SAMPLE_HOOKS,
  ...RESULTS_HOOKS,
  ...REPORT_HOOKS,
};

/** A command made ready for `decide`, and what follows its decision. */
export interface PreparedCommand<T extends CommandType> {
  /** Exactly what `decide` gets. */
  payload: PayloadInput<T>;
  reservations: readonly Reservation[];
  /** The files sent with the request, then the ones the server made. */
  attachments: readonly Attachment[];
  onAccept: ((trx: Trx) => Promise<void>) | null;
  afterDecide(decision: Accepted): Promise<Rejection | null>;
}

/**
 * Parse the client's payload with the command's request schema (refused as `decide` would refuse
 * it) and put the server's fields over it. A command without hooks goes to `decide` as sent.
 */
export async function prepareCommand<T extends CommandType>(
  base: Omit<HookCtx<T>, 'request'>,
  sent: unknown,
): Promise<PreparedCommand<T> | Rejection> {
  const raw = sent && typeof sent === 'object' && !Array.isArray(sent) ? structuredClone(sent) : {};
  const hooks = COMMAND_HOOKS[base.type] as CommandHooks<T> | undefined;
  if (!hooks) {
    return {
      payload: raw as PayloadInput<T>,
      reservations: [],
      attachments: base.attachments,
      onAccept: null,
      afterDecide: async () => null,
    };
  }
  const parsed = requestSchema(base.type).safeParse(raw);
  if (!parsed.success) return invalidPayload(parsed.error);
  const ctx: HookCtx<T> = { ...base, request: parsed.data as RequestOf<T> };
  const prepared: Prepared<T> | Rejection = hooks.prepare
    ? await hooks.prepare(ctx)
    : { fields: {} as Prepared<T>['fields'] };
  if ('ok' in prepared) return prepared;
  return {
    payload: { ...ctx.request, ...prepared.fields } as PayloadInput<T>,
    reservations: prepared.reservations ?? [],
    attachments: [...base.attachments, ...(prepared.attachments ?? [])],
    onAccept: prepared.onAccept ?? null,
    afterDecide: async (decision) => (hooks.afterDecide ? hooks.afterDecide(ctx, decision) : null),
  };
}
