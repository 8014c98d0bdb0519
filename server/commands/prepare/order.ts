/** Orders: the id and unit are the server's, the samples' data the catalog's, the order number a sequence's. */
import type { SomeHooks } from '../hooks';
import { resolveSamples } from './catalog';
import { reserve } from './common';

export const ORDER_HOOKS = {
  'order.submit': {
    async prepare(ctx) {
      const samples = await resolveSamples(ctx.trx, ctx.request.samples);
      if (!Array.isArray(samples)) return samples;
      return { fields: { orderId: ctx.aggregateId, unitCode: ctx.env.config.unitCode, samples } };
    },
  },
  'order.resubmit': {
    async prepare(ctx) {
      const samples = await resolveSamples(ctx.trx, ctx.request.samples);
      return Array.isArray(samples) ? { fields: { samples } } : samples;
    },
  },
  'order.validate': {
    async prepare(ctx) {
      // A resubmitted order keeps the number it was given.
      if (ctx.order?.number) return { fields: { orderNumber: ctx.order.number } };
      const r = await reserve(ctx, 'order');
      return { fields: { orderNumber: r.number }, reservations: [r] };
    },
  },
} satisfies SomeHooks;
