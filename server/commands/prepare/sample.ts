/** Samples: the sample number is a sequence's; lab, Penyelia, MT and analysts must exist and fit. */
import type { SomeHooks } from '../hooks';
import { reserve, sampleOf } from './common';
import { checkAnalyst, checkRegistration } from './people';

export const SAMPLE_HOOKS = {
  'sample.register': {
    async prepare(ctx) {
      // A replacement for a rejected sample keeps its number.
      const number = sampleOf(ctx.order, ctx.request.sampleId)?.number;
      if (number) return { fields: { sampleNumber: number } };
      const r = await reserve(ctx, 'sample');
      return { fields: { sampleNumber: r.number }, reservations: [r] };
    },
    afterDecide: (ctx) => checkRegistration(ctx.trx, ctx.request),
  },
  'sample.assign_analysts': {
    async afterDecide(ctx) {
      const labId = sampleOf(ctx.order, ctx.request.sampleId)?.labId ?? null;
      for (const a of ctx.request.assignments) {
        const bad = await checkAnalyst(ctx.trx, a.analystId, labId);
        if (bad) return bad;
      }
      return null;
    },
  },
} satisfies SomeHooks;
