/**
 * A small in-memory server speaking the sync contract (shared/api/sync.ts) and the auth part of
 * shared/api/http.ts, for the desktop core's unit tests. It decides with the same domain core and
 * records (client, command id) with the outcome; the integration tests use the real server.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  PullRequestSchema,
  PushRequestSchema,
  type PullChange,
  type PushOutcome,
} from '../../../shared/api/sync';
import type { Command, CommandType } from '../../../shared/domain/commands';
import { decide } from '../../../shared/domain/decide';
import type { Order } from '../../../shared/domain/entities';
import { currentReport } from '../../../shared/domain/state';
import { actorOf, STAFF, type StaffUser } from './fixtures';

interface Token {
  userId: string;
  expiresAt: number;
}

export interface FakeServerOptions {
  accessTtlMs?: number;
  refreshTtlMs?: number;
  /** Server clock: real time plus this offset. */
  clockOffsetMs?: number;
}

export class FakeServer {
  private server: Server | null = null;
  url = '';
  users = new Map<string, StaffUser>();
  orders = new Map<string, Order>();
  /** Change counter per order (the change feed). */
  private changed = new Map<string, number>();
  private counter = 0;
  /** (client, command id) -> outcome. */
  processed = new Map<string, PushOutcome>();
  lastSeq = new Map<string, number>();
  /** Every command applied, in order (the "audit trail"). */
  appliedLog: { clientId: string | null; commandId: string; type: string }[] = [];
  access = new Map<string, Token>();
  refresh = new Map<string, Token>();
  requests: { path: string; status: number }[] = [];
  /** Fail the next N requests to this path with this status (or 'drop' to destroy the socket). */
  faults: { path: string; mode: number | 'drop' | 'drop-after'; remaining: number }[] = [];

  constructor(private readonly options: FakeServerOptions = {}) {
    for (const u of Object.values(STAFF)) this.users.set(u.username, { ...u });
  }

  now(): Date {
    return new Date(Date.now() + (this.options.clockOffsetMs ?? 0));
  }

  private port = 0;

  /** Listen (again, on the same port after a stop). */
  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(this.port, '127.0.0.1', r));
    this.port = (this.server.address() as AddressInfo).port;
    this.url = `http://127.0.0.1:${this.port}`;
    return this;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server!.close(() => r()));
    this.server = null;
  }

  // ---------------------------------------------------------------------------------------------
  // Data

  put(order: Order): void {
    this.orders.set(order.id, order);
    this.changed.set(order.id, ++this.counter);
  }

  /** Apply a command as a staff user directly (CS, admin, or "another desktop"). */
  apply(type: CommandType, orderId: string, payload: unknown, by: StaffUser): Order {
    const d = decide(
      this.orders.get(orderId) ?? null,
      { id: randomUUID(), type, payload } as Command,
      actorOf(by),
      this.now(),
    );
    if (!d.ok) throw new Error(`${type}: ${d.message.en}`);
    this.put(d.state as Order);
    return d.state as Order;
  }

  /** The analyst (STAFF.analis) saves `value` online meanwhile: a desktop's offline save of it goes stale. */
  analystSavesOnline(orderId: string, sampleId: string, analysisId: string, value = 0.5): Order {
    const result = { value: String(value), numeric: value, unit: '%' };
    return this.apply('result.save', orderId, { sampleId, analysisId, result }, STAFF.analis);
  }

  /** The Penyelia (STAFF.penyelia) rejects the sample online meanwhile: a desktop's accept of it no longer decides. */
  penyeliaRejectsOnline(orderId: string, sampleId: string): Order {
    return this.apply(
      'sample.reject',
      orderId,
      { sampleId, reason: 'Kemasan bocor, sampel rusak' },
      STAFF.penyelia,
    );
  }

  inBucket(order: Order, userId: string): boolean {
    return order.samples.some(
      (s) =>
        s.penyeliaId === userId ||
        s.mtId === userId ||
        s.analyses.some((a) => a.analystId === userId) ||
        (s.status === 'awaiting_signature' && currentReport(s)?.kepalaBalaiId === userId),
    );
  }

  bucket(userId: string): Order[] {
    return [...this.orders.values()]
      .filter((o) => this.inBucket(o, userId))
      .sort((a, b) => a.id.localeCompare(b.id));
  }

  fault(path: string, mode: number | 'drop' | 'drop-after', times = 1): void {
    this.faults.push({ path, mode, remaining: times });
  }

  // ---------------------------------------------------------------------------------------------
  // HTTP

  private send(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json', date: new Date().toUTCString() });
    res.end(JSON.stringify(body));
  }

  private error(res: ServerResponse, status: number, code: string, en: string): void {
    this.send(res, status, { error: { code, message: { id: en, en } } });
  }

  private issue(user: StaffUser) {
    const accessToken = randomBytes(24).toString('hex');
    const refreshToken = randomBytes(24).toString('hex');
    const now = Date.now();
    const accessTtl = this.options.accessTtlMs ?? 15 * 60_000;
    const refreshTtl = this.options.refreshTtlMs ?? 30 * 86_400_000;
    this.access.set(accessToken, { userId: user.id, expiresAt: now + accessTtl });
    this.refresh.set(refreshToken, { userId: user.id, expiresAt: now + refreshTtl });
    return {
      tokenType: 'Bearer',
      accessToken,
      expiresIn: Math.max(1, Math.round(accessTtl / 1000)),
      refreshToken,
      refreshExpiresIn: Math.max(1, Math.round(refreshTtl / 1000)),
      user: this.profile(user),
    };
  }

  /** The user as the login answer and /auth/me describe them. */
  private profile(user: StaffUser) {
    return {
      id: user.id,
      username: user.username,
      name: user.name,
      role: user.role,
      labId: user.labId,
      customerId: null,
      nip: null,
      active: user.active,
    };
  }

  private userById(id: string): StaffUser | undefined {
    return [...this.users.values()].find((u) => u.id === id);
  }

  private authed(req: IncomingMessage): StaffUser | null {
    const h = req.headers.authorization ?? '';
    const t = this.access.get(h.replace(/^Bearer /, ''));
    if (!t || t.expiresAt < Date.now()) return null;
    const u = this.userById(t.userId);
    return u && u.active ? u : null;
  }

  /** Expire every access token (as if time passed). */
  expireAccessTokens(): void {
    for (const t of this.access.values()) t.expiresAt = 0;
  }
  expireRefreshTokens(): void {
    for (const t of this.refresh.values()) t.expiresAt = 0;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const path = (req.url ?? '').replace(/\?.*$/, '');
    let body: unknown = {};
    try {
      body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
    } catch {
      return this.error(res, 400, 'bad_request', 'bad JSON');
    }
    const f = this.faults.find((x) => x.remaining > 0 && path.endsWith(x.path));
    if (f) {
      f.remaining -= 1;
      if (f.mode === 'drop') {
        req.socket.destroy();
        return;
      }
      if (typeof f.mode === 'number') {
        this.requests.push({ path, status: f.mode });
        return this.error(res, f.mode, 'internal_error', 'injected fault');
      }
    }
    const respond = (status: number, b: unknown) => {
      this.requests.push({ path, status });
      if (f?.mode === 'drop-after') {
        // The work is done (committed), the answer never arrives.
        req.socket.destroy();
        return;
      }
      this.send(res, status, b);
    };
    const unauthorized = () =>
      respond(401, { error: { code: 'unauthorized', message: { id: 'x', en: 'unauthorized' } } });
    /** A push or pull answer: its own fields, then how far this desktop's queue got and the server's clock. */
    const syncReply = (clientId: string, fields: object) =>
      respond(200, {
        ...fields,
        lastProcessedSeq: this.lastSeq.get(clientId) ?? 0,
        serverTime: this.now().toISOString(),
      });
    try {
      switch (path) {
        case '/api/v1/auth/login': {
          const { username, password } = body as { username: string; password: string };
          const u = this.users.get(username);
          if (!u || u.password !== password)
            return respond(401, {
              error: { code: 'invalid_credentials', message: { id: 'salah', en: 'wrong' } },
            });
          if (!u.active)
            return respond(403, {
              error: { code: 'account_inactive', message: { id: 'nonaktif', en: 'inactive' } },
            });
          return respond(200, this.issue(u));
        }
        case '/api/v1/auth/refresh': {
          const { refreshToken } = body as { refreshToken: string };
          const t = this.refresh.get(refreshToken);
          const u = t ? this.userById(t.userId) : undefined;
          if (!t || t.expiresAt < Date.now() || !u)
            return respond(401, { error: { code: 'unauthorized', message: { id: 'x', en: 'expired' } } });
          this.refresh.delete(refreshToken);
          if (!u.active)
            return respond(401, {
              error: { code: 'account_inactive', message: { id: 'x', en: 'inactive' } },
            });
          return respond(200, this.issue(u));
        }
        case '/api/v1/auth/logout':
          return respond(200, { ok: true });
        case '/api/v1/sync/push': {
          const user = this.authed(req);
          if (!user) return unauthorized();
          const p = PushRequestSchema.safeParse(body);
          if (!p.success)
            return respond(400, {
              error: { code: 'bad_request', message: { id: 'x', en: p.error.issues[0]?.message ?? 'bad' } },
            });
          const outcomes: PushOutcome[] = [];
          for (const c of p.data.commands) {
            const key = `${p.data.clientId}:${c.id}`;
            const stored = this.processed.get(key);
            if (stored) {
              outcomes.push(stored);
              continue;
            }
            const state = this.orders.get(c.aggregateId) ?? null;
            const d = decide(
              state,
              { id: c.id, type: c.type, payload: c.payload, baseVersion: c.baseVersion } as Command,
              actorOf(user),
              this.now(),
            );
            let out: PushOutcome;
            if (d.ok) {
              this.put(d.state as Order);
              this.appliedLog.push({ clientId: p.data.clientId, commandId: c.id, type: c.type });
              out = { commandId: c.id, seq: c.seq, status: 'applied', version: (d.state as Order).version };
            } else {
              out = { commandId: c.id, seq: c.seq, status: 'rejected', code: d.code, message: d.message };
            }
            this.processed.set(key, out);
            this.lastSeq.set(p.data.clientId, Math.max(this.lastSeq.get(p.data.clientId) ?? 0, c.seq));
            outcomes.push(out);
          }
          return syncReply(p.data.clientId, { outcomes });
        }
        case '/api/v1/sync/pull': {
          const user = this.authed(req);
          if (!user) return unauthorized();
          const p = PullRequestSchema.safeParse(body);
          if (!p.success)
            return respond(400, { error: { code: 'bad_request', message: { id: 'x', en: 'bad' } } });
          const since = p.data.cursor === null ? 0 : Number(p.data.cursor);
          const changedIds = [...this.changed.entries()]
            .filter(([, c]) => c > since)
            .sort((a, b) => a[1] - b[1]);
          const changes: PullChange[] = [];
          let cursor = since;
          let hasMore = false;
          for (const [id, c] of changedIds) {
            if (changes.length >= p.data.limit) {
              hasMore = true;
              break;
            }
            const o = this.orders.get(id)!;
            if (this.inBucket(o, user.id)) changes.push({ op: 'put', order: o });
            else if (since > 0) changes.push({ op: 'remove', orderId: id });
            cursor = c;
          }
          if (!hasMore) cursor = Math.max(cursor, this.counter);
          return syncReply(p.data.clientId, { changes, cursor: String(cursor), hasMore });
        }
        case '/api/v1/auth/me': {
          const user = this.authed(req);
          if (!user) return unauthorized();
          return respond(200, this.profile(user));
        }
        case '/api/v1/staff': {
          if (!this.authed(req)) return unauthorized();
          return respond(200, {
            staff: [...this.users.values()].map((u) => ({
              id: u.id,
              name: u.name,
              role: u.role,
              labId: u.labId,
              active: u.active,
            })),
          });
        }
        default: {
          const h = /^\/api\/v1\/orders\/([^/]+)\/history$/.exec(path);
          if (h && this.history.has(decodeURIComponent(h[1]!))) {
            if (!this.authed(req)) return unauthorized();
            return respond(200, { entries: this.history.get(decodeURIComponent(h[1]!)) });
          }
          return respond(404, { error: { code: 'not_found', message: { id: 'x', en: 'not found' } } });
        }
      }
    } catch (e) {
      return respond(500, { error: { code: 'internal_error', message: { id: 'x', en: String(e) } } });
    }
  }

  /** Order histories served at GET /orders/:id/history (absent: 404, as a server without the route). */
  readonly history = new Map<string, unknown[]>();

  /** How many times each command id was applied. */
  appliedCounts(): Map<string, number> {
    const m = new Map<string, number>();
    for (const e of this.appliedLog) m.set(e.commandId, (m.get(e.commandId) ?? 0) + 1);
    return m;
  }
}

export const hashOf = (s: string) => createHash('sha256').update(s).digest('hex');
