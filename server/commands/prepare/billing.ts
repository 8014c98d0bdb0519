/** E-billing and payments: the billing's id, code and expiry are the server's; a proof's file must be on the order. */
import { randomInt, randomUUID } from 'node:crypto';
import type { Trx } from '../../db/schema';
import type { HookCtx, Prepared, SomeHooks } from '../hooks';
import { invalid } from './common';

async function issue(ctx: HookCtx<'billing.issue' | 'billing.reissue'>): Promise<Prepared<'billing.issue'>> {
  const expiresAt = new Date(ctx.now.getTime() + ctx.env.config.billingExpiryDays * 86_400_000);
  return {
    fields: {
      billingId: randomUUID(),
      code: await uniqueBillingCode(ctx.trx),
      expiresAt: expiresAt.toISOString(),
    },
  };
}

export const BILLING_HOOKS = {
  'billing.issue': { prepare: issue },
  'billing.reissue': { prepare: issue },
  'payment.upload_proof': {
    async prepare(ctx) {
      const { fileId } = ctx.request;
      // The file comes with this request, or was uploaded to this order before.
      if (!ctx.attachments.some((a) => a.id === fileId && a.kind === 'payment_proof')) {
        const f = await ctx.trx
          .selectFrom('files')
          .select('id')
          .where('id', '=', fileId)
          .where('kind', '=', 'payment_proof')
          .where('order_id', '=', ctx.aggregateId)
          .executeTakeFirst();
        if (!f)
          return invalid(
            'Berkas bukti bayar tidak ditemukan; unggah berkasnya.',
            'Proof file not found; upload the file.',
          );
      }
      return { fields: { proofId: ctx.request.proofId ?? randomUUID() } };
    },
  },
} satisfies SomeHooks;

async function uniqueBillingCode(trx: Trx): Promise<string> {
  for (;;) {
    // SIMPONI-style 15 digits, never starting with 0.
    const code = `${randomInt(1, 10)}${String(randomInt(0, 1e7)).padStart(7, '0')}${String(randomInt(0, 1e7)).padStart(7, '0')}`;
    const taken = await trx.selectFrom('billings').select('code').where('code', '=', code).executeTakeFirst();
    if (!taken) return code;
  }
}
