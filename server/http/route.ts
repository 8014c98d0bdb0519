import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z, type ZodType } from 'zod';
import { ErrorResponseSchema, hasPermission, type HttpPermission } from '../../shared/api/http';
import type { Role } from '../../shared/sop/roles';
import type { RateLimit, ServerConfig } from '../config';
import type { Authenticated } from '../auth/service';
import { AppError, fail } from './errors';
import { rateLimitConfig } from './rate-limit';

/**
 * Routes are declared once with their zod schemas: the same declaration validates requests (and,
 * in tests, responses) and produces the OpenAPI document.
 */
export type Access = 'public' | 'user' | readonly Role[] | { permission: HttpPermission };

export interface RouteSpec<P extends ZodType = ZodType, Q extends ZodType = ZodType, B extends ZodType = ZodType> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  summary: string;
  tags: string[];
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  /** A multipart/form-data upload: documented fields; the handler reads the parts itself. */
  multipart?: { fields: Record<string, string> };
  response?: ZodType;
  /** Non-JSON response (a file): documented content type. */
  produces?: string;
  status?: number;
  bodyLimit?: number;
  /** Per-client-IP limit (every request counts, checked before the body is read): its name and budget. */
  rateLimit?: { name: string; limit: RateLimit };
  /** The body is documented but checked by the handler itself (e.g. after a signature check). */
  bodyCheckedByHandler?: boolean;
  /** Register on this (encapsulated) instance instead of the root, e.g. for a raw-body parser. */
  on?: FastifyInstance;
  handler: (ctx: HandlerCtx<z.output<P>, z.output<Q>, z.output<B>>) => Promise<unknown>;
}

export interface HandlerCtx<P, Q, B> {
  req: FastifyRequest;
  reply: FastifyReply;
  params: P;
  query: Q;
  body: B;
  auth: Authenticated | null;
}

export interface Router {
  add<P extends ZodType = ZodType, Q extends ZodType = ZodType, B extends ZodType = ZodType>(spec: RouteSpec<P, Q, B>): void;
  specs: RouteSpec[];
}

export function createRouter(app: FastifyInstance, config: ServerConfig, authenticate: (req: FastifyRequest) => Promise<Authenticated>): Router {
  const specs: RouteSpec[] = [];
  return {
    specs,
    add(spec) {
      specs.push(spec as unknown as RouteSpec);
      (spec.on ?? app).route({
        method: spec.method,
        url: spec.url,
        ...(spec.bodyLimit ? { bodyLimit: spec.bodyLimit } : {}),
        ...(spec.rateLimit ? { config: { rateLimit: rateLimitConfig(spec.rateLimit.name, spec.rateLimit.limit) } } : {}),
        handler: async (req, reply) => {
          let auth: Authenticated | null = null;
          if (spec.access !== 'public') {
            auth = await authenticate(req);
            if (!allowed(spec.access, auth.actor.role)) throw fail.forbidden();
          }
          const contentType = String(req.headers['content-type'] ?? '');
          if (spec.multipart && !contentType.startsWith('multipart/form-data')) {
            throw fail.unsupportedMedia('Kirim berkas sebagai multipart/form-data.', 'Send the file as multipart/form-data.');
          }
          if (!spec.multipart && contentType.startsWith('multipart/')) {
            throw fail.unsupportedMedia('Kirim data sebagai application/json.', 'Send the data as application/json.');
          }
          const params = spec.params ? parse(spec.params, req.params ?? {}, 'path') : undefined;
          const query = spec.query ? parse(spec.query, req.query ?? {}, 'query') : undefined;
          // No body at all counts as {} (a POST without data); anything sent must match the schema.
          const body = spec.body && !spec.bodyCheckedByHandler ? parse(spec.body, req.body === undefined ? {} : req.body, 'body') : undefined;
          const result = await spec.handler({ req, reply, params, query, body, auth } as HandlerCtx<never, never, never>);
          if (reply.sent) return reply;
          if (spec.response && config.validateResponses) {
            const check = spec.response.safeParse(result);
            if (!check.success) throw new Error(`response of ${spec.method} ${spec.url} does not match its schema: ${check.error.message}`);
          }
          reply.code(spec.status ?? 200);
          return result;
        },
      });
    },
  };
}

function allowed(access: Exclude<Access, 'public'>, role: Role): boolean {
  if (access === 'user') return true;
  if (Array.isArray(access)) return access.includes(role);
  return hasPermission(role, (access as { permission: HttpPermission }).permission);
}

/** Where a NUL character hides in a value (PostgreSQL text cannot hold one; no form needs one). */
function nulPath(v: unknown, path: string[], depth = 0): string[] | null {
  if (typeof v === 'string') return v.includes('\u0000') ? path : null;
  if (depth > 64 || v === null || typeof v !== 'object') return null;
  for (const [k, x] of Object.entries(v)) {
    if (k.includes('\u0000')) return [...path, k];
    const found = nulPath(x, [...path, k], depth + 1);
    if (found) return found;
  }
  return null;
}

const LOCALE_ID = z.locales.id().localeError;
const LOCALE_EN = z.locales.en().localeError;
/** zod's Indonesian messages name JavaScript types in English: said in Indonesian. */
const TYPE_WORDS_ID: Record<string, string> = {
  string: 'teks',
  number: 'angka',
  int: 'bilangan bulat',
  boolean: 'ya/tidak',
  object: 'objek',
  array: 'daftar',
  undefined: 'kosong',
  null: 'null',
  nan: 'bukan angka',
  bigint: 'bilangan bulat',
  date: 'tanggal',
};
const indonesian = (t: string) => t.replace(/\b(string|number|int|boolean|object|array|undefined|nan|bigint|date)\b/g, (w) => TYPE_WORDS_ID[w] ?? w);

/** A message written "Indonesian / English" (the shared schemas' custom messages) as its two halves. */
export function splitMessage(m: string): { id: string; en: string } | null {
  const at = m.indexOf(' / ');
  return at > 0 ? { id: m.slice(0, at), en: m.slice(at + 3) } : null;
}

export function parse<T extends ZodType>(schema: T, value: unknown, where: string): z.output<T> {
  const nul = nulPath(value, [where]);
  if (nul) {
    const path = nul.join('.');
    failParse(path, [{ path, id: 'karakter NUL tidak diizinkan', en: 'NUL characters are not allowed' }]);
  }
  const r = schema.safeParse(value, { error: LOCALE_EN });
  if (r.success) return r.data;
  // The same failure with zod's Indonesian messages (custom messages are already bilingual).
  const inId = schema.safeParse(value, { error: LOCALE_ID });
  const idIssues = inId.success ? [] : inId.error.issues;
  const issues = r.error.issues.slice(0, 20).map((i, n) => {
    const path = [where, ...i.path.map(String)].join('.');
    if (i.code === 'unrecognized_keys') {
      const keys = (i as { keys?: string[] }).keys?.join(', ') ?? '';
      return { path, id: `kolom tidak dikenal: ${keys}`, en: `unknown field: ${keys}` };
    }
    const both = splitMessage(i.message);
    if (both) return { path, ...both };
    return { path, id: indonesian(idIssues[n]?.message ?? 'nilai tidak valid'), en: i.message };
  });
  return failParse(issues[0]!.path, issues);
}

function failParse(path: string, issues: { path: string; id: string; en: string }[]): never {
  const first = issues[0]!;
  throw new AppError(
    400,
    'bad_request',
    { id: `Data tidak valid pada "${path}": ${first.id}`, en: `Invalid data at "${path}": ${first.en}` },
    issues.map((i) => ({ path: i.path, message: `${i.id} / ${i.en}` })),
  );
}

// ------------------------------------------------------------------------------------------------
// OpenAPI 3.1 from the same schemas

function jsonSchema(schema: ZodType, io: 'input' | 'output'): Record<string, unknown> {
  try {
    const s = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
    delete s.$schema;
    return s;
  } catch {
    return {};
  }
}

export function openApiDocument(specs: readonly RouteSpec[], info: { title: string; version: string }): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const errorSchema = jsonSchema(ErrorResponseSchema, 'output');
  for (const spec of specs) {
    const path = spec.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [where, schema] of [['path', spec.params], ['query', spec.query]] as const) {
      if (!schema) continue;
      const js = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, s] of Object.entries(js.properties ?? {})) {
        parameters.push({ name, in: where, required: where === 'path' || (js.required ?? []).includes(name), schema: s });
      }
    }
    const op: Record<string, unknown> = {
      summary: spec.summary,
      tags: spec.tags,
      operationId: `${spec.method.toLowerCase()}${path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      parameters,
      responses: {
        [String(spec.status ?? 200)]: spec.produces
          ? { description: 'OK', content: { [spec.produces]: { schema: { type: 'string', format: 'binary' } } } }
          : { description: 'OK', content: { 'application/json': { schema: spec.response ? jsonSchema(spec.response, 'output') : {} } } },
        '4XX': { description: 'Kesalahan yang dapat diperbaiki pengguna / a client error', content: { 'application/json': { schema: errorSchema } } },
      },
    };
    if (spec.access !== 'public') op.security = [{ bearer: [] }];
    if (spec.access !== 'public' && spec.access !== 'user') {
      op.description = `Peran / roles: ${Array.isArray(spec.access) ? spec.access.join(', ') : `permission ${(spec.access as { permission: string }).permission}`}`;
    }
    if (spec.body) op.requestBody = { required: true, content: { 'application/json': { schema: jsonSchema(spec.body, 'input') } } };
    if (spec.multipart) {
      op.requestBody = {
        required: true,
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              properties: Object.fromEntries(Object.entries(spec.multipart.fields).map(([k, d]) => [k, k === 'file' ? { type: 'string', format: 'binary', description: d } : { type: 'string', description: d }])),
              required: ['file'],
            },
          },
        },
      };
    }
    (paths[path] ??= {})[spec.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: { ...info, description: 'SIPPT Lab server: SOP 28/BSPJI-3, 22 steps. Every error: {error: {code, message: {id, en}}}.' },
    servers: [{ url: '/' }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}
