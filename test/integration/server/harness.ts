/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are JSON checked by the assertions */
/**
 * Test harness of the server suites: a fresh database per suite (a temp SQLite folder, or a new
 * PostgreSQL database when TEST_DATABASE_URL is set), the demo data, and an HTTP client over
 * Fastify's inject. Suites assert behaviour through HTTP only.
 *
 * PostgreSQL: set TEST_DATABASE_URL (alias DATABASE_URL_TEST) to a URL whose user may CREATE
 * DATABASE, e.g. postgres://postgres:postgres@127.0.0.1:5432/postgres (what .ci/run sets). Each
 * suite creates `sippt_test_<random>` and drops it at the end. Without it the PostgreSQL variants
 * are skipped with a message.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe } from 'vitest';
import {
  DEFAULT_RATE_LIMITS,
  defaultConfig,
  type RateLimits,
  type ServerConfig,
} from '../../../server/config';
import { openDatabase, type DbHandle } from '../../../server/db/connect';
import { seedDemo, type DemoData, type DemoUser } from '../../../server/demo';
import { seedDemoOrders, type DemoOrdersSummary } from '../../../server/demo-orders';
import { buildServer } from '../../../server/http/app';
import { elhuReportServices } from '../../../server/reports/elhu';
import { placeholderReportServices } from '../../../server/reports/placeholder';
import type { ReportServices } from '../../../server/reports/services';
import type { Role } from '../../../shared/sop/roles';
import { serverCliArgs } from './cli-args';

export type DialectName = 'sqlite' | 'postgres';
export const PG_URL = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL_TEST ?? null;
export const API = '/api/v1';

let warned = false;
/** Runs the suite once per database: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function describeEachDialect(title: string, fn: (dialect: DialectName) => void): void {
  describe(`${title} [sqlite]`, () => fn('sqlite'));
  if (PG_URL) describe(`${title} [postgres]`, () => fn('postgres'));
  else {
    if (!warned) {
      warned = true;
      console.warn(
        'PostgreSQL suites skipped: set TEST_DATABASE_URL=postgres://user:pass@host:5432/postgres to run them.',
      );
    }
    describe.skip(`${title} [postgres] (TEST_DATABASE_URL not set)`, () => fn('postgres'));
  }
}

export interface TestDatabase {
  dialect: DialectName;
  /** postgres://... of the fresh database, or the SQLite data folder. */
  url: string | null;
  dataDir: string | null;
  open(): Promise<DbHandle>;
  drop(): Promise<void>;
}

export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'sippt-test-'));
    return {
      dialect,
      url: null,
      dataDir: dir,
      open: () => openDatabase({ dataDir: dir }),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  if (!PG_URL) throw new Error('TEST_DATABASE_URL not set');
  const name = `sippt_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(PG_URL);
  u.pathname = `/${name}`;
  const url = u.toString();
  return {
    dialect,
    url,
    dataDir: null,
    open: () => openDatabase({ databaseUrl: url, poolSize: 20 }),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A movable clock: tests jump days ahead to expire e-billings or tokens. */
export class TestClock {
  offsetMs = 0;
  private pinnedAt: number | null = null;
  now = () => new Date((this.pinnedAt ?? Date.now()) + this.offsetMs);
  advance(ms: number) {
    this.offsetMs += ms;
  }
  /**
   * Stops the clock where it is. Rate-limit windows are aligned on the clock (floor(now / window)),
   * so a test counting requests in one window must not run across a window's end on a slow machine.
   */
  pin() {
    this.pinnedAt ??= Date.now();
  }
  release() {
    this.pinnedAt = null;
  }
}

export const PAYMENT_SECRET = 'test-payment-secret';

/** Suites send many requests from one address: limits out of the way unless a test sets them. */
export const UNLIMITED: RateLimits = Object.fromEntries(
  Object.keys(DEFAULT_RATE_LIMITS).map((k) => [k, { max: 1_000_000, windowSeconds: 60 }]),
) as unknown as RateLimits;

export function testConfig(clock: TestClock, overrides: Partial<ServerConfig> = {}): ServerConfig {
  return defaultConfig({
    scrypt: { N: 2 ** 12, r: 8, p: 1 },
    login: { maxFailures: 5, lockMinutes: 15, ipMaxRequests: 100_000, ipWindowSeconds: 60 },
    rateLimits: UNLIMITED,
    paymentNotifySecret: PAYMENT_SECRET,
    validateResponses: true,
    now: clock.now,
    ...overrides,
  });
}

export interface Res<T = any> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
  raw: Buffer;
}

export interface RequestOptions {
  body?: unknown;
  token?: string | null;
  headers?: Record<string, string>;
  /** Send this string as the body as is (malformed JSON tests). */
  rawBody?: string | Buffer;
  remoteAddress?: string;
}

const PART_NAMES = ['app', 'handle', 'db', 'demo', 'clock', 'config'] as const;
/** What a started TestServer is made of. */
type StartedParts = Pick<TestServer, (typeof PART_NAMES)[number]>;

export class TestServer {
  // The parts, read through getters (defined below from PART_NAMES) that throw while the server is
  // not started: a suite's server exists while the suite is declared, before its beforeAll started
  // it, and reading it then is a mistake in the suite, said at once rather than as an undefined.
  declare readonly app: FastifyInstance;
  declare readonly handle: DbHandle;
  declare readonly db: TestDatabase;
  declare readonly demo: DemoData;
  declare readonly clock: TestClock;
  declare readonly config: ServerConfig;
  static {
    for (const name of PART_NAMES)
      Object.defineProperty(TestServer.prototype, name, {
        get(this: TestServer) {
          return this.started()[name];
        },
      });
  }
  private sessions = new Map<string, string>();
  private parts: StartedParts | null = null;

  /**
   * With its parts: a server already started (by startTestServer, or by a suite that builds its
   * own). With none: a server that `start` fills in later (what suiteServer hands out).
   */
  constructor(
    ...parts:
      | []
      | [
          app: FastifyInstance,
          handle: DbHandle,
          db: TestDatabase,
          demo: DemoData,
          clock: TestClock,
          config: ServerConfig,
        ]
  ) {
    if (parts.length === 0) return;
    const [app, handle, db, demo, clock, config] = parts;
    this.parts = { app, handle, db, demo, clock, config };
  }

  /** Starts the server: a fresh database with the demo data, and the app over it. */
  async start(dialect: DialectName, overrides: Partial<ServerConfig> = {}): Promise<void> {
    if (this.parts) throw new Error('TestServer started twice');
    const db = await createTestDatabase(dialect);
    const handle = await db.open();
    const clock = new TestClock();
    const config = testConfig(clock, overrides);
    const demo = await seedDemo({ handle, config, reports: placeholderReportServices });
    const app = await buildServer({ db: handle, config, logger: false });
    await app.ready();
    this.parts = { app, handle, db, demo, clock, config };
  }

  private started(): StartedParts {
    if (!this.parts)
      throw new Error(
        'TestServer not started: use it in a test or in a beforeAll registered after suiteServer(), not while the suite is declared',
      );
    return this.parts;
  }

  async request<T = any>(method: string, url: string, opts: RequestOptions = {}): Promise<Res<T>> {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let payload: string | Buffer | undefined;
    if (opts.rawBody !== undefined) payload = opts.rawBody;
    else if (opts.body !== undefined) {
      payload = JSON.stringify(opts.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await this.app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(payload !== undefined ? { payload } : {}),
      ...(opts.remoteAddress ? { remoteAddress: opts.remoteAddress } : {}),
    });
    const raw = res.rawPayload;
    let body: unknown = null;
    const ct = String(res.headers['content-type'] ?? '');
    if (ct.includes('application/json') && raw.length > 0) body = JSON.parse(raw.toString('utf8'));
    return { status: res.statusCode, body: body as T, headers: res.headers, raw };
  }

  user(username: string): DemoUser {
    const u = this.demo.users.find((x) => x.username === username);
    if (!u) throw new Error(`no demo user ${username}`);
    return u;
  }
  firstOf(role: Role): DemoUser {
    return this.demo.users.find((u) => u.role === role)!;
  }

  async token(username: string, password?: string): Promise<string> {
    const cached = this.sessions.get(username);
    if (cached) return cached;
    const known = this.demo.users.find((u) => u.username === username)?.password;
    const res = await this.request('POST', `${API}/auth/login`, {
      body: { username, password: password ?? known ?? this.demo.password },
    });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    this.sessions.set(username, res.body.accessToken);
    return res.body.accessToken;
  }

  /** A client acting as a user (logs in once per server). */
  as(username: string) {
    // An expired session (the test clock moved on) logs in again once.
    const call = async <T = any>(method: string, url: string, opts: Omit<RequestOptions, 'token'> = {}) => {
      const full = url.startsWith('/') ? url : `${API}/${url}`;
      const res = await this.request<T>(method, full, { ...opts, token: await this.token(username) });
      if (res.status !== 401) return res;
      this.sessions.delete(username);
      return this.request<T>(method, full, { ...opts, token: await this.token(username) });
    };
    return {
      get: <T = any>(url: string, opts?: Omit<RequestOptions, 'token'>) => call<T>('GET', url, opts),
      post: <T = any>(url: string, body: unknown = {}, opts?: Omit<RequestOptions, 'token' | 'body'>) =>
        call<T>('POST', url, { ...opts, body }),
      put: <T = any>(url: string, body: unknown = {}, opts?: Omit<RequestOptions, 'token' | 'body'>) =>
        call<T>('PUT', url, { ...opts, body }),
      patch: <T = any>(url: string, body: unknown = {}, opts?: Omit<RequestOptions, 'token' | 'body'>) =>
        call<T>('PATCH', url, { ...opts, body }),
      upload: async <T = any>(
        url: string,
        file: { data: Buffer; filename?: string; contentType?: string },
        fields: Record<string, string> = {},
        opts: { headers?: Record<string, string>; method?: 'POST' | 'PUT' } = {},
      ) => {
        const m = multipart(file, fields);
        return call<T>(opts.method ?? (/\/(logo|signed-file)$/.test(url) ? 'PUT' : 'POST'), url, {
          rawBody: m.body,
          headers: { 'content-type': m.contentType, ...(opts.headers ?? {}) },
        });
      },
    };
  }

  forget(username: string) {
    this.sessions.delete(username);
  }

  /** Closes the app and drops the database; nothing to do when the server never started. */
  async close() {
    if (!this.parts) return;
    const { app, handle, db } = this.parts;
    await app.close();
    await handle.close();
    await db.drop();
  }
}

export async function startTestServer(
  dialect: DialectName,
  overrides: Partial<ServerConfig> = {},
): Promise<TestServer> {
  const s = new TestServer();
  await s.start(dialect, overrides);
  return s;
}

/**
 * A folder of the suite's own, made at once and removed after its tests. Called before the suite's
 * own afterAll hooks (at the top of the describe or the file): those run in reverse, so the folder
 * goes after whatever used it (a server, a child process).
 */
export function suiteTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * The suite's server, for `const s = suiteServer(dialect)` in a describe: the object at once (so
 * `new Flow(s)` can sit beside it), started in a beforeAll and closed in an afterAll registered
 * here. A suite's own beforeAll, registered after this call, sees it started: vitest runs the
 * beforeAll hooks one after the other in the order they were registered, the afterAll in reverse.
 */
export function suiteServer(dialect: DialectName, overrides: Partial<ServerConfig> = {}): TestServer {
  const s = new TestServer();
  beforeAll(() => s.start(dialect, overrides));
  afterAll(() => s.close());
  return s;
}

export interface DemoOrdersServer {
  server: TestServer;
  /** What the seeding of the demo orders said it made. */
  summary: DemoOrdersSummary;
  /** The server's E-LHU services, for a test that seeds again. */
  reports: ReportServices;
}

/**
 * The demo Balai as `npm run demo` makes it: the demo data, the demo orders at every step of the
 * SOP (server/demo-orders.ts), and the real E-LHU rendering, which wants the registered certificate.
 */
export async function startDemoOrdersServer(dialect: DialectName): Promise<DemoOrdersServer> {
  const db = await createTestDatabase(dialect);
  const handle = await db.open();
  const clock = new TestClock();
  const config = testConfig(clock);
  const reports = elhuReportServices({ requireRegisteredCertificate: true });
  const demo = await seedDemo({ handle, config, reports });
  const summary = await seedDemoOrders({ handle, config, reports }, demo);
  await untilPullsSeeAll(handle);
  const app = await buildServer({ db: handle, config, logger: false, reports });
  await app.ready();
  return { server: new TestServer(app, handle, db, demo, clock, config), summary, reports };
}

/**
 * On PostgreSQL a pull hands out only changes below the cluster's oldest open transaction (so that
 * none is ever skipped), and another suite's transaction in the same cluster can hold the seeded
 * orders back for a moment: wait until every transaction older than now has ended, so that a
 * suite's first pull sees all the seed (at most a minute; after that the pull's own test says what
 * is missing). A desktop would get them at its next cycle; a test that pulls once right after
 * writing waits here instead.
 */
export async function untilPullsSeeAll(handle: DbHandle): Promise<void> {
  if (handle.dialect !== 'postgres') return;
  const mark = await sql<{ x: string }>`select pg_current_xact_id()::text as x`.execute(handle.db);
  const now = BigInt(mark.rows[0]!.x);
  for (let i = 0; i < 240; i++) {
    const { rows } = await sql<{
      xmin: string;
    }>`select pg_snapshot_xmin(pg_current_snapshot())::text as xmin`.execute(handle.db);
    if (BigInt(rows[0]!.xmin) > now) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

// Server processes --------------------------------------------------------------------------------
export interface Proc {
  url: Promise<string>;
  stop(): Promise<void>;
}

/** A real `npm run server` process (tsx) on port 0, on the given database. */
export async function spawnServer(databaseUrl: string, env: Record<string, string> = {}): Promise<Proc> {
  const child: ChildProcess = spawn(process.execPath, serverCliArgs({ port: '0', 'log-level': 'warn' }), {
    env: { ...process.env, ...env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /SIPPT server: (http:\/\/[^\s]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
  url.catch(() => undefined);
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.on('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export function multipart(
  file: { data: Buffer; filename?: string; contentType?: string } | null,
  fields: Record<string, string> = {},
  fileField = 'file',
) {
  const boundary = `----sippt${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${fileField}"; filename="${file.filename ?? 'upload.bin'}"\r\nContent-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`,
      ),
    );
    chunks.push(file.data, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

// Files ------------------------------------------------------------------------------------------
export function pdfBytes(text = 'SIPPT test'): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
    'latin1',
  );
}

export function pngBytes(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function jpegBytes(): Buffer {
  return Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
    Buffer.from('JFIF\0', 'latin1'),
    Buffer.alloc(64, 0),
    Buffer.from([0xff, 0xd9]),
  ]);
}
