import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { z, type ZodType } from 'zod';
import { ErrorResponseSchema, hasPermission, type HttpPermission } from '../../shared/api/http';
import type { CommandType } from '../../shared/domain/commands';
import { rolesFor } from '../../shared/domain/permissions';
import { HUMAN_ROLES, type Role } from '../../shared/sop/roles';
import { SOP_STEPS } from '../../shared/sop/steps';
import type { RateLimit, ServerConfig } from '../config';
import type { Authenticated } from '../auth/service';
import { AppError, fail } from './errors';
import { rateLimitConfig } from './rate-limit';

/**
 * Routes are declared once with their zod schemas: the same declaration validates requests (and,
 * in tests, responses) and produces the OpenAPI document.
 */
export type Access = 'public' | SignedInAccess;
/** An access level that needs a signed-in user: any, those of some roles, or those with a permission. */
export type SignedInAccess = 'user' | readonly Role[] | { permission: HttpPermission };

export interface RouteSpec<
  P extends ZodType = ZodType,
  Q extends ZodType = ZodType,
  B extends ZodType = ZodType,
  A extends Access = Access,
> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  summary: string;
  tags: string[];
  access: A;
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
  /** A creating operation: the Location header of its answer names this (OpenAPI response header; createdId in the body). */
  location?: string;
  /** A hook before the body is read and before the rate limit (e.g. the admission of an upload). */
  onRequest?: onRequestAsyncHookHandler;
  /** The domain command the operation issues (OpenAPI: the roles that may and the SOP step it performs). */
  command?: CommandType;
  handler: (ctx: HandlerCtx<z.output<P>, z.output<Q>, z.output<B>, A>) => Promise<unknown>;
}

export interface RequestCtx<P, Q, B> {
  req: FastifyRequest;
  reply: FastifyReply;
  params: P;
  query: Q;
  body: B;
}

/**
 * What a handler is given: the request as parsed and, on a route that needs a signed-in user, who
 * that user is (the router has authenticated them and checked the access level before the handler
 * runs). A public route has no `auth` to read.
 */
export type HandlerCtx<P, Q, B, A extends Access = Access> = A extends 'public'
  ? RequestCtx<P, Q, B>
  : RequestCtx<P, Q, B> & { auth: Authenticated };

export interface Router {
  add<
    P extends ZodType = ZodType,
    Q extends ZodType = ZodType,
    B extends ZodType = ZodType,
    A extends Access = Access,
  >(
    spec: RouteSpec<P, Q, B, A>,
  ): void;
  specs: RouteSpec[];
}

export function createRouter(
  app: FastifyInstance,
  config: ServerConfig,
  authenticate: (req: FastifyRequest) => Promise<Authenticated>,
): Router {
  const specs: RouteSpec[] = [];
  return {
    specs,
    add(spec) {
      specs.push(spec as unknown as RouteSpec);
      (spec.on ?? app).route({
        method: spec.method,
        url: spec.url,
        ...(spec.bodyLimit ? { bodyLimit: spec.bodyLimit } : {}),
        ...(spec.onRequest ? { onRequest: [spec.onRequest] } : {}),
        ...(spec.rateLimit
          ? { config: { rateLimit: rateLimitConfig(spec.rateLimit.name, spec.rateLimit.limit) } }
          : {}),
        handler: async (req, reply) => {
          let signedIn: { auth: Authenticated } | null = null;
          if (spec.access !== 'public') {
            signedIn = { auth: await authenticate(req) };
            if (!allowed(spec.access, signedIn.auth.actor.role)) throw fail.forbidden();
          }
          const contentType = String(req.headers['content-type'] ?? '');
          if (spec.multipart && !contentType.startsWith('multipart/form-data')) {
            throw fail.unsupportedMedia(
              'Kirim berkas sebagai multipart/form-data.',
              'Send the file as multipart/form-data.',
            );
          }
          if (!spec.multipart && contentType.startsWith('multipart/')) {
            throw fail.unsupportedMedia(
              'Kirim data sebagai application/json.',
              'Send the data as application/json.',
            );
          }
          const params = spec.params ? parse(spec.params, req.params ?? {}, 'path') : undefined;
          const query = spec.query
            ? parse(spec.query, refuseEmptyNumbers(spec.query, req.query ?? {}), 'query')
            : undefined;
          // No body at all counts as {} (a POST without data); anything sent must match the schema.
          const body =
            spec.body && !spec.bodyCheckedByHandler
              ? parse(spec.body, req.body === undefined ? {} : req.body, 'body')
              : undefined;
          // The one place where a spec's access level and its handler's context meet: `auth` is
          // there exactly when the access level is not public (checked just above).
          const result = await spec.handler({ req, reply, params, query, body, ...signedIn } as HandlerCtx<
            never,
            never,
            never,
            SignedInAccess
          >);
          if (reply.sent) return reply;
          if (spec.response && config.validateResponses) {
            const check = spec.response.safeParse(result);
            if (!check.success)
              throw new Error(
                `response of ${spec.method} ${spec.url} does not match its schema: ${check.error.message}`,
              );
          }
          reply.code(spec.status ?? 200);
          return result;
        },
      });
    },
  };
}

/**
 * A number in the query is written in decimal digits (an integer field: digits only), as the
 * document says: `?offset=` (empty), `1e2`, `0x10` or ` 5` are refused like any malformed number,
 * not read by coercion.
 */
function refuseEmptyNumbers(schema: ZodType, query: unknown): unknown {
  const shape = (schema as unknown as { shape?: Record<string, ZodType> }).shape;
  if (!shape || typeof query !== 'object' || query === null) return query;
  for (const [k, v] of Object.entries(query as Record<string, unknown>)) {
    if (typeof v !== 'string' || !shape[k]) continue;
    let t = shape[k] as unknown as {
      _zod: { def: { type: string; innerType?: unknown }; bag?: { format?: string } };
    };
    while (t._zod.def.innerType && ['optional', 'default', 'nullable', 'prefault'].includes(t._zod.def.type))
      t = t._zod.def.innerType as typeof t;
    if (t._zod.def.type !== 'number' && t._zod.def.type !== 'int') continue;
    const integer = t._zod.def.type === 'int' || /int/.test(t._zod.bag?.format ?? '');
    if (v === '')
      failParse(`query.${k}`, [
        { path: `query.${k}`, id: 'harus berupa angka, bukan kosong', en: 'must be a number, not empty' },
      ]);
    if (!(integer ? /^-?[0-9]{1,15}$/ : /^-?[0-9]{1,15}(\.[0-9]{1,15})?$/).test(v)) {
      failParse(`query.${k}`, [
        integer
          ? {
              path: `query.${k}`,
              id: 'harus bilangan bulat dalam angka desimal',
              en: 'must be an integer in decimal digits',
            }
          : { path: `query.${k}`, id: 'harus angka desimal', en: 'must be a decimal number' },
      ]);
    }
  }
  return query;
}

function allowed(access: SignedInAccess, role: Role): boolean {
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
const indonesian = (t: string) =>
  t.replace(
    /\b(string|number|int|boolean|object|array|undefined|nan|bigint|date)\b/g,
    (w) => TYPE_WORDS_ID[w] ?? w,
  );

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
    const s = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<
      string,
      unknown
    >;
    delete s.$schema;
    return s;
  } catch {
    return {};
  }
}

/** A UUID as the server takes it and as generators make it (RFC 9562 variant, versions 1-8). */
const UUID_PATTERN =
  '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$';
/** The server refuses NUL in any string it reads (see `parse`). */
const NO_NUL = '^[^\\u0000]*$';

/**
 * What the server enforces beyond zod's own output: a uuid is `format: uuid` with one plain
 * pattern (no alternatives a generator stumbles on), and a string without a pattern of its own
 * says it takes no NUL.
 */
function enforced<T>(v: T): T {
  if (Array.isArray(v)) return v.map(enforced) as T;
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = enforced(x);
  if (out.type === 'string') {
    if (out.format === 'uuid') out.pattern = UUID_PATTERN;
    else if (
      out.pattern === undefined &&
      out.format === undefined &&
      out.enum === undefined &&
      out.const === undefined
    )
      out.pattern = NO_NUL;
  }
  return out as T;
}

/** `\d` in a pattern is not the same class in every regex engine (Unicode digits): say [0-9]. */
function asciiDigits<T>(v: T): T {
  if (Array.isArray(v)) return v.map(asciiDigits) as T;
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>))
    out[k] = k === 'pattern' && typeof x === 'string' ? x.replace(/\\d/g, '[0-9]') : asciiDigits(x);
  return out as T;
}

/** The SOP step an operation performs: its command's step, else the step its summary names ("Langkah N"). */
function sopStepOf(spec: RouteSpec): number | null {
  if (spec.command) return SOP_STEPS.find((st) => st.commands.includes(spec.command!))?.number ?? null;
  const m = /Langkah ([0-9]{1,2})\b/.exec(spec.summary);
  return m ? Number(m[1]) : null;
}

/** The roles that may call an operation (a command: the domain's permission table; otherwise its access rule). */
function rolesOf(spec: RouteSpec): readonly Role[] | null {
  if (spec.command) return rolesFor(spec.command);
  const a = spec.access;
  if (a === 'public') return null;
  if (a === 'user') {
    const step = sopStepOf(spec);
    if (step === null) return HUMAN_ROLES;
    const roles = new Set<Role>();
    for (const c of SOP_STEPS[step - 1]!.commands) for (const r of rolesFor(c)) roles.add(r);
    return roles.size > 0 ? [...roles] : HUMAN_ROLES;
  }
  if (Array.isArray(a)) return a;
  return HUMAN_ROLES.filter((r) => hasPermission(r, (a as { permission: HttpPermission }).permission));
}

const ERROR_STATUSES: Record<string, { description: string; codes: string[] }> = {
  '400': {
    description: 'Permintaan tidak valid / malformed request (schema, JSON, NUL, header)',
    codes: ['bad_request'],
  },
  '401': {
    description: 'Belum masuk atau token tidak valid / no or invalid access token or signature',
    codes: [
      'unauthorized',
      'invalid_credentials',
      'account_pending',
      'account_inactive',
      'account_locked',
      'refresh_reused',
      'invalid_signature',
    ],
  },
  '403': { description: 'Peran tidak berhak / the role may not do this', codes: ['forbidden'] },
  '404': { description: 'Tidak ada atau tidak terlihat / not found or not visible', codes: ['not_found'] },
  '405': {
    description:
      'Metode tidak berlaku untuk alamat ini (header Allow) / method not allowed on this address (Allow header)',
    codes: ['method_not_allowed'],
  },
  '409': {
    description: 'Keadaan tidak mengizinkan / the state does not allow it now',
    codes: ['invalid_transition', 'stale_version', 'conflict', 'survey_required', 'history_changed'],
  },
  '413': { description: 'Badan permintaan terlalu besar / body too large', codes: ['payload_too_large'] },
  '415': {
    description: 'Jenis konten atau berkas tidak didukung / unsupported media or file type',
    codes: ['unsupported_media_type', 'unsupported_file_type'],
  },
  '422': {
    description: 'Isi perintah ditolak aturan domain / payload refused by the domain rules',
    codes: ['invalid_payload', 'invalid_signature'],
  },
  '429': { description: 'Terlalu banyak permintaan (Retry-After) / rate limited', codes: ['rate_limited'] },
  '503': { description: 'Sibuk, coba lagi (Retry-After) / busy, try again', codes: ['not_available'] },
};

export function openApiDocument(
  specs: readonly RouteSpec[],
  info: { title: string; version: string },
): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const errorSchema = jsonSchema(ErrorResponseSchema, 'output') as {
    properties?: { error?: { properties?: Record<string, unknown> } };
  };
  const errorSchemaWith = (codes: string[]) => {
    const e = structuredClone(errorSchema);
    if (e.properties?.error?.properties) e.properties.error.properties.code = { type: 'string', enum: codes };
    return e;
  };
  for (const spec of specs) {
    const path = spec.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [where, schema] of [
      ['path', spec.params],
      ['query', spec.query],
    ] as const) {
      if (!schema) continue;
      const js = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, s] of Object.entries(js.properties ?? {})) {
        parameters.push({
          name,
          in: where,
          required: where === 'path' || (js.required ?? []).includes(name),
          schema: s,
        });
      }
    }
    const op: Record<string, unknown> = {
      summary: spec.summary,
      tags: spec.tags,
      operationId: `${spec.method.toLowerCase()}${path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      parameters,
      responses: {
        [String(spec.status ?? 200)]: spec.produces
          ? {
              description: 'OK',
              content: { [spec.produces]: { schema: { type: 'string', format: 'binary' } } },
            }
          : {
              description: spec.location ? 'Dibuat / created' : 'OK',
              content: {
                'application/json': { schema: spec.response ? jsonSchema(spec.response, 'output') : {} },
              },
              ...(spec.location
                ? {
                    headers: {
                      Location: {
                        description: `Alamat yang dibuat / the address of what was created: ${spec.location}`,
                        required: true,
                        schema: { type: 'string', format: 'uri-reference' },
                      },
                    },
                  }
                : {}),
            },
        ...Object.fromEntries(
          Object.entries(ERROR_STATUSES)
            // A public operation has no role to refuse; one that takes data may refuse its credentials (login, refresh, a signed notification).
            .filter(
              ([status]) =>
                !(
                  spec.access === 'public' &&
                  (status === '403' || (status === '401' && spec.method === 'GET'))
                ),
            )
            .map(([status, e]) => [
              status,
              {
                description: `${e.description}. Kode / codes: ${e.codes.join(', ')}`,
                content: { 'application/json': { schema: errorSchemaWith(e.codes) } },
              },
            ]),
        ),
        '4XX': {
          description: 'Kesalahan lain yang dapat diperbaiki pengguna / any other client error',
          content: { 'application/json': { schema: errorSchema } },
        },
      },
    };
    if (spec.access !== 'public') op.security = [{ bearer: [] }];
    const roles = rolesOf(spec);
    const step = sopStepOf(spec);
    op['x-roles'] = roles ?? ['public'];
    if (step !== null) op['x-sop-step'] = step;
    op.description = [
      roles
        ? `Peran yang boleh / roles that may call it: ${roles.join(', ')}.`
        : 'Publik, tanpa login / public, no login.',
      step !== null
        ? `Langkah SOP / SOP step ${step}: ${SOP_STEPS[step - 1]!.activity.id} / ${SOP_STEPS[step - 1]!.activity.en}.`
        : null,
    ]
      .filter(Boolean)
      .join(' ');
    if (spec.method !== 'GET' && spec.access !== 'public') {
      parameters.push(
        {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description:
            'UUID per tindakan pengguna: kirim ulang dengan kunci sama = satu efek, hasil tersimpan dikembalikan / one UUID per user action: a resend with the same key has one effect and returns the stored outcome',
          schema: { type: 'string', format: 'uuid' },
        },
        {
          name: 'X-Base-Version',
          in: 'header',
          required: false,
          description:
            'Versi data yang dilihat pengguna; berbeda dari versi sekarang = 409 stale_version / the version the user saw; another current version gives 409 stale_version',
          schema: { type: 'string', pattern: '^[0-9]{1,9}$' },
        },
      );
    }
    if (spec.body) {
      const schema = jsonSchema(spec.body, 'input');
      // A patch of optional fields that refuses {} ("nothing to change") says so.
      if (
        schema.type === 'object' &&
        !(schema.required as unknown[] | undefined)?.length &&
        !spec.body.safeParse({}).success
      )
        schema.minProperties = 1;
      op.requestBody = { required: true, content: { 'application/json': { schema } } };
    }
    if (spec.multipart) {
      op.requestBody = {
        required: true,
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              properties: Object.fromEntries(
                Object.entries(spec.multipart.fields).map(([k, d]) => [
                  k,
                  k === 'file'
                    ? { type: 'string', format: 'binary', minLength: 1, description: d }
                    : { type: 'string', description: d },
                ]),
              ),
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
    info: {
      ...info,
      description:
        'SIPPT Lab server: SOP 28/BSPJI-3, 22 steps. Every error: {error: {code, message: {id, en}}}.',
    },
    servers: [{ url: '/' }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths: enforced(asciiDigits(paths)),
  };
}
