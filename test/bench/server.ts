/**
 * Group `server`: the SIPPT server under 100 concurrent clients on loopback (127.0.0.1 only), for
 * SQLite and PostgreSQL. The server runs as its own process (`server/cli.ts`, as `npm run server`
 * starts it, log level warn) so that the load generator does not share its event loop.
 *
 * Setup (not measured): a fresh database with the demo catalog and users, and one order per client
 * in testing (SOP step 14), made through the command path. Then, per database, three phases:
 *   mixed:     each client sends one request every PACE_MS (100 clients x 10/s = 1,000 requests/s
 *              offered): listing orders (40%), reading an order (30%), saving a result through the
 *              command path (30%). Latency counts from the planned send time (no coordinated
 *              omission): throughput, p50, p95 (target < 50 ms), errors (== 0);
 *   saturated: the same mix with no pause between requests: capacity and its p95;
 *   commands:  only result.save (SOP step 14), no pause: applied commands/s (SQLite: >= 1000).
 *   verify:    20 clients upload a 10 MB PDF (a signature placeholder, so the check parses it) to the
 *              public POST /api/v1/verify in a loop while 5 clients read GET /api/v1/health and an
 *              order (authenticated), each every 50 ms: p95 of both (target < 50 ms: the PDF work
 *              runs in the worker pool, off the event loop), uploads checked/s, refusals (503 when
 *              the pool's queue is full), other 5xx (== 0), and the server's peak RSS. The uploads
 *              send Expect: 100-continue (as curl does for a large body), so the server admits or
 *              refuses from the headers before the body is sent; BENCH_VERIFY_EXPECT=0 sends the body
 *              at once (a refusal then closes the connection under the sending client: refused_reset),
 *              BENCH_VERIFY_UPLOADERS=0 measures the reads alone (the machine's baseline).
 * Also the server's CPU time per request (from /proc), and (sqlite.durability.*, `durability` below)
 * what the durable commit (synchronous = FULL) costs against NORMAL. Bounded: each phase stops after
 * PHASE_SECONDS (BENCH_SERVER_SECONDS, default 8) or MAX_REQUESTS, whichever comes first.
 *
 * PostgreSQL: BENCH_DATABASE_URL or TEST_DATABASE_URL, default postgres://postgres:postgres@127.0.0.1:5432/postgres;
 * a database `sippt_bench_<random>` is created and dropped. Unreachable: skipped with a note.
 * BENCH_SERVER_ONLY=sqlite|postgres runs one; BENCH_SERVER_PACE_MS changes the paced rate;
 * BENCH_SHOW_SERVER=1 shows the server's output; BENCH_PROFILE_DIR writes a CPU profile of it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Actor } from '../../shared/domain/state';
import type { Order } from '../../shared/domain/entities';
import { defaultConfig } from '../../server/config';
import { openDatabase, type DbHandle } from '../../server/db/connect';
import { applyCommand, type CommandEnv } from '../../server/commands/apply-command';
import { loadOrder } from '../../server/commands/store';
import { seedDemo, type DemoData } from '../../server/demo';
import { placeholderReportServices } from '../../server/reports/placeholder';
import { SYSTEM_ACTOR } from '../../server/http/routes/payments';
import { percentile, type BenchRow } from './target';
import { serverCliArgs } from '../integration/server/cli-args';

const CLIENTS = 100;
const PHASE_SECONDS = Number(process.env.BENCH_SERVER_SECONDS ?? 8);
const WARMUP_SECONDS = 2;
const MAX_REQUESTS = 200_000;
/** Paced phase: each client sends a request every PACE_MS (100 clients x 10/s = 1,000 requests/s offered). */
const PACE_MS = Number(process.env.BENCH_SERVER_PACE_MS ?? 100);
/** BENCH_SERVER_VERIFY_ONLY=1: only the verify phase (PDF uploads against reads). */
const VERIFY_ONLY = process.env.BENCH_SERVER_VERIFY_ONLY === '1';
/** Verify phase: uploads send Expect: 100-continue (BENCH_VERIFY_EXPECT=0: they send the body at once). */
const EXPECT_CONTINUE = process.env.BENCH_VERIFY_EXPECT !== '0';
/** Verify phase: uploading clients (BENCH_VERIFY_UPLOADERS=0 measures the reads alone, the machine's baseline). */
const UPLOADERS = Number(process.env.BENCH_VERIFY_UPLOADERS ?? 20);
const PG_URL =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres:postgres@127.0.0.1:5432/postgres';

type Report = (row: BenchRow) => void;

/** `report` for one database's figures: each named under `<dialect>.`, with no target unless one is given. */
function reportFor(dialect: 'sqlite' | 'postgres', report: Report) {
  return (name: string, value: number, unit: string, target = '') =>
    report({ name: `${dialect}.${name}`, value, unit, target });
}

export async function run(report: Report): Promise<void> {
  const only = process.env.BENCH_SERVER_ONLY; // sqlite | postgres (default both)
  if (only !== 'postgres' && !VERIFY_ONLY) await durability(report);
  if (only !== 'postgres') await runFor('sqlite', report);
  if (only === 'sqlite') return;
  let pgDb: { url: string; drop: () => Promise<void> } | null = null;
  try {
    pgDb = await createPgDatabase(PG_URL);
  } catch (e) {
    console.error(
      `  · PostgreSQL tidak terjangkau / unreachable (${(e as Error).message}): server.postgres.* skipped. Set TEST_DATABASE_URL to run it.`,
    );
  }
  if (pgDb) {
    try {
      await runFor('postgres', report, pgDb.url);
    } finally {
      await pgDb.drop();
    }
  }
}

async function runFor(dialect: 'sqlite' | 'postgres', report: Report, databaseUrl?: string) {
  const figure = reportFor(dialect, report);
  const dir = mkdtempSync(join(tmpdir(), 'sippt-bench-'));
  let server: Server | null = null;
  try {
    const handle = await openDatabase(databaseUrl ? { databaseUrl } : { dataDir: dir });
    const fixtures = await prepare(handle);
    await handle.close();
    server = await startServer(dir, databaseUrl);
    const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS * 2 });
    const clients = await Promise.all(fixtures.clients.map((c) => login(server!.port, agent, c)));

    await phase(server.port, agent, clients, 'mixed', WARMUP_SECONDS, null);
    if (!VERIFY_ONLY) await mainPhases(dialect, server, agent, clients, report);
    // 4. Public PDF checks (10 MB uploads) against reads.
    const v = await verifyPhase(server, agent, clients, PHASE_SECONDS);
    figure('verify_load.health_p95', percentile(v.health, 95), 'ms', '< 50');
    figure('verify_load.order_read_p95', percentile(v.order, 95), 'ms', '< 50');
    figure('verify_load.uploads_checked', v.checked / v.seconds, 'uploads/s');
    figure('verify_load.refused_503', v.busy, 'count');
    if (!EXPECT_CONTINUE) figure('verify_load.refused_reset', v.reset, 'count');
    figure('verify_load.other_errors', v.errors, 'count', '== 0');
    figure('verify_load.server_rss_peak', v.rssPeak, 'MB');
    if (v.firstError) console.error(`  verify_load first error: ${v.firstError}`);
    agent.destroy();
  } finally {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function mainPhases(
  dialect: 'sqlite' | 'postgres',
  server: Server,
  agent: http.Agent,
  clients: Client[],
  report: Report,
): Promise<void> {
  const figure = reportFor(dialect, report);
  const cpu0 = server.cpuMs();
  // 1. Paced: every client sends one request each PACE_MS (CLIENTS * 1000 / PACE_MS requests/s offered).
  const mixed = await phase(server.port, agent, clients, 'mixed', PHASE_SECONDS, PACE_MS);
  figure('mixed.throughput', mixed.count / mixed.seconds, 'req/s');
  figure('mixed.p50', percentile(mixed.latencies, 50), 'ms');
  figure('mixed.p95', percentile(mixed.latencies, 95), 'ms', '< 50');
  figure('mixed.errors', mixed.errors, 'count', '== 0');
  figure('mixed.commands', mixed.applied / mixed.seconds, 'commands/s');
  // 2. Saturation: every client sends its next request as soon as the last one is answered.
  const saturated = await phase(server.port, agent, clients, 'mixed', PHASE_SECONDS, null);
  figure('saturated.throughput', saturated.count / saturated.seconds, 'req/s');
  figure('saturated.p95', percentile(saturated.latencies, 95), 'ms');
  figure('saturated.errors', saturated.errors, 'count', '== 0');
  // 3. Commands only, saturated: the command path's capacity.
  const commands = await phase(server.port, agent, clients, 'commands', PHASE_SECONDS, null);
  figure(
    'commands.applied',
    commands.applied / commands.seconds,
    'commands/s',
    dialect === 'sqlite' ? '>= 1000' : '',
  );
  figure('commands.p95', percentile(commands.latencies, 95), 'ms');
  figure('commands.errors', commands.errors, 'count', '== 0');
  figure(
    'server_cpu_per_request',
    ((server.cpuMs() - cpu0) / (mixed.count + saturated.count + commands.count)) * 1000,
    'us',
  );
  const firstError = mixed.firstError ?? saturated.firstError ?? commands.firstError;
  if (firstError) console.error(`  first error: ${firstError}`);
}

// ------------------------------------------------------------------------------------------------
// Setup through the command path (in this process, before the server starts)

interface ClientFixture {
  analyst: string;
  orderId: string;
  sampleId: string;
  analysisIds: string[];
  password: string;
}

async function prepare(handle: DbHandle): Promise<{ clients: ClientFixture[] }> {
  const config = defaultConfig({ scrypt: { N: 2 ** 12, r: 8, p: 1 } });
  const env: CommandEnv = { handle, config, reports: placeholderReportServices };
  const demo = await seedDemo(env);
  const user = (username: string) => demo.users.find((u) => u.username === username)!;
  const actor = (username: string): Actor => {
    const u = user(username);
    return { userId: u.id, role: u.role, labId: u.labId, customerId: u.customerId };
  };
  const apply = async (
    a: Actor,
    type: Parameters<typeof applyCommand>[1]['command']['type'],
    aggregateId: string,
    payload: Record<string, unknown>,
  ) => {
    const r = await applyCommand(env, {
      clientId: 'bench-setup',
      command: { id: randomUUID(), type, aggregateId, payload },
      actor: a,
    });
    if (r.outcome.status !== 'applied') throw new Error(`${type}: ${JSON.stringify(r.outcome)}`);
    return r.state as Order;
  };
  const sir20 = demo.sampleTypes.sir20!;
  const analysts = ['analis.karet1', 'analis.karet2'];
  const clients: ClientFixture[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    const orderId = randomUUID();
    let o = await apply(actor('pelanggan'), 'order.submit', orderId, {
      samples: [
        {
          sampleTypeId: sir20.id,
          description: `Karet remah SIR 20, lot bench-${i}`,
          customerLabel: `B-${i}`,
          analyses: sir20.parameterIds.slice(0, 4).map((parameterId) => ({ parameterId })),
        },
      ],
    });
    o = await apply(actor('cs1'), 'order.validate', orderId, {});
    o = await apply(actor('ketuatim'), 'tariff.approve', orderId, { adjustments: [] });
    o = await apply(actor('pelanggan'), 'billing.request', orderId, {});
    o = await apply(actor('bendahara'), 'billing.issue', orderId, {});
    o = await apply(SYSTEM_ACTOR, 'payment.confirm_auto', orderId, {
      billingCode: o.billings[0]!.code,
      ntpn: `BENCH${String(i).padStart(11, '0')}`,
      paidAt: new Date().toISOString(),
    });
    const sampleId = o.samples[0]!.id;
    o = await apply(actor('cs1'), 'sample.register', orderId, {
      sampleId,
      labId: demo.labs.KRT,
      penyeliaId: user('penyelia.karet').id,
      mtId: user('mt.karet').id,
    });
    o = await apply(actor('penyelia.karet'), 'sample.accept', orderId, { sampleId, condition: 'Baik' });
    const analyst = analysts[i % 2]!;
    o = await apply(actor('penyelia.karet'), 'sample.assign_analysts', orderId, {
      sampleId,
      assignments: o.samples[0]!.analyses.map((a) => ({ analysisId: a.id, analystId: user(analyst).id })),
    });
    o = await apply(actor('mt.karet'), 'assignment.validate', orderId, { sampleId });
    clients.push({
      analyst,
      orderId,
      sampleId,
      analysisIds: o.samples[0]!.analyses.map((a) => a.id),
      password: demo.password,
    });
  }
  // Sanity: the last order is in testing.
  const last = await loadOrder(handle.db, clients[clients.length - 1]!.orderId);
  if (last?.order.samples[0]?.status !== 'in_testing') throw new Error('bench setup: order not in testing');
  void (demo as DemoData);
  return { clients };
}

// ------------------------------------------------------------------------------------------------
// The server process and the clients

interface Server {
  port: number;
  /** CPU time (user + system) the server process used so far, in ms (Linux /proc; 0 elsewhere). */
  cpuMs(): number;
  /** Resident memory of the server process, MB (Linux /proc; 0 elsewhere). */
  rssMb(): number;
  stop(): Promise<void>;
}

async function startServer(dataDir: string, databaseUrl?: string): Promise<Server> {
  const profile = process.env.BENCH_PROFILE_DIR
    ? [`--cpu-prof`, `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
    : [];
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...profile,
      ...serverCliArgs({ port: '0', host: '127.0.0.1', 'data-dir': dataDir, 'log-level': 'warn' }),
    ],
    {
      // The bench's clients all come from 127.0.0.1: the per-address limits would measure themselves.
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl ?? '',
        SIPPT_RATE_LIMITS: 'session=100000/60,verifyUpload=100000/60',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      if (process.env.BENCH_SHOW_SERVER) process.stderr.write(d);
      out += d.toString();
      const m = /SIPPT server: http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.stderr!.on('data', (d: Buffer) => {
      out += d.toString();
      if (process.env.BENCH_SHOW_SERVER) process.stderr.write(d);
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
  const ticks = 100; // USER_HZ on Linux
  return {
    port,
    rssMb: () => {
      try {
        const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        return m ? Number(m[1]) / 1024 : 0;
      } catch {
        return 0;
      }
    },
    cpuMs: () => {
      try {
        const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        return ((Number(stat[11]) + Number(stat[12])) / ticks) * 1000;
      } catch {
        return 0;
      }
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.on('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

interface VerifyPhaseResult {
  health: number[];
  order: number[];
  checked: number;
  busy: number;
  /** Refused while still sending the body (no Expect: 100-continue): the connection was closed. */
  reset: number;
  errors: number;
  seconds: number;
  rssPeak: number;
  firstError: string | null;
}

/** A 10 MB PDF with a signature placeholder (the check reads its byte range and CMS), multipart-encoded. */
async function tenMegabytePdf(): Promise<{ body: Buffer; contentType: string }> {
  const { PDFDocument } = await import('pdf-lib');
  const { pdflibAddPlaceholder } = await import('@signpdf/placeholder-pdf-lib');
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]);
  await doc.attach(randomBytes(10 * 1024 * 1024 - 64 * 1024), 'data.bin', {
    mimeType: 'application/octet-stream',
  });
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: 'bench',
    contactInfo: '',
    name: 'bench',
    location: '',
    signatureLength: 8192,
  });
  const pdf = Buffer.from(await doc.save({ useObjectStreams: false }));
  const boundary = `----sipptbench${randomBytes(6).toString('hex')}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="lhu.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    pdf,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

async function verifyPhase(
  server: Server,
  agent: http.Agent,
  clients: Client[],
  seconds: number,
): Promise<VerifyPhaseResult> {
  const upload = await tenMegabytePdf();
  const res: VerifyPhaseResult = {
    health: [],
    order: [],
    checked: 0,
    busy: 0,
    reset: 0,
    errors: 0,
    seconds: 0,
    rssPeak: server.rssMb(),
    firstError: null,
  };
  const start = performance.now();
  const deadline = start + seconds * 1000;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const rss = setInterval(() => (res.rssPeak = Math.max(res.rssPeak, server.rssMb())), 100);
  const uploadAgent = new http.Agent({ keepAlive: true, maxSockets: 40 });
  const uploader = async () => {
    while (performance.now() < deadline) {
      const r = await new Promise<{ status: number; body: string }>((resolve) => {
        const req = http.request(
          {
            host: '127.0.0.1',
            port: server.port,
            method: 'POST',
            path: '/api/v1/verify',
            agent: uploadAgent,
            headers: {
              'content-type': upload.contentType,
              'content-length': String(upload.body.length),
              accept: 'application/json',
              // As curl does for a large body: the server admits (100 Continue) or refuses (503)
              // from the headers, so a refused upload is never sent (BENCH_VERIFY_EXPECT=0: without).
              ...(EXPECT_CONTINUE ? { expect: '100-continue' } : {}),
            },
          },
          (r2) => {
            const chunks: Buffer[] = [];
            r2.on('data', (c: Buffer) => chunks.push(c));
            r2.on('end', () =>
              resolve({ status: r2.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
            );
            r2.on('error', (e) => resolve({ status: 0, body: String(e) }));
          },
        );
        req.on('error', (e) => resolve({ status: 0, body: String(e) }));
        if (EXPECT_CONTINUE) req.on('continue', () => req.end(upload.body));
        else req.end(upload.body);
      });
      if (r.status === 200) res.checked++;
      else if (r.status === 503) {
        res.busy++;
        await sleep(100);
      } else if (!EXPECT_CONTINUE && r.status === 0 && /EPIPE|ECONNRESET/.test(r.body)) {
        // Without Expect: 100-continue the server refuses from the headers and closes the
        // connection without reading the body, which a client still sending it sees as a reset.
        res.reset++;
        await sleep(100);
      } else {
        res.errors++;
        res.firstError ??= `upload ${r.status} ${r.body.slice(0, 300)}`;
      }
    }
  };
  const reader = async (c: Client) => {
    let planned = start + Math.random() * 50;
    let n = 0;
    for (;;) {
      const wait = planned - performance.now();
      if (wait > 0) await sleep(wait);
      if (performance.now() >= deadline) break;
      const health = n++ % 2 === 0;
      let r: { status: number; body: string };
      try {
        r = health
          ? await request(server.port, agent, 'GET', '/api/v1/health', null)
          : await request(server.port, agent, 'GET', `/api/v1/orders/${c.orderId}`, c.csToken);
      } catch (e) {
        r = { status: 0, body: String(e) };
      }
      (health ? res.health : res.order).push(performance.now() - planned);
      if (r.status !== 200) {
        res.errors++;
        res.firstError ??= `read ${r.status} ${r.body.slice(0, 300)}`;
      }
      planned += 50;
    }
  };
  await Promise.all([...Array.from({ length: UPLOADERS }, uploader), ...clients.slice(0, 5).map(reader)]);
  clearInterval(rss);
  uploadAgent.destroy();
  res.seconds = (performance.now() - start) / 1000;
  return res;
}

interface Client extends ClientFixture {
  analystToken: string;
  csToken: string;
  counter: number;
}

function request(
  port: number,
  agent: http.Agent,
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(data ? { 'content-type': 'application/json', 'content-length': String(data.length) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (data) req.write(data);
    req.end();
  });
}

async function login(port: number, agent: http.Agent, c: ClientFixture): Promise<Client> {
  const tokenOf = async (username: string) => {
    const r = await request(port, agent, 'POST', '/api/v1/auth/login', null, {
      username,
      password: c.password,
    });
    if (r.status !== 200) throw new Error(`bench login ${username}: ${r.status} ${r.body}`);
    return (JSON.parse(r.body) as { accessToken: string }).accessToken;
  };
  return { ...c, analystToken: await tokenOf(c.analyst), csToken: await tokenOf('cs1'), counter: 0 };
}

interface PhaseResult {
  count: number;
  applied: number;
  errors: number;
  seconds: number;
  latencies: number[];
  firstError: string | null;
}

async function phase(
  port: number,
  agent: http.Agent,
  clients: Client[],
  mode: 'mixed' | 'commands',
  seconds: number,
  paceMs: number | null,
): Promise<PhaseResult> {
  const latencies: number[] = [];
  let count = 0;
  let applied = 0;
  let errors = 0;
  let firstError: string | null = null;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const loop = async (c: Client) => {
    // Paced clients start spread over one interval; a late answer delays the next send, and the
    // latency counts from the planned send time (no coordinated omission).
    let planned = start + (paceMs ? Math.random() * paceMs : 0);
    while (count < MAX_REQUESTS) {
      if (paceMs) {
        const wait = planned - performance.now();
        if (wait > 0) await sleep(wait);
      }
      if (performance.now() >= deadline) break;
      const roll = mode === 'commands' ? 1 : Math.random();
      const t0 = paceMs ? planned : performance.now();
      let r: { status: number; body: string };
      let isCommand = false;
      try {
        if (roll < 0.4) {
          r = await request(port, agent, 'GET', '/api/v1/orders?limit=50', c.csToken);
        } else if (roll < 0.7) {
          r = await request(
            port,
            agent,
            'GET',
            `/api/v1/orders/${clients[Math.floor(Math.random() * clients.length)]!.orderId}`,
            c.csToken,
          );
        } else {
          isCommand = true;
          const analysisId = c.analysisIds[c.counter++ % c.analysisIds.length]!;
          const value = (0.05 + (c.counter % 10) / 100).toFixed(2);
          r = await request(
            port,
            agent,
            'PUT',
            `/api/v1/orders/${c.orderId}/samples/${c.sampleId}/analyses/${analysisId}/result`,
            c.analystToken,
            {
              result: {
                value: value.replace('.', ','),
                numeric: Number(value),
                unit: '% (b/b)',
                testedOn: '2025-03-10',
              },
            },
          );
        }
      } catch (e) {
        r = { status: 0, body: String(e) };
      }
      latencies.push(performance.now() - t0);
      count++;
      if (r.status >= 200 && r.status < 300) {
        if (isCommand) applied++;
      } else {
        errors++;
        firstError ??= `${r.status} ${r.body.slice(0, 300)}`;
      }
      if (paceMs) planned += paceMs;
    }
  };
  await Promise.all(clients.map(loop));
  return { count, applied, errors, seconds: (performance.now() - start) / 1000, latencies, firstError };
}

async function createPgDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `sippt_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

// ------------------------------------------------------------------------------------------------
// Durability: what a durable commit costs (issue 12). A command the server acknowledged must
// survive a power loss. Measured in this process through the command path (no HTTP, so the
// difference is the commit's fsync): CLIENTS concurrent analysts saving results (SOP step 14) for
// DURABILITY_SECONDS, with each durability mode of server/db/connect.ts: 'normal' (what the server
// used before: no sync at commit, not durable), 'full' (synchronous = FULL: SQLite syncs the WAL in
// every commit, under the write lock) and 'group' (what the server uses: NORMAL plus a group commit,
// one WAL fsync after the commit shared by the commits made meanwhile). Applied commands/s and p95
// per command. The HTTP figures above (sqlite.commands.applied, sqlite.mixed.p95) are measured
// with 'group'.

const DURABILITY_SECONDS = Number(process.env.BENCH_DURABILITY_SECONDS ?? 5);

export async function durability(report: Report): Promise<void> {
  const figure = reportFor('sqlite', report);
  const modes = ['normal', 'full', 'group'] as const;
  const figures: Record<string, { rate: number; p95: number; fsyncs: number }> = {};
  for (const mode of modes) {
    const dir = mkdtempSync(join(tmpdir(), `sippt-bench-sync-${mode}-`));
    const handle = await openDatabase({ dataDir: dir, durability: mode });
    try {
      const { clients } = await prepare(handle);
      const config = defaultConfig({ scrypt: { N: 2 ** 12, r: 8, p: 1 } });
      const env: CommandEnv = { handle, config, reports: placeholderReportServices };
      const demo = await handle.db.selectFrom('users').select(['id', 'username', 'role', 'lab_id']).execute();
      const actorOf = (username: string): Actor => {
        const u = demo.find((x) => x.username === username)!;
        return { userId: u.id, role: u.role as Actor['role'], labId: u.lab_id, customerId: null };
      };
      const latencies: number[] = [];
      let applied = 0;
      const syncs0 = handle.walSyncs?.() ?? 0;
      const start = performance.now();
      const deadline = start + DURABILITY_SECONDS * 1000;
      await Promise.all(
        clients.map(async (c, i) => {
          const actor = actorOf(c.analyst);
          for (let n = 0; performance.now() < deadline; n++) {
            const value = (0.05 + ((i + n) % 10) / 100).toFixed(2);
            const t0 = performance.now();
            const r = await applyCommand(env, {
              clientId: `bench-durability-${i}`,
              command: {
                id: randomUUID(),
                type: 'result.save',
                aggregateId: c.orderId,
                payload: {
                  sampleId: c.sampleId,
                  analysisId: c.analysisIds[n % c.analysisIds.length]!,
                  result: {
                    value: value.replace('.', ','),
                    numeric: Number(value),
                    unit: '% (b/b)',
                    testedOn: '2025-03-10',
                  },
                },
              },
              actor,
            });
            latencies.push(performance.now() - t0);
            if (r.outcome.status === 'applied') applied++;
          }
        }),
      );
      figures[mode] = {
        rate: applied / ((performance.now() - start) / 1000),
        p95: percentile(latencies, 95),
        fsyncs: (handle.walSyncs?.() ?? 0) - syncs0,
      };
    } finally {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  for (const mode of modes) {
    figure(`durability.${mode}.commands`, figures[mode]!.rate, 'commands/s');
    figure(`durability.${mode}.p95`, figures[mode]!.p95, 'ms');
  }
  figure('durability.group_vs_normal', figures.group!.rate / figures.normal!.rate, 'ratio');
  figure('durability.full_vs_normal', figures.full!.rate / figures.normal!.rate, 'ratio');
}
