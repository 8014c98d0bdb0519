/** Customer accounts (steps 2-3). */
import { reject } from '../rejections';
import { emit, type Handlers } from './context';

export const ACCOUNT_HANDLERS = {
  'account.register': (ctx) => {
    const p = ctx.payload;
    ctx.account = {
      version: 0,
      customer: {
        ...p,
        status: 'pending_activation',
        registeredAt: ctx.at,
        activatedAt: null,
        activatedBy: null,
      },
    };
    emit(ctx, 'account', p.id, null, 'pending_activation');
  },
  'account.activate': (ctx) => {
    const c = ctx.account!.customer;
    if (c.id !== ctx.payload.customerId)
      return reject('invalid_payload', 'Id pelanggan tidak cocok.', 'Customer id does not match.');
    emit(ctx, 'account', c.id, c.status, 'active');
    c.status = 'active';
    c.activatedAt = ctx.at;
    c.activatedBy = ctx.actor.userId;
  },
  'account.deactivate': (ctx) => {
    const c = ctx.account!.customer;
    if (c.id !== ctx.payload.customerId)
      return reject('invalid_payload', 'Id pelanggan tidak cocok.', 'Customer id does not match.');
    emit(ctx, 'account', c.id, c.status, 'deactivated', { reason: ctx.payload.reason });
    c.status = 'deactivated';
  },
} satisfies Partial<Handlers>;
