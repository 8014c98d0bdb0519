import type { ZodType, output } from 'zod';
import { CommandResponseSchema } from '../../shared/api/http';
import type { CommandType } from '../../shared/domain/commands';
import { orderCommand, type AppContext } from './context';
import { withCreated } from './created';
import type { IssuedPayload } from './issued-payload';

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
