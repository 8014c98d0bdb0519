import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { IDEMPOTENCY_HEADER, type CommandResponse } from '../../shared/api/http';
import type { CommandType } from '../../shared/domain/commands';
import { IdSchema, type Order } from '../../shared/domain/entities';
import type { AuthService, Authenticated } from '../auth/service';
import { applyAdminOperation, type AdminRequest } from '../commands/admin';
import { applyCommand, type Attachment, type CommandEnv } from '../commands/apply-command';
import { canSee } from '../commands/access';
import { loadOrder, orderCacheOf } from '../commands/store';
import { fail, rejectionError } from './errors';
import type { IssuedPayload } from './issued-payload';
import type { FailureLimiter } from './rate-limit';
import type { Router } from './route';
import { orderResponse } from './views';

export interface AppContext {
  env: CommandEnv;
  auth: AuthService;
  router: Router;
  /** Failed logins, refreshes and password changes per client address. */
  failures: FailureLimiter;
}

/** The command id of an HTTP request: its Idempotency-Key (a UUID) or a new one. */
export function commandIdOf(req: FastifyRequest): string {
  const key = req.headers[IDEMPOTENCY_HEADER];
  if (key === undefined) return randomUUID();
  const r = IdSchema.safeParse(Array.isArray(key) ? key[0] : key);
  if (!r.success)
    throw fail.badRequest(
      'Header Idempotency-Key harus berupa UUID.',
      'The Idempotency-Key header must be a UUID.',
    );
  return r.data;
}

/** Optional `X-Base-Version`: the version of the entity the user saw (guards against stale edits). */
export function baseVersionOf(req: FastifyRequest): number | null {
  const v = req.headers['x-base-version'];
  if (v === undefined) return null;
  const s = Array.isArray(v) ? v[0] : v;
  if (!s || !/^\d{1,9}$/.test(s))
    throw fail.badRequest(
      'Header X-Base-Version harus bilangan bulat.',
      'The X-Base-Version header must be an integer.',
    );
  return Number(s);
}

/** The client id of a command issued over HTTP: the signed-in user's (only signed-in routes issue commands). */
export const httpClientId = (auth: Authenticated) => `http:${auth.user.id}`;

/** Run one administrative operation (catalog, staff accounts) as the signed-in user; a refusal is the error answer. */
export async function adminOperation(
  app: AppContext,
  auth: Authenticated,
  op: Omit<AdminRequest, 'clientId' | 'actor'>,
): Promise<{ replayed: boolean }> {
  const r = await applyAdminOperation(app.env, { ...op, clientId: httpClientId(auth), actor: auth.actor });
  if (r.outcome.status === 'rejected') throw rejectionError(r.outcome);
  return r;
}

/** Run one command of an order through the command path and answer with the order as it is now. */
export async function orderCommand<T extends CommandType>(
  app: AppContext,
  req: FastifyRequest,
  auth: Authenticated,
  type: T,
  orderId: string,
  payload: IssuedPayload<T>,
  opts: { attachments?: Attachment[]; commandId?: string } = {},
): Promise<CommandResponse> {
  const commandId = opts.commandId ?? commandIdOf(req);
  const r = await applyCommand(app.env, {
    clientId: httpClientId(auth),
    command: { id: commandId, type, aggregateId: orderId, payload, baseVersion: baseVersionOf(req) },
    actor: auth.actor,
    attachments: opts.attachments,
    freshId: req.headers[IDEMPOTENCY_HEADER] === undefined,
  });
  if (r.outcome.status === 'rejected') throw rejectionError(r.outcome);
  let order = r.state as Order | null;
  if (!order)
    order =
      (await loadOrder(app.env.handle.db, orderId, { cache: orderCacheOf(app.env.handle) }))?.order ?? null;
  if (!order) throw fail.notFound();
  return {
    ...orderResponse(auth.actor, order),
    commandId,
    status: 'applied',
    version: r.outcome.version,
    replayed: r.replayed,
  };
}

/** An order the actor may read, or 404 (never 403: nobody learns that another customer's order exists). */
export async function visibleOrder(app: AppContext, auth: Authenticated, orderId: string): Promise<Order> {
  const loaded = await loadOrder(app.env.handle.db, orderId, { cache: orderCacheOf(app.env.handle) });
  if (!loaded || !canSee(auth.actor, loaded.order))
    throw fail.notFound('Pesanan tidak ditemukan.', 'Order not found.');
  return loaded.order;
}
