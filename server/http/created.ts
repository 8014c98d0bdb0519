import type { CommandResponse } from '../../shared/api/http';
import type { AppContext } from './context';
import { fail } from './errors';

/**
 * What a creating command made (a report, a billing, a proof): its id read from the command's own
 * audit rows, so a resend (same Idempotency-Key) names the same thing. Sets Location and createdId.
 */
export async function withCreated(
  app: AppContext,
  reply: { header(name: string, value: string): unknown },
  res: CommandResponse,
  orderId: string,
  entity: 'report' | 'billing' | 'proof',
  location: (id: string) => string,
): Promise<CommandResponse> {
  const row = await app.env.handle.db
    .selectFrom('audit_log')
    .select('entity_id')
    .where('command_id', '=', res.commandId)
    .where('order_id', '=', orderId)
    .where('entity', '=', entity)
    .orderBy('seq')
    .orderBy('idx')
    .executeTakeFirst();
  if (!row) throw fail.notFound();
  void reply.header('location', location(row.entity_id));
  return { ...res, createdId: row.entity_id };
}
