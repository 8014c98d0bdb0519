import type { IncomingMessage, ServerResponse } from 'node:http';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import multipart from '@fastify/multipart';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { API_PREFIX, type ErrorResponse } from '../../shared/api/http';
import { pinoRedactPaths, REDACTED } from '../../node-shared/log-secrets';
import { AuthService, tokenSecret } from '../auth/service';
import { ensureUnit } from '../catalog/repo';
import type { ServerConfig } from '../config';
import type { DbHandle } from '../db/connect';
import { elhuReportServices } from '../reports/elhu';
import { sharedPdfPool, type PdfPool } from '../reports/pdf-pool';
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
import { releaseRoutes } from './routes/releases';
import { syncRoutes } from './routes/sync';
import { VERIFY_UPLOAD_ROUTES, verifyRoutes } from './routes/verify';
import { ltvRoutes } from '../elhu/ltv/routes';

export interface BuildOptions {
  db: DbHandle;
  config: ServerConfig;
  /**
   * Fastify logger options (the CLI's: the secrets of node-shared/log-secrets.ts are redacted), a
   * pino logger (the caller's own options; SERVER_LOG_REDACT is the redaction), or false (tests).
   */
  logger?: FastifyBaseLogger | FastifyServerOptions['logger'];
  /** E-LHU rendering and signature verification (default: shared/elhu + server/elhu, registered certificates required). */
  reports?: ReportServices;
  /** Worker threads of the PDF work (default: the process's pool, one thread per core). */
  pdfPool?: PdfPool;
}

/** pino's redaction of the one secret list: passwords, tokens and the headers that carry them never reach the log. */
export const SERVER_LOG_REDACT = { paths: pinoRedactPaths(), censor: REDACTED };

function withRedaction(logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger) return false;
  return { ...(logger === true ? {} : logger), redact: SERVER_LOG_REDACT };
}

/** The SIPPT server as a Fastify instance (not listening): tests use inject or listen on port 0. */
export async function buildServer(opts: BuildOptions): Promise<FastifyInstance> {
  const { config, db: handle } = opts;
  const isInstance = opts.logger && typeof (opts.logger as FastifyBaseLogger).child === 'function';
  const app = Fastify({
    ...(isInstance
      ? { loggerInstance: opts.logger as FastifyBaseLogger }
      : { logger: withRedaction(opts.logger as FastifyServerOptions['logger']) }),
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    requestTimeout: config.requestTimeoutMs,
    return503OnClosing: true,
    genReqId: () => randomUUID(),
    routerOptions: { maxParamLength: 200 },
    // Requests Node's HTTP parser refuses before Fastify sees them (a control character in a header,
    // headers too large, a timeout): answered in the error shape too.
    clientErrorHandler: (err, socket) =>
      clientError(err as unknown as Error & { code?: string; rawPacket?: Buffer }, socket),
    // Errors the router raises before any route (bad URL encoding, a path segment too long).
    frameworkErrors: (err, _req, reply) => {
      const { status, body } = toErrorResponse(err);
      void (reply as unknown as { code(n: number): { send(b: unknown): void } }).code(status).send(body);
    },
  });
  // Expect: 100-continue. The public PDF check admits an upload before its body is read and sends
  // the 100 Continue itself (routes/verify.ts), so a refused client never sends its 10 MB; every
  // other request is told to go on at once, as Node would without this listener.
  app.server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    if (!VERIFY_UPLOAD_ROUTES.has(`${req.method} ${(req.url ?? '').split('?')[0]}`)) res.writeContinue();
    app.server.emit('request', req, res);
  });
  // JSON only: a text/plain body is refused with 415 rather than half-understood.
  app.removeContentTypeParser('text/plain');
  await app.register(multipart, {
    limits: {
      fileSize: config.uploadLimit,
      files: 1,
      fields: 5,
      parts: 6,
      fieldSize: 2000,
      headerPairs: 100,
    },
  });

  const failures = await registerRateLimits(app, handle, config);
  const pool = opts.pdfPool ?? sharedPdfPool();

  await ensureUnit(handle.db, config.unitCode, config.now());
  const auth = new AuthService(handle, config, await tokenSecret(handle, config.tokenSecret));
  const router = createRouter(app, config, (req) => auth.authenticate(req));
  const ctx: AppContext = {
    env: {
      handle,
      config,
      reports: opts.reports ?? elhuReportServices({ requireRegisteredCertificate: true, pool }),
    },
    auth,
    router,
    failures,
  };

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
    // A refusal the server chose (503 busy, with Retry-After) is not a failure: under load it
    // would write a stack trace per refused upload.
    if (
      status >= 500 &&
      !(err instanceof AppError && err.code === 'not_available' && err.headers?.['retry-after'])
    )
      req.log.error({ err }, 'request failed');
    else req.log.info({ code: body.error.code, status }, 'request refused');
    for (const [k, v] of Object.entries(headers)) reply.header(k, v);
    return reply.code(status).send(body);
  });
  // Every route's path pattern and methods: a known path with a wrong method is a 405 with Allow.
  const routes: { pattern: RegExp; methods: Set<string> }[] = [];
  app.addHook('onRoute', (r) => {
    const source = `^${r.url
      .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
      .replace(/:[A-Za-z0-9_]+/g, '[^/]+')
      .replace(/\*/g, '.*')}/?$`;
    let entry = routes.find((x) => x.pattern.source === source);
    if (!entry) routes.push((entry = { pattern: new RegExp(source), methods: new Set() }));
    for (const m of Array.isArray(r.method) ? r.method : [r.method]) entry.methods.add(m);
  });
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0]!;
    const shown = path.slice(0, 200);
    const allowed = new Set<string>();
    for (const r of routes) if (r.pattern.test(path)) for (const m of r.methods) allowed.add(m);
    if (allowed.size > 0) {
      const allow = [...allowed].sort().join(', ');
      return reply
        .code(405)
        .header('allow', allow)
        .send({
          error: {
            code: 'method_not_allowed',
            message: {
              id: `Metode ${req.method} tidak berlaku untuk ${shown}; gunakan ${allow}.`,
              en: `${req.method} is not allowed on ${shown}; use ${allow}.`,
            },
          },
        } satisfies ErrorResponse);
    }
    return reply.code(404).send({
      error: {
        code: 'not_found',
        message: {
          id: `Alamat tidak ditemukan: ${req.method} ${shown}`,
          en: `No such endpoint: ${req.method} ${shown}`,
        },
      },
    } satisfies ErrorResponse);
  });

  healthRoutes(ctx);
  authRoutes(ctx);
  accountRoutes(ctx);
  catalogRoutes(ctx);
  orderRoutes(ctx);
  paymentRoutes(ctx, app);
  sampleRoutes(ctx);
  reportRoutes(ctx, pool);
  auditRoutes(ctx);
  calendarRoutes(ctx);
  recordRoutes(ctx);
  syncRoutes(ctx);
  releaseRoutes(ctx, app);
  verifyRoutes(ctx, app, pool);
  ltvRoutes(ctx, app);
  portalRoutes(ctx, app);

  let document: Record<string, unknown> | null = null;
  app.get(
    `${API_PREFIX}/openapi.json`,
    async () => (document ??= openApiDocument(router.specs, { title: 'SIPPT Lab API', version: '1' })),
  );
  return app;
}

/**
 * A request Node's HTTP parser refused: the error shape, then the connection closes. A control
 * character in the Authorization header is a 401 (the credentials are unusable), in any other header
 * a 400.
 */
function clientError(err: Error & { code?: string; rawPacket?: Buffer }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  let status = 400;
  let body: ErrorResponse = {
    error: {
      code: 'bad_request',
      message: { id: 'Permintaan HTTP tidak valid.', en: 'Malformed HTTP request.' },
    },
  };
  const extra: string[] = [];
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    status = 408;
    body = {
      error: {
        code: 'bad_request',
        message: {
          id: 'Permintaan tidak selesai dikirim tepat waktu.',
          en: 'The request did not arrive in time.',
        },
      },
    };
  } else if (err.code === 'HPE_HEADER_OVERFLOW') {
    status = 431;
    body = {
      error: {
        code: 'bad_request',
        message: { id: 'Header permintaan terlalu besar.', en: 'The request headers are too large.' },
      },
    };
  } else if (
    err.code === 'HPE_INVALID_HEADER_TOKEN' ||
    err.code === 'HPE_INVALID_HEADER_VALUE' ||
    /header/i.test(err.message)
  ) {
    const bad = offendingHeader(err.rawPacket);
    if (bad === 'authorization') {
      status = 401;
      extra.push('WWW-Authenticate: Bearer');
      body = {
        error: {
          code: 'unauthorized',
          message: { id: 'Format token tidak valid.', en: 'Malformed access token.' },
        },
      };
    } else {
      body = {
        error: {
          code: 'bad_request',
          message: bad
            ? {
                id: `Header "${bad}" berisi karakter yang tidak diizinkan.`,
                en: `The "${bad}" header contains a character that is not allowed.`,
              }
            : {
                id: 'Header permintaan berisi karakter yang tidak diizinkan.',
                en: 'A request header contains a character that is not allowed.',
              },
        },
      };
    }
  }
  const json = JSON.stringify(body);
  if (socket.writable) {
    socket.write(
      [
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
        'Content-Type: application/json; charset=utf-8',
        `Content-Length: ${Buffer.byteLength(json)}`,
        'Connection: close',
        ...extra,
        '',
        json,
      ].join('\r\n'),
    );
  }
  socket.destroy();
}

/** The lower-case name of the first header line of a raw request that holds a control character. */
function offendingHeader(raw: Buffer | undefined): string | null {
  if (!raw) return null;
  const lines = raw.toString('latin1').split('\r\n').slice(1);
  for (const line of lines) {
    if (line === '') break;
    const colon = line.indexOf(':');
    // eslint-disable-next-line no-control-regex
    if (colon > 0 && /[\u0000-\u0008\u000a-\u001f\u007f]/.test(line))
      return (
        line
          .slice(0, colon)
          .trim()
          .toLowerCase()
          .replace(/[^a-z0-9-]/g, '')
          .slice(0, 60) || null
      );
  }
  return null;
}

/** Every error as {error: {code, message: {id, en}}}: 4xx a person can act on; 5xx only for bugs and outages. */
export function toErrorResponse(err: unknown): {
  status: number;
  body: ErrorResponse;
  headers: Record<string, string>;
} {
  if (err instanceof AppError) {
    return {
      status: err.statusCode,
      body: { error: { code: err.code, message: err.msg, ...(err.issues ? { issues: err.issues } : {}) } },
      headers: err.headers ?? {},
    };
  }
  const e = err as { code?: string; statusCode?: number; message?: string };
  const m = (code: ErrorResponse['error']['code'], status: number, id: string, en: string) => ({
    status,
    body: { error: { code, message: { id, en } } },
    headers: {},
  });
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_PARTS_LIMIT':
    case 'FST_FILES_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return m(
        'payload_too_large',
        413,
        'Data atau berkas yang dikirim terlalu besar.',
        'The data or file sent is too large.',
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return m(
        'unsupported_media_type',
        415,
        'Jenis konten tidak didukung; kirim application/json.',
        'Unsupported content type; send application/json.',
      );
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return m(
        'bad_request',
        400,
        'Badan permintaan JSON kosong; kirim {} bila tidak ada data.',
        'Empty JSON body; send {} when there is no data.',
      );
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return m(
        'bad_request',
        400,
        'Badan permintaan bukan JSON yang valid.',
        'The request body is not valid JSON.',
      );
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return m(
        'bad_request',
        400,
        'Panjang konten tidak sesuai dengan badan permintaan.',
        'Content length does not match the body.',
      );
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
    return m(
      'bad_request',
      400,
      'Badan permintaan bukan JSON yang valid.',
      'The request body is not valid JSON.',
    );
  }
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return m(
      'bad_request',
      e.statusCode,
      'Permintaan tidak dapat diproses; periksa data yang dikirim.',
      `The request cannot be processed: ${String(e.message ?? '').slice(0, 200)}`,
    );
  }
  return m(
    'internal_error',
    500,
    'Terjadi kesalahan pada server. Coba lagi nanti.',
    'Something went wrong on the server. Try again later.',
  );
}
