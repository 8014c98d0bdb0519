/** Results: a retest's new analysis gets the client's id or a new one, and its analyst must fit the lab. */
import { randomUUID } from 'node:crypto';
import type { SomeHooks } from '../hooks';
import { sampleOf } from './common';
import { checkAnalyst } from './people';

export const RESULTS_HOOKS = {
  'analysis.request_retest': {
    prepare: async (ctx) => ({ fields: { newAnalysisId: ctx.request.newAnalysisId ?? randomUUID() } }),
    async afterDecide(ctx) {
      const { analystId, sampleId } = ctx.request;
      if (!analystId) return null;
      return checkAnalyst(ctx.trx, analystId, sampleOf(ctx.order, sampleId)?.labId ?? null);
    },
  },
} satisfies SomeHooks;
