import type { CommandType } from '../../../shared/domain/commands';
import type { Order, Sample } from '../../../shared/domain/entities';
import { reject, type Rejection } from '../../../shared/domain/rejections';
import type { NumberKind } from '../../../shared/numbering';
import type { HookCtx } from '../hooks';
import { reserveNumber, type Reservation } from '../numbers';

export const invalid = (id: string, en: string): Rejection => reject('invalid_payload', id, en);

/** The next number of this kind for the server's unit, reserved in the command's transaction. */
export function reserve(ctx: HookCtx<CommandType>, kind: NumberKind): Promise<Reservation> {
  const { env } = ctx;
  return reserveNumber(
    ctx.trx,
    env.handle.dialect,
    env.config.unitCode,
    kind,
    ctx.now,
    env.config.utcOffsetMinutes,
  );
}

export function sampleOf(order: Order | null, sampleId: string): Sample | undefined {
  return order?.samples.find((s) => s.id === sampleId);
}
