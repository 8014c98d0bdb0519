import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import multipart from '@fastify/multipart';
import { randomUUID } from 'node:crypto';
import { API_PREFIX, type ErrorResponse } from '../../shared/api/http';
import { AuthService, tokenSecret } from '../auth/service';
import { ensureUnit } from '../catalog/repo';
import type { ServerConfig } from '../config';
import type { DbHandle } from '../db/connect';
import { elhuReportServices } from '../reports/elhu';
import type { ReportServices } from '../reports/services';
import type { AppContext } from './context';
import { AppError } from './errors';
import { registerRateLimits } from './rate-limit';
import { createRouter, openApiDocument } from './route';
import { accountRoutes } from './routes/accounts';
import { auditRoutes } from './routes/audit';
import { calendarRoutes } from './routes/calendar';
import { authRoutes } from './routes/auth';
import { catalogRoutes } from './routes/catalog';
import { healthRoutes } from './routes/health';
import { orderRoutes } from './routes/orders';
import { paymentRoutes } from './routes/payments';
import { recordRoutes } from './routes/records';
import { portalRoutes } from './routes/portal';
import { reportRoutes } from './routes/reports';
import { sampleRoutes } from './routes/samples';
import { syncRoutes } from './routes/sync';
import { verifyRoutes } from './routes/verify';

export interface BuildOptions {
  db: DbHandle;
  config: ServerConfig;
  /** A pino logger, Fastify logger options, or false (tests). */
  logger?: FastifyBaseLogger | FastifyServerOptions['logger'];
  /** E-LHU rendering and signature verification (default: shared/elhu + server/elhu, registered certificates required). */
  reports?: ReportServices;
}

/** The SIPPT server as a Fastify instance (not listening): tests use inject or listen on port 0. */
export async function buildServer(opts: BuildOptions): Promise<FastifyInstance> {
  const { config, db: handle } = opts;
  const isInstance = opts.logger && typeof (opts.logger as FastifyBaseLogger).child === 'function';
  const app = Fastify({
    ...(isInstance ? { loggerInstance: opts.logger as FastifyBaseLogger } : { logger: (opts.logger as FastifyServerOptions['logger']) ?? false }),
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    requestTimeout: config.requestTimeoutMs,
    return503OnClosing: true,
    genReqId: () => randomUUID(),
    routerOptions: { maxParamLength: 200 },
    // Errors the router raises before any route (bad URL encoding, a path segment too long).
    frameworkErrors: (err, _req, reply) => {
      const { status, body } = toErrorResponse(err);
      void (reply as unknown as { code(n: number): { send(b: unknown): void } }).code(status).send(body);
    },
  });
  // JSON only: a text/plain body is refused with 415 rather than half-understood.
  app.removeContentTypeParser('text/plain');
  await app.register(multipart, { limits: { fileSize: config.uploadLimit, files: 1, fields: 5, parts: 6, fieldSize: 2000, headerPairs: 100 } });

  const failures = await registerRateLimits(app, handle, config);

  await ensureUnit(handle.db, config.unitCode, config.now());
  const auth = new AuthService(handle, config, await tokenSecret(handle, config.tokenSecret));
  const router = createRouter(app, config, (req) => auth.authenticate(req));
  const ctx: AppContext = { env: { handle, config, reports: opts.reports ?? elhuReportServices({ requireRegisteredCertificate: true }) }, auth, router, failures };

  // Graceful shutdown: requests in flight finish, and their connections close after the answer.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_req, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('cache-control', 'no-store');
    reply.header('referrer-policy', 'no-referrer');
    return payload;
  });

  app.setErrorHandler((err, req, reply) => {
    const { status, body, headers } = toErrorResponse(err);
    if (status >= 500) req.log.error({ err }, 'request failed');
    else req.log.info({ code: body.error.code, status }, 'request refused');
    for (const [k, v] of Object.entries(headers)) reply.header(k, v);
    return reply.code(status).send(body);
  });
  app.setNotFoundHandler((req, reply) =>
    reply.code(404).send({
      error: {
        code: 'not_found',
        message: { id: `Alamat tidak ditemukan: ${req.method} ${req.url.split('?')[0]!.slice(0, 200)}`, en: `No such endpoint: ${req.method} ${req.url.split('?')[0]!.slice(0, 200)}` },
      },
    } satisfies ErrorResponse),
  );

  healthRoutes(ctx);
  authRoutes(ctx);
  accountRoutes(ctx);
  catalogRoutes(ctx);
  orderRoutes(ctx);
  paymentRoutes(ctx, app);
  sampleRoutes(ctx);
  reportRoutes(ctx);
  auditRoutes(ctx);
  calendarRoutes(ctx);
  recordRoutes(ctx);
  syncRoutes(ctx);
  verifyRoutes(ctx, app);
  portalRoutes(ctx, app);

  let document: Record<string, unknown> | null = null;
  app.get(`${API_PREFIX}/openapi.json`, async () => (document ??= openApiDocument(router.specs, { title: 'SIPPT Lab API', version: '1' })));
  return app;
}

/** Every error as {error: {code, message: {id, en}}}: 4xx a person can act on; 5xx only for bugs and outages. */
export function toErrorResponse(err: unknown): { status: number; body: ErrorResponse; headers: Record<string, string> } {
  if (err instanceof AppError) {
    return { status: err.statusCode, body: { error: { code: err.code, message: err.msg, ...(err.issues ? { issues: err.issues } : {}) } }, headers: err.headers ?? {} };
  }
  const e = err as { code?: string; statusCode?: number; message?: string };
  const m = (code: ErrorResponse['error']['code'], status: number, id: string, en: string) => ({ status, body: { error: { code, message: { id, en } } }, headers: {} });
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_PARTS_LIMIT':
    case 'FST_FILES_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return m('payload_too_large', 413, 'Data atau berkas yang dikirim terlalu besar.', 'The data or file sent is too large.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return m('unsupported_media_type', 415, 'Jenis konten tidak didukung; kirim application/json.', 'Unsupported content type; send application/json.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return m('bad_request', 400, 'Badan permintaan JSON kosong; kirim {} bila tidak ada data.', 'Empty JSON body; send {} when there is no data.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return m('bad_request', 400, 'Badan permintaan bukan JSON yang valid.', 'The request body is not valid JSON.');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return m('bad_request', 400, 'Panjang konten tidak sesuai dengan badan permintaan.', 'Content length does not match the body.');
    case 'FST_PROTO_VIOLATION':
    case 'FST_INVALID_JSON_FIELD_ERROR':
      return m('bad_request', 400, 'Kolom formulir tidak valid.', 'Invalid form field.');
    case 'FST_ERR_BAD_URL':
      return m('bad_request', 400, 'Alamat (URL) tidak valid.', 'Invalid URL.');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return m('bad_request', 414, 'Alamat (URL) terlalu panjang.', 'The URL is too long.');
    default:
      break;
  }
  if (err instanceof SyntaxError || (e.statusCode === 400 && /JSON/i.test(e.message ?? ''))) {
    return m('bad_request', 400, 'Badan permintaan bukan JSON yang valid.', 'The request body is not valid JSON.');
  }
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return m('bad_request', e.statusCode, 'Permintaan tidak dapat diproses; periksa data yang dikirim.', `The request cannot be processed: ${String(e.message ?? '').slice(0, 200)}`);
  }
  return m('internal_error', 500, 'Terjadi kesalahan pada server. Coba lagi nanti.', 'Something went wrong on the server. Try again later.');
}
