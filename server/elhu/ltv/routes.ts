/**
 * HTTP side of the long-term signatures: the long-term work started with the server (and told by
 * step 19), the demo TSA (POST /tsa) and the demo CA's CRL (GET /pki/demo-ca.crl) when the server
 * runs the demo PKI, and the Admin Satker's re-timestamping of archived reports
 * (POST /api/v1/elhu/retimestamp).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { API_PREFIX } from '../../../shared/api/http';
import type { AppContext } from '../../http/context';
import { fail } from '../../http/errors';
import { HttpCrlSource } from './crl';
import { loadDemoPki, type DemoPki } from './demo-pki';
import { LtvService } from './service';
import { HttpTsa } from './tsa-client';
import type { TimestampSource } from './timestamp-token';

export const RetimestampRequestSchema = z.strictObject({
  /** Re-timestamp the reports whose last timestamp's certificate ends within this many days. */
  withinDays: z.number().int().min(0).max(36_500).default(365),
});
export const RetimestampResponseSchema = z.object({
  withinDays: z.number(),
  reports: z.array(
    z.object({
      reportId: z.string(),
      ok: z.boolean(),
      level: z.string(),
      archiveUntil: z.string().nullable(),
      error: z.string().nullable(),
    }),
  ),
});

/** The service for this server's configuration; null when it has no TSA (reports stay at B-B). */
export function ltvServiceFor(
  env: Pick<AppContext['env'], 'config' | 'handle'>,
  demo: DemoPki | null,
  log?: (msg: string, detail: Record<string, unknown>) => void,
): LtvService | null {
  const { config, handle } = env;
  const tsa: TimestampSource | null = config.tsaUrl ? new HttpTsa(config.tsaUrl) : (demo?.tsa ?? null);
  if (!tsa) return null;
  const local = new Map<string, () => Uint8Array>(demo ? [[demo.crlUrl, () => demo.crl()]] : []);
  return new LtvService({
    handle,
    now: config.now,
    tsa,
    crls: new HttpCrlSource(local),
    caCertificates: demo ? [demo.ca] : [],
    ...(log ? { log } : {}),
  });
}

export function ltvRoutes(app: AppContext, root: FastifyInstance): LtvService | null {
  const { config } = app.env;
  const demo = config.demoPki ? loadDemoPki({ now: config.now }) : null;
  const service = ltvServiceFor(app.env, demo, (msg, detail) => root.log.info(detail, msg));
  if (service) {
    app.env.ltv = service;
    root.addHook('onReady', async () => service.start());
    root.addHook('onClose', async () => service.stop());
  }

  if (demo) {
    root.get('/pki/demo-ca.crl', async (_req, reply) =>
      reply.header('content-type', 'application/pkix-crl').send(Buffer.from(demo.crl())),
    );
    root.register(async (scope) => {
      scope.addContentTypeParser(
        'application/timestamp-query',
        { parseAs: 'buffer', bodyLimit: 64 * 1024 },
        (_req, body, done) => done(null, body),
      );
      scope.post('/tsa', async (req, reply) => {
        if (!Buffer.isBuffer(req.body)) {
          return reply.code(415).send({
            error: {
              code: 'unsupported_media_type',
              message: {
                id: 'Kirim permintaan application/timestamp-query (RFC 3161).',
                en: 'Send an application/timestamp-query request (RFC 3161).',
              },
            },
          });
        }
        return reply
          .header('content-type', 'application/timestamp-reply')
          .send(Buffer.from(demo.tsa.respond(new Uint8Array(req.body))));
      });
    });
  }

  app.router.add({
    method: 'POST',
    url: `${API_PREFIX}/elhu/retimestamp`,
    summary:
      'Admin Satker: cap waktu ulang E-LHU arsip sebelum sertifikat cap waktunya berakhir (PAdES B-LTA) / re-timestamp archived reports before their timestamp certificate ends',
    tags: ['reports'],
    access: ['admin_satker'],
    body: RetimestampRequestSchema,
    response: RetimestampResponseSchema,
    handler: async ({ body }) => {
      if (!service) {
        throw fail.conflict(
          'Server ini belum memiliki otoritas cap waktu (TSA): atur SIPPT_TSA_URL lalu jalankan ulang server.',
          'This server has no time-stamping authority (TSA): set SIPPT_TSA_URL and restart the server.',
        );
      }
      await service.runDue(); // pending work first (a TSA that was down)
      return { withinDays: body.withinDays, reports: await service.retimestampExpiring(body.withinDays) };
    },
  });
  return service;
}
