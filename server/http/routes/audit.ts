import { API_PREFIX, AuditListResponseSchema, AuditQuerySchema } from '../../../shared/api/http';
import { actorPrincipals, isUnitWide } from '../../commands/access';
import type { AppContext } from '../context';

/** The audit trail (append-only): Admin Satker reads all of it, an MT the orders of their lab. */
export function auditRoutes(app: AppContext): void {
  const db = app.env.handle.db;
  app.router.add({
    method: 'GET',
    url: `${API_PREFIX}/audit`,
    summary: 'Jejak audit: siapa, peran, kapan, perintah, entitas, sebelum/sesudah, alasan / the audit trail',
    tags: ['audit'],
    access: { permission: 'audit.read' },
    query: AuditQuerySchema,
    response: AuditListResponseSchema,
    handler: async ({ query, auth }) => {
      const actor = auth.actor;
      let q = db
        .selectFrom('audit_log')
        .selectAll()
        .orderBy('seq', 'desc')
        .orderBy('idx', 'desc')
        .limit(query.limit + 1);
      if (actor.role !== 'admin_satker') {
        q = q.where('order_id', 'is not', null);
        if (!isUnitWide(actor))
          q = q.where(
            'order_id',
            'in',
            db.selectFrom('order_access').select('order_id').where('principal', 'in', actorPrincipals(actor)),
          );
      }
      if (query.orderId) q = q.where('order_id', '=', query.orderId);
      if (query.entityId) q = q.where('entity_id', '=', query.entityId);
      if (query.before) {
        const [s, i] = query.before.split(':').map(Number) as [number, number];
        q = q.where((eb) => eb.or([eb('seq', '<', s), eb.and([eb('seq', '=', s), eb('idx', '<', i)])]));
      }
      const rows = await q.execute();
      const page = rows.slice(0, query.limit);
      const last = page[page.length - 1];
      return {
        entries: page.map((r) => ({
          position: `${r.seq}:${r.idx}`,
          at: r.at,
          actorId: r.actor_id,
          role: r.role,
          commandId: r.command_id,
          command: r.command_type,
          step: r.step,
          entity: r.entity,
          entityId: r.entity_id,
          orderId: r.order_id,
          sampleId: r.sample_id,
          from: r.from_state,
          to: r.to_state,
          reason: r.reason,
          before: r.before === null ? null : JSON.parse(r.before),
          after: r.after === null ? null : JSON.parse(r.after),
        })),
        nextBefore: rows.length > query.limit && last ? `${last.seq}:${last.idx}` : null,
      };
    },
  });
}
