/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are JSON checked by the assertions */
/**
 * Issue 12: a restore done by hand (someone copies a backup file over the data folder and starts
 * the server without --restore or --new-epoch), through the real `server/cli.ts` on port 7104.
 * The history mark beside the database (sippt.sqlite.history.json: epoch and feed position,
 * written at start, periodically and at shutdown; here the server even crashed, so only the
 * periodic write holds the later work) is ahead of the copied database, so the start
 * makes a new epoch and says why. A desktop that only reads (a Penyelia's), whose cursor the restored feed
 * has already passed by then, is still told (409 history_changed) and rebuilds its copy: orders
 * lost with the restore leave it, orders of the new history reach it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DesktopServices } from '../../../main/services/desktop';
import { defaultConfig } from '../../../server/config';
import { openDatabase } from '../../../server/db/connect';
import { seedDemo, type DemoData } from '../../../server/demo';
import { placeholderReportServices } from '../../../server/reports/placeholder';
import { tempDir, TEST_SCRYPT } from '../../unit/desktop/helpers';
import { Flow, USERS } from './flow';
import { API, multipart, PAYMENT_SECRET, type Res, type TestServer } from './harness';
import { serverCliArgs } from './cli-args';

const PORT = 7104;
const URL_ = `http://127.0.0.1:${PORT}`;
let tmp: ReturnType<typeof tempDir>;
let demo: DemoData;
let dataDir: string;
let server: { child: ChildProcess; out: () => string } | null = null;
const desktops: DesktopServices[] = [];

/** `npm run server -- --data-dir DIR --port 7104`, until it says where it listens. */
async function startCli(): Promise<{ child: ChildProcess; out: () => string }> {
  const child = spawn(
    process.execPath,
    serverCliArgs({ port: String(PORT), host: '127.0.0.1', 'data-dir': dataDir, 'log-level': 'warn' }),
    {
      env: {
        ...process.env,
        DATABASE_URL: '',
        SIPPT_RATE_LIMITS: 'session=100000/60',
        SIPPT_PAYMENT_SECRET: PAYMENT_SECRET,
        SIPPT_HISTORY_MARK_SECONDS: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 90_000);
    const check = setInterval(() => {
      if (/SIPPT server: http/.test(out)) {
        clearInterval(check);
        clearTimeout(timer);
        resolve();
      }
    }, 50);
    child.once('exit', (code) => {
      clearInterval(check);
      clearTimeout(timer);
      reject(new Error(`server exited ${code}: ${out}`));
    });
  });
  return { child, out: () => out };
}

/** Stops the server: SIGTERM (a clean shutdown), or SIGKILL (a crash: no write at shutdown). */
async function stopCli(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  const s = server;
  server = null;
  if (!s || s.child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    s.child.once('exit', () => resolve());
    s.child.kill(signal);
  });
}

const tokens = new Map<string, string>();
/** An HTTP call to the CLI server (the shape the Flow helper drives), logging in once per user. */
async function request(
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; rawBody?: Buffer | string; headers?: Record<string, string> } = {},
): Promise<Res> {
  const body = opts.rawBody ?? (opts.body !== undefined ? JSON.stringify(opts.body) : undefined);
  const r = await fetch(`${URL_}${path}`, {
    method,
    headers: {
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(opts.headers ?? {}),
    },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : new Uint8Array(body) } : {}),
  });
  const raw = Buffer.from(await r.arrayBuffer());
  let parsed: any = null;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    parsed = null;
  }
  return { status: r.status, body: parsed, headers: Object.fromEntries(r.headers), raw };
}
async function tokenOf(username: string): Promise<string> {
  let t = tokens.get(username);
  if (!t) {
    const r = await request('POST', `${API}/auth/login`, { body: { username, password: demo.password } });
    t = r.body.accessToken as string;
    tokens.set(username, t);
  }
  return t;
}
const http = {
  get demo() {
    return demo;
  },
  clock: { now: () => new Date() },
  request,
  user: (username: string) => demo.users.find((u) => u.username === username)!,
  as(username: string) {
    const full = (url: string) => (url.startsWith('/') ? url : `${API}/${url}`);
    const call = async (
      method: string,
      url: string,
      opts: { body?: unknown; rawBody?: Buffer; headers?: Record<string, string> } = {},
    ) => request(method, full(url), { ...opts, token: await tokenOf(username) });
    return {
      get: (url: string) => call('GET', url),
      post: (url: string, body: unknown = {}) => call('POST', url, { body }),
      put: (url: string, body: unknown = {}) => call('PUT', url, { body }),
      patch: (url: string, body: unknown = {}) => call('PATCH', url, { body }),
      upload: (
        url: string,
        file: { data: Buffer; filename?: string; contentType?: string },
        fields: Record<string, string> = {},
      ) => {
        const m = multipart(file, fields);
        return call('POST', url, { rawBody: m.body, headers: { 'content-type': m.contentType } });
      },
    };
  },
};
const flow = () => new Flow(http as unknown as TestServer);

/** An order whose Karet sample is registered: it is in the Penyelia's bucket. */
async function orderForPenyelia(): Promise<string> {
  const id = await flow().toPaid();
  await flow().register(id, 0);
  return id;
}

beforeAll(async () => {
  tmp = tempDir('sippt-restore-copy-');
  dataDir = `${tmp.dir}/data`;
  // The data folder as an installed server has it: the demo users, no orders yet.
  const handle = await openDatabase({ dataDir });
  demo = await seedDemo({
    handle,
    config: defaultConfig({ scrypt: TEST_SCRYPT }),
    reports: placeholderReportServices,
  });
  await handle.close();
  server = await startCli();
}, 180_000);
afterAll(async () => {
  for (const d of desktops) d.close();
  await stopCli();
  tmp?.cleanup();
});

it('a backup copied over the data folder is noticed at start: new epoch, said why, and a reading desktop rebuilds', async () => {
  const file = `${dataDir}/sippt.sqlite`;
  const before = await orderForPenyelia();
  // The Penyelia's desktop only reads here: it pushes nothing that would reveal the restore.
  const cs = new DesktopServices({
    dataDir: `${tmp.dir}/pc-penyelia`,
    serverUrl: URL_,
    scrypt: TEST_SCRYPT,
    autoSync: false,
    http: { timeoutMs: 10_000 },
  });
  desktops.push(cs);
  await cs.login(USERS.penyeliaKaret, demo.password);
  await cs.syncNow();
  expect(cs.order(before)).not.toBeNull();

  // A backup taken while the server runs (SQLite's backup API: a consistent copy).
  const backup = `${tmp.dir}/backup.sqlite`;
  const src = new BetterSqlite3(file, { readonly: true });
  await src.backup(backup);
  src.close();

  // Work after the backup, which the desktop pulls; a raw cursor of that history too.
  const lost = [await orderForPenyelia(), await orderForPenyelia()];
  await cs.syncNow();
  for (const id of lost) expect(cs.order(id)).not.toBeNull();
  const oldCursor = (
    await http
      .as(USERS.penyeliaKaret)
      .post('sync/pull', { clientId: randomUUID(), cursor: null, limit: 1000 })
  ).body.cursor as string;

  // The server crashes (no write at shutdown): the mark it wrote while running (every second here,
  // SIPPT_HISTORY_MARK_SECONDS) already holds the feed past the backup's.
  const feedOf = (path: string) => {
    const db = new BetterSqlite3(path, { readonly: true });
    try {
      return (db.prepare("select value from counters where name = 'feed'").get() as { value: number }).value;
    } finally {
      db.close();
    }
  };
  const backupFeed = feedOf(backup);
  const markOf = () =>
    JSON.parse(readFileSync(`${file}.history.json`, 'utf8')) as { epoch: string; feed: number };
  for (let i = 0; i < 200 && markOf().feed <= backupFeed; i++) await new Promise((r) => setTimeout(r, 100));
  expect(markOf().feed).toBeGreaterThan(backupFeed);
  await stopCli('SIGKILL');
  const mark = markOf();

  // The backup file copied over the database (its WAL and shared memory go with it); started as usual.
  expect(feedOf(backup)).toBeLessThan(mark.feed);
  expect(oldCursor.startsWith(`${mark.epoch}:`)).toBe(true);
  for (const f of [`${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  copyFileSync(backup, file);
  server = await startCli();
  expect(server.out()).toMatch(/di belakang tanda riwayatnya[\s\S]*epoch baru/);
  expect(server.out()).toContain('restored from a backup without --restore');
  const after = JSON.parse(readFileSync(`${file}.history.json`, 'utf8')) as { epoch: string; feed: number };
  expect(after.epoch).not.toBe(mark.epoch);

  // New work on the restored server passes the desktop's old position in the feed.
  tokens.clear();
  const fresh: string[] = [];
  for (let i = 0; i < 3; i++) fresh.push(await orderForPenyelia());
  expect((await http.as(USERS.cs).get(`orders/${lost[0]}`)).status).toBe(404);

  // The old history's cursor is refused; the reading desktop rebuilds and converges.
  const refused = await http
    .as(USERS.penyeliaKaret)
    .post('sync/pull', { clientId: randomUUID(), cursor: oldCursor, limit: 1000 });
  expect(refused.status).toBe(409);
  expect(refused.body.error.code).toBe('history_changed');
  await cs.syncNow();
  expect(cs.order(before)).not.toBeNull();
  for (const id of lost) expect(cs.order(id), `lost order ${id} left the desktop`).toBeNull();
  for (const id of fresh) expect(cs.order(id), `new order ${id} reached the desktop`).not.toBeNull();
  expect(existsSync(`${file}.history.json`)).toBe(true);
}, 240_000);
