/**
 * Small clients for the end-to-end tests: the SIPPT server's HTTP API (/api/v1) as any demo user,
 * and the desktop host's bridge over HTTP (POST /bridge/call/<name> with the per-launch token).
 */
import { deterministicUuid } from '../../../server/ids';
import type { Order } from '../../../shared/domain/entities';
import { DEMO_PASSWORD, type DesktopHandle } from './stack';

/* eslint-disable @typescript-eslint/no-explicit-any -- API bodies are JSON checked by the assertions */

/** The fixed ids of server/demo-orders.ts (deterministic per key). */
export const demoId = (key: string): string => deterministicUuid(`sippt-demo:${key}`);
export const demoOrder = (key: string) => ({
  orderId: demoId(`order:${key}`),
  sampleId: demoId(`sample:${key}:0`),
});

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: any,
    what: string,
  ) {
    super(`${what}: HTTP ${status} ${JSON.stringify(body)}`);
  }
}

/** The server's HTTP API as the demo users (tokens cached per user; re-login when refused). */
export class Api {
  private tokens = new Map<string, string>();
  constructor(readonly baseUrl: string) {}

  async token(username: string, fresh = false): Promise<string> {
    let t = fresh ? undefined : this.tokens.get(username);
    if (!t) {
      const res = await this.raw(null, 'POST', 'auth/login', { username, password: DEMO_PASSWORD });
      t = res.accessToken as string;
      this.tokens.set(username, t);
    }
    return t;
  }

  async raw(user: string | null, method: string, path: string, body?: unknown): Promise<any> {
    const headers: Record<string, string> = {};
    if (user) headers.authorization = `Bearer ${await this.token(user)}`;
    if (body !== undefined || method !== 'GET') headers['content-type'] = 'application/json';
    const res = await fetch(`${this.baseUrl}/api/v1/${path}`, {
      method,
      headers,
      ...(method !== 'GET' ? { body: JSON.stringify(body ?? {}) } : {}),
    });
    const ct = res.headers.get('content-type') ?? '';
    const out = ct.includes('json') ? await res.json() : Buffer.from(await res.arrayBuffer());
    if (!res.ok) throw new ApiError(res.status, out, `${method} ${path} as ${user ?? 'anonymous'}`);
    return out;
  }

  get = (user: string, path: string) => this.raw(user, 'GET', path);
  post = (user: string, path: string, body?: unknown) => this.raw(user, 'POST', path, body);

  async order(orderId: string, as = 'cs1'): Promise<Order> {
    return (await this.get(as, `orders/${orderId}`)).order as Order;
  }

  async users(): Promise<{ id: string; username: string; name: string; role: string }[]> {
    const body = await this.get('admin', 'users');
    return (body.users ?? body.items ?? body) as {
      id: string;
      username: string;
      name: string;
      role: string;
    }[];
  }
}

export interface BridgeAnswer {
  status: number;
  body: any;
}

/** The desktop host's bridge over HTTP, as the UI's client calls it. */
export class Bridge {
  constructor(readonly desktop: Pick<DesktopHandle, 'origin' | 'token'>) {}

  async call(
    name: string,
    input: unknown = {},
    init: { token?: string | null; host?: string; rawBody?: string } = {},
  ): Promise<BridgeAnswer> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const token = init.token === undefined ? this.desktop.token : init.token;
    if (token !== null) headers['x-sippt-token'] = token;
    if (init.host) headers.host = init.host;
    const res = await fetch(`${this.desktop.origin}/bridge/call/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers,
      body: init.rawBody ?? JSON.stringify(input),
    });
    const text = await res.text();
    let body: any = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* plain text answer (Host refused) */
    }
    return { status: res.status, body };
  }

  /** The value of a call that must succeed. */
  async value<T = any>(name: string, input: unknown = {}): Promise<T> {
    const a = await this.call(name, input);
    if (a.status !== 200 || a.body?.ok !== true)
      throw new Error(`${name}: ${a.status} ${JSON.stringify(a.body)}`);
    return a.body.value as T;
  }

  login(username: string, mode: 'auto' | 'online' | 'offline' = 'auto') {
    return this.value('session.login', { username, password: DEMO_PASSWORD, mode });
  }
}
