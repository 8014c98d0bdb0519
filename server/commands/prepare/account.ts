/** Customer accounts: the account's id is the aggregate's, and one e-mail address has one account. */
import { reject } from '../../../shared/domain/rejections';
import type { SomeHooks } from '../hooks';

export const ACCOUNT_HOOKS = {
  'account.register': {
    async prepare({ trx, aggregateId, request }) {
      const taken = await trx
        .selectFrom('customers')
        .select('id')
        .where('email', '=', request.email)
        .executeTakeFirst();
      if (taken)
        return reject(
          'invalid_payload',
          'Alamat email ini sudah terdaftar.',
          'This e-mail address is already registered.',
        );
      return { fields: { id: aggregateId } };
    },
  },
} satisfies SomeHooks;
