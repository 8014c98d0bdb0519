/**
 * What the sync integration tests share: the real server in a child process, a loopback HTTP proxy
 * the tests steer (refuse, drop the answer after the server committed, delay, duplicate, hold and
 * release out of order), and "the office": the online roles driving orders to the lab over HTTP.
 */
import axios, { type AxiosInstance } from 'axios';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import {
  createServer,
  request,
  Agent,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Order } from '../../../shared/domain/entities';
import { currentReport } from '../../../shared/domain/state';
import type { StaffUser } from '../../unit/desktop/fixtures';
import { until } from '../../unit/desktop/helpers';

const here = dirname(fileURLToPath(import.meta.url));
export const REPO = join(here, '..', '..', '..');
/** Node with tsx's loader in the same process (the tsx CLI would add a wrapper process a kill would miss). */
const NODE_TS = [process.execPath, '--import', 'tsx'] as const;
function spawnTs(script: string, args: string[]): ChildProcess {
  return spawn(NODE_TS[0], [...NODE_TS.slice(1), script, ...args], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** A staff login of the demo data: as the desktop tests' staff, all of them active. */
export type DemoUser = Omit<StaffUser, 'active'>;
export interface Demo {
  password: string;
  users: DemoUser[];
  labs: Record<string, string>;
  sampleTypes: Record<string, { id: string; labId: string; parameterIds: string[] }>;
}

// -------------------------------------------------------------------------------------------------
// The server process

export class ServerProcess {
  proc: ChildProcess | null = null;
  url = '';
  port = 0;
  demo: Demo | null = null;
  exits = 0;

  constructor(
    readonly dataDir: string,
    public opts: {
      accessTtlSeconds?: number;
      refreshTtlSeconds?: number;
      tokenSecret?: string;
      benchOrders?: number;
      realReports?: boolean;
    } = {},
  ) {
    mkdirSync(dataDir, { recursive: true });
  }

  /** Start (seeding the demo data the first time); later starts reuse the port and the data. */
  async start(seed = this.demo === null): Promise<this> {
    const args = [
      '--data-dir',
      this.dataDir,
      '--port',
      String(this.port),
      '--access-ttl',
      String(this.opts.accessTtlSeconds ?? 900),
    ];
    if (this.opts.refreshTtlSeconds) args.push('--refresh-ttl', String(this.opts.refreshTtlSeconds));
    if (this.opts.tokenSecret) args.push('--token-secret', this.opts.tokenSecret);
    if (this.opts.realReports) args.push('--real-reports');
    if (seed) args.push('--seed');
    if (seed && this.opts.benchOrders) args.push('--bench-orders', String(this.opts.benchOrders));
    const proc = spawnTs(join(here, 'server-process.ts'), args);
    this.proc = proc;
    let err = '';
    proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      const onData = (d: Buffer) => {
        out += d.toString();
        const nl = out.indexOf('\n');
        if (nl >= 0) {
          proc.stdout!.off('data', onData);
          resolve(out.slice(0, nl));
        }
      };
      proc.stdout!.on('data', onData);
      proc.once('exit', (code) =>
        reject(new Error(`server process exited (${code}) before listening: ${err}`)),
      );
    });
    const info = JSON.parse(line) as { url: string; demo: Demo | null };
    this.url = info.url;
    this.port = Number(new URL(info.url).port);
    if (info.demo) this.demo = info.demo;
    proc.once('exit', () => (this.exits += 1));
    return this;
  }

  /** Crash: SIGKILL, no graceful shutdown. */
  async kill(): Promise<void> {
    const p = this.proc;
    if (!p || p.exitCode !== null) return;
    const gone = new Promise((r) => p.once('exit', r));
    p.kill('SIGKILL');
    await gone;
    this.proc = null;
  }

  async stop(): Promise<void> {
    const p = this.proc;
    if (!p || p.exitCode !== null) return;
    const gone = new Promise((r) => p.once('exit', r));
    p.kill('SIGTERM');
    const t = setTimeout(() => p.kill('SIGKILL'), 5000);
    await gone;
    clearTimeout(t);
    this.proc = null;
  }

  user(username: string): DemoUser {
    const u = this.demo!.users.find((x) => x.username === username);
    if (!u) throw new Error(`no demo user ${username}`);
    return u;
  }
}

// -------------------------------------------------------------------------------------------------
// The proxy

export interface ProxiedRequest {
  n: number;
  method: string;
  path: string;
  body: Buffer;
}

/**
 * - pass: forward, answer.
 * - refuse: close the connection without forwarding (the server never sees it).
 * - drop: forward, let the server finish (commit), then close the connection without the answer.
 * - delay: forward, hold the answer `ms` before sending it.
 * - duplicate: forward the request twice at once; answer with the second reply.
 * - hold: forward at once, keep the answer until `release()`.
 * - hold-request: keep the request until `release()`, then forward it.
 * - status: answer with this HTTP status (e.g. 503) without forwarding.
 */
export type ProxyAction =
  | { kind: 'pass' }
  | { kind: 'refuse' }
  | { kind: 'drop' }
  | { kind: 'delay'; ms: number }
  | { kind: 'duplicate' }
  | { kind: 'hold' }
  | { kind: 'hold-request' }
  | { kind: 'status'; status: number };

export type ProxyRule = (req: ProxiedRequest) => ProxyAction;

interface Held {
  req: ProxiedRequest;
  go: () => void;
}

export class Proxy {
  private server: Server | null = null;
  private agent = new Agent({ keepAlive: true });
  url = '';
  port = 0;
  rule: ProxyRule = () => ({ kind: 'pass' });
  /** Refuse everything: the client is "offline". */
  offline = false;
  log: { n: number; path: string; action: ProxyAction['kind']; status: number | null }[] = [];
  private held: Held[] = [];
  private count = 0;
  private sockets = new Set<Socket>();

  constructor(public target: () => string) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((r) => this.server!.listen(this.port, '127.0.0.1', r));
    this.port = (this.server.address() as AddressInfo).port;
    this.url = `http://127.0.0.1:${this.port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const h of this.held.splice(0)) h.go();
    for (const s of this.sockets) s.destroy();
    this.agent.destroy();
    if (this.server) await new Promise<void>((r) => this.server!.close(() => r()));
    this.server = null;
  }

  heldCount(): number {
    return this.held.length;
  }

  /** Let held requests/answers go, in the order given (default: last held first). */
  release(order: 'lifo' | 'fifo' = 'lifo'): number {
    const list = this.held.splice(0);
    if (order === 'lifo') list.reverse();
    for (const h of list) h.go();
    return list.length;
  }

  private forward(
    method: string,
    path: string,
    headers: IncomingMessage['headers'],
    body: Buffer,
  ): Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }> {
    const target = new URL(this.target());
    return new Promise((resolve, reject) => {
      const r = request(
        {
          host: target.hostname,
          port: target.port,
          method,
          path,
          headers: { ...headers, host: target.host, 'content-length': String(body.length) },
          agent: this.agent,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }),
          );
          res.on('error', reject);
        },
      );
      r.on('error', reject);
      r.end(body);
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const p: ProxiedRequest = { n: ++this.count, method: req.method ?? 'GET', path: req.url ?? '/', body };
    const action: ProxyAction = this.offline ? { kind: 'refuse' } : this.rule(p);
    const entry = { n: p.n, path: p.path, action: action.kind, status: null as number | null };
    this.log.push(entry);
    const kill = () => {
      res.socket?.destroy();
    };
    if (action.kind === 'refuse') return kill();
    if (action.kind === 'status') {
      entry.status = action.status;
      res.writeHead(action.status, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          error: { code: 'internal_error', message: { id: 'gangguan uji', en: 'injected fault' } },
        }),
      );
      return;
    }
    if (action.kind === 'hold-request') await new Promise<void>((go) => this.held.push({ req: p, go }));
    const { authorization, 'content-type': ct, accept } = req.headers;
    const headers = {
      ...(authorization ? { authorization } : {}),
      ...(ct ? { 'content-type': ct } : {}),
      ...(accept ? { accept } : {}),
    };
    let answer;
    try {
      if (action.kind === 'duplicate') {
        const both = await Promise.allSettled([
          this.forward(p.method, p.path, headers, body),
          this.forward(p.method, p.path, headers, body),
        ]);
        const second = both[1];
        if (second.status === 'rejected') return kill();
        answer = second.value;
      } else {
        answer = await this.forward(p.method, p.path, headers, body);
      }
    } catch {
      return kill(); // the server is down: the client sees a broken connection
    }
    entry.status = answer.status;
    if (action.kind === 'drop') return kill();
    if (action.kind === 'delay') await new Promise((r) => setTimeout(r, action.ms));
    if (action.kind === 'hold') await new Promise<void>((go) => this.held.push({ req: p, go }));
    if (res.socket?.destroyed) return;
    const out: Record<string, string> = {
      'content-type': String(answer.headers['content-type'] ?? 'application/json'),
    };
    if (answer.headers.date) out.date = String(answer.headers.date);
    res.writeHead(answer.status, out);
    res.end(answer.body);
  }
}

// -------------------------------------------------------------------------------------------------
// The office: online roles over HTTP

export class Office {
  private tokens = new Map<string, string>();
  readonly http: AxiosInstance;

  constructor(
    readonly server: ServerProcess,
    private readonly baseUrl: () => string = () => server.url,
  ) {
    this.http = axios.create({ validateStatus: () => true, timeout: 30_000, proxy: false });
  }

  private async token(username: string): Promise<string> {
    const t = this.tokens.get(username);
    if (t) return t;
    const res = await this.http.post(`${this.baseUrl()}/api/v1/auth/login`, {
      username,
      password: this.server.demo!.password,
    });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.data)}`);
    this.tokens.set(username, res.data.accessToken as string);
    return res.data.accessToken as string;
  }

  forget(username?: string): void {
    if (username) this.tokens.delete(username);
    else this.tokens.clear();
  }

  async call<T = { order: Order }>(
    username: string,
    method: 'get' | 'post' | 'put' | 'patch',
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; data: T }> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const token = await this.token(username);
      const res = await this.http.request({
        method,
        url: `${this.baseUrl()}/api/v1${path}`,
        data: body,
        headers: { authorization: `Bearer ${token}`, ...headers },
      });
      if (res.status === 401 && attempt === 0) {
        this.tokens.delete(username);
        continue;
      }
      return { status: res.status, data: res.data as T };
    }
    throw new Error('unreachable');
  }

  async ok<T = { order: Order }>(
    username: string,
    method: 'get' | 'post' | 'put' | 'patch',
    path: string,
    body?: unknown,
  ): Promise<T> {
    const r = await this.call<T>(username, method, path, body ?? (method === 'get' ? undefined : {}));
    if (r.status >= 300)
      throw new Error(`${username} ${method.toUpperCase()} ${path}: ${r.status} ${JSON.stringify(r.data)}`);
    return r.data;
  }

  async order(id: string): Promise<Order> {
    return (await this.ok<{ order: Order }>('admin', 'get', `/orders/${id}`)).order;
  }

  /**
   * An order submitted by the customer and taken through steps 5-11 over HTTP: validated, tariff
   * approved, billing requested and issued, paid (gateway notification), every sample registered
   * to the lab with the given Penyelia and MT.
   */
  async orderInLab(
    opts: { type?: string; samples?: number; params?: number; penyelia?: string; mt?: string } = {},
  ): Promise<Order> {
    const demo = this.server.demo!;
    const type = demo.sampleTypes[opts.type ?? 'sir20']!;
    const params = type.parameterIds.slice(0, opts.params ?? 2);
    const samples = Array.from({ length: opts.samples ?? 1 }, (_, i) => ({
      sampleTypeId: type.id,
      description: `Bal karet uji sinkron ${i + 1}`,
      customerLabel: `SYNC-${i + 1}`,
      parameterIds: params,
    }));
    let o = (await this.ok('pelanggan', 'post', '/orders', { samples })).order;
    o = (await this.ok('cs1', 'post', `/orders/${o.id}/validate`)).order;
    o = (await this.ok('ketuatim', 'post', `/orders/${o.id}/tariff/approve`, { adjustments: [] })).order;
    o = (await this.ok('pelanggan', 'post', `/orders/${o.id}/billing/request`)).order;
    o = (await this.ok('bendahara', 'post', `/orders/${o.id}/billing`)).order;
    const billing = o.billings.find((b) => b.status === 'issued')!;
    const raw = JSON.stringify({
      billingCode: billing.code,
      ntpn: randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase(),
      paidAt: new Date().toISOString(),
    });
    const sig = createHmac('sha256', 'sync-test-payment-secret').update(raw).digest('hex');
    const paid = await this.http.post(`${this.baseUrl()}/api/v1/payments/notify`, raw, {
      headers: { 'content-type': 'application/json', 'x-sippt-signature': `sha256=${sig}` },
    });
    if (paid.status !== 200) throw new Error(`payment notify: ${paid.status} ${JSON.stringify(paid.data)}`);
    const penyelia = this.server.user(opts.penyelia ?? 'penyelia.karet');
    const mt = this.server.user(opts.mt ?? 'mt.karet');
    for (const s of o.samples) {
      o = (
        await this.ok('cs1', 'post', `/orders/${o.id}/samples/${s.id}/register`, {
          labId: penyelia.labId,
          penyeliaId: penyelia.id,
          mtId: mt.id,
        })
      ).order;
    }
    return o;
  }

  /** An order in the lab whose samples are in testing (steps 12-13 done online), analyses given to `analyst`. */
  async orderInTesting(
    opts: { type?: string; samples?: number; params?: number; analyst?: string } = {},
  ): Promise<Order> {
    let o = await this.orderInLab(opts);
    const analyst = this.server.user(opts.analyst ?? 'analis.karet1');
    for (const s of o.samples) {
      o = (
        await this.ok('penyelia.karet', 'post', `/orders/${o.id}/samples/${s.id}/accept`, {
          condition: 'Segel utuh',
        })
      ).order;
      o = (
        await this.ok('penyelia.karet', 'post', `/orders/${o.id}/samples/${s.id}/assign`, {
          assignments: s.analyses.map((a) => ({ analysisId: a.id, analystId: analyst.id })),
        })
      ).order;
      o = (await this.ok('mt.karet', 'post', `/orders/${o.id}/samples/${s.id}/assignment/validate`)).order;
    }
    return o;
  }

  /**
   * Steps 5-18 over HTTP: every sample's results entered (`value` each), verified and validated, its
   * report numbered, and the demo Kepala Balai's signature requested by cs1.
   */
  async orderAwaitingSignature(
    opts: { samples?: number; params?: number; value?: number } = {},
  ): Promise<Order> {
    const numeric = opts.value ?? 1.5;
    const result = { value: String(numeric).replace('.', ','), numeric, testedOn: '2025-03-10' };
    let o = await this.orderInTesting({ samples: opts.samples, params: opts.params });
    const kepala = this.server.user('kepala');
    for (const s of o.samples) {
      for (const a of s.analyses) {
        await this.ok('analis.karet1', 'put', `/orders/${o.id}/samples/${s.id}/analyses/${a.id}/result`, {
          result: { ...result, unit: a.unit },
        });
        o = (
          await this.ok('analis.karet1', 'post', `/orders/${o.id}/samples/${s.id}/analyses/${a.id}/submit`)
        ).order;
      }
      o = (await this.ok('penyelia.karet', 'post', `/orders/${o.id}/samples/${s.id}/results/verify`)).order;
      o = (await this.ok('mt.karet', 'post', `/orders/${o.id}/samples/${s.id}/results/validate`)).order;
      o = (await this.ok('ketuatim', 'post', `/orders/${o.id}/samples/${s.id}/reports`)).order;
      const r = currentReport(o.samples.find((x) => x.id === s.id)!)!;
      o = (
        await this.ok('cs1', 'post', `/orders/${o.id}/samples/${s.id}/reports/${r.id}/request-signature`, {
          kepalaBalaiId: kepala.id,
        })
      ).order;
    }
    return o;
  }

  /** The server's view of a user's bucket: a full pull as that user, with a fresh client id. */
  async bucket(username: string): Promise<Order[]> {
    const orders = new Map<string, Order>();
    const clientId = randomUUID();
    let cursor: string | null = null;
    for (;;) {
      const page: {
        changes: ({ op: 'put'; order: Order } | { op: 'remove'; orderId: string })[];
        cursor: string;
        hasMore: boolean;
      } = await this.ok(username, 'post', '/sync/pull', {
        clientId,
        cursor,
        limit: 1000,
      });
      for (const c of page.changes) {
        if (c.op === 'put') orders.set(c.order.id, c.order);
        else orders.delete(c.orderId);
      }
      if (!page.hasMore) break;
      cursor = page.cursor;
    }
    return [...orders.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  /** Every audit entry of an order (Admin Satker reads the whole trail). */
  async audit(
    orderId: string,
  ): Promise<{ commandId: string; command: string; position: string; actorId: string | null }[]> {
    const out: { commandId: string; command: string; position: string; actorId: string | null }[] = [];
    let before: string | null = null;
    for (;;) {
      const q: string = `/audit?orderId=${orderId}&limit=500${before ? `&before=${before}` : ''}`;
      const page = await this.ok<{
        entries: { commandId: string; command: string; position: string; actorId: string | null }[];
        nextBefore: string | null;
      }>('admin', 'get', q);
      out.push(...page.entries);
      if (!page.nextBefore) break;
      before = page.nextBefore;
    }
    return out;
  }

  /** How many distinct applications (feed positions) each command id has in an order's audit trail. */
  async applications(orderIds: readonly string[]): Promise<Map<string, Set<number>>> {
    const m = new Map<string, Set<number>>();
    for (const id of orderIds) {
      for (const e of await this.audit(id)) {
        const seq = Number(e.position.split(':')[0]);
        const set = m.get(e.commandId) ?? new Set<number>();
        set.add(seq);
        m.set(e.commandId, set);
      }
    }
    return m;
  }
}

/** As the desktop tests' `until`, with the longer wait a server in another process needs. */
export function waitFor(
  cond: () => boolean | Promise<boolean>,
  timeoutMs = 20_000,
  what = 'condition',
): Promise<void> {
  return until(cond, timeoutMs, what, 20);
}

// -------------------------------------------------------------------------------------------------
// A desktop in a child process (to be killed)

export interface ClientRun {
  proc: ChildProcess;
  /** Resolves with the line printed for the n-th step (0-based). */
  line(n: number): Promise<Record<string, unknown>>;
  kill(): Promise<void>;
  exited: Promise<number | null>;
  stderr(): string;
}

export function runClient(args: {
  dataDir: string;
  serverUrl: string;
  username: string;
  password: string;
  steps: unknown[];
}): ClientRun {
  const proc = spawnTs(join(here, 'client-process.ts'), [JSON.stringify(args)]);
  const lines: Record<string, unknown>[] = [];
  const waiters: (() => void)[] = [];
  let buf = '';
  let err = '';
  proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  proc.stdout!.on('data', (d: Buffer) => {
    buf += d.toString();
    let nl;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const l = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      try {
        lines.push(JSON.parse(l) as Record<string, unknown>);
      } catch {
        // not ours
      }
      for (const w of waiters.splice(0)) w();
    }
  });
  const exited = new Promise<number | null>((r) =>
    proc.once('exit', (code) => {
      for (const w of waiters.splice(0)) w();
      r(code);
    }),
  );
  return {
    proc,
    exited,
    stderr: () => err,
    async line(n) {
      while (lines.length <= n) {
        if (proc.exitCode !== null)
          throw new Error(`client exited (${proc.exitCode}) before step ${n}: ${err}`);
        await new Promise<void>((r) => waiters.push(r));
      }
      return lines[n]!;
    },
    async kill() {
      if (proc.exitCode !== null) return;
      proc.kill('SIGKILL');
      await exited;
    },
  };
}
