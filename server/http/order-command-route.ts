import type { ZodType, output } from 'zod';
import { CommandResponseSchema } from '../../shared/api/http';
import type { CommandType } from '../../shared/domain/commands';
import { orderCommand, type AppContext } from './context';
import { withCreated } from './created';
import type { BodyFieldsOf, CommandNaming, IssuedPayload } from './issued-payload';

/** A creating command's answer: where what it made is read (Location), as run and as documented. */
export interface CreatedBy<Params> {
  entity: 'report' | 'billing';
  location: (params: Params, id: string) => string;
  documented: string;
}

export interface OrderCommandRoute<
  T extends CommandType,
  P extends ZodType<{ orderId: string }>,
  B extends ZodType,
> {
  type: T;
  method: 'POST' | 'PUT';
  url: string;
  summary: string;
  tags: string[];
  params: P;
  body: B;
  /** The command's payload from the path (its ids beyond the order) and the body. */
  payload: (params: output<P>, body: output<B>) => IssuedPayload<T>;
  created?: CreatedBy<output<P>>;
}

/**
 * An operation that is one command on an order, issued by any signed-in user (the domain core
 * decides who may), answered with the order as the command left it.
 */
export function addOrderCommandRoute<
  T extends CommandType,
  P extends ZodType<{ orderId: string }>,
  B extends ZodType,
>(app: AppContext, route: OrderCommandRoute<T, P, B>): void {
  const { created } = route;
  app.router.add({
    method: route.method,
    url: route.url,
    summary: route.summary,
    tags: route.tags,
    access: 'user',
    params: route.params,
    body: route.body,
    response: CommandResponseSchema,
    ...(created ? { status: 201, location: created.documented } : {}),
    handler: async ({ req, reply, params, body, auth }) => {
      const res = await orderCommand(app, req, auth, route.type, params.orderId, route.payload(params, body));
      if (!created) return res;
      return withCreated(app, reply, res, params.orderId, created.entity, (id) =>
        created.location(params, id),
      );
    },
  });
}

/** Where in an order a family of operations acts: its address, tags, and the ids its path names. */
export interface PathScope<P extends ZodType<{ orderId: string }>, Key extends string> {
  url: string;
  tags: string[];
  params: P;
  ids: (params: output<P>) => Record<Key, string>;
}

/**
 * The operations on one thing in an order (a sample, an analysis, a report): each is one command
 * whose payload names that thing, with the body's fields (all of them fields of the payload).
 */
export function commandsOn<P extends ZodType<{ orderId: string }>, Key extends string>(
  app: AppContext,
  scope: PathScope<P, Key>,
) {
  return <T extends CommandNaming<Key>, B extends ZodType<IssuedPayload<T>>>(
    type: T,
    method: 'POST' | 'PUT',
    path: string,
    summary: string,
    body: B & BodyFieldsOf<T, B>,
  ) =>
    addOrderCommandRoute(app, {
      type,
      method,
      url: `${scope.url}/${path}`,
      summary,
      tags: scope.tags,
      params: scope.params,
      body,
      payload: (params, b) => ({ ...scope.ids(params), ...b }),
    });
}
