/**
 * The portal's client of the SIPPT REST API (/api/v1): every answer is checked against the shared
 * zod schema of shared/api/http.ts, every refusal becomes an ApiError with the server's {id, en}
 * message, and a network failure becomes an UnreachableError (the banner "server tidak dapat
 * dihubungi" listens to ./connection).
 *
 * Tokens: the access token (15 minutes) lives in memory only. The refresh token is kept in
 * sessionStorage, so a reload of the tab keeps the customer signed in (and a half-filled order in
 * front of them), while closing the tab ends it: localStorage would leave a 30-day credential on a
 * shared or borrowed phone and hand it to every tab. A 401 refreshes once (one refresh in flight,
 * shared by concurrent requests, because the server rotates refresh tokens and refuses a reused
 * one) and repeats the request. A duplicated tab starts with the same refresh token: the tabs
 * refresh one at a time and hand each other the new pair (./tab-sessions.ts).
 */
import type { ZodType } from 'zod';
import {
  API_PREFIX,
  ErrorResponseSchema,
  SessionResponseSchema,
  type ErrorCode,
  type SessionResponse,
} from '../../../shared/api/http';
import type { Message } from '../../../shared/domain/rejections';
import { markReachable, markUnreachable } from './connection';
import { connectTabs } from './tab-sessions';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'unexpected',
    readonly msg: Message,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(msg.en);
  }
}

/** The server could not be reached (no network, server down): nothing was done on the server. */
export class UnreachableError extends Error {
  constructor() {
    super('server unreachable');
  }
}

const REFRESH_KEY = 'sippt.portal.refresh';

let accessToken: string | null = null;
/** The last pair this tab got (login, refresh, or from another tab): what it hands to a tab that asks. */
let current: SessionResponse | null = null;
let refreshing: Promise<SessionResponse | null> | null = null;
const sessionListeners = new Set<(s: SessionResponse | null) => void>();

/** Called with the new session after a login or refresh, and with null when it ends. */
export function onSessionChange(fn: (s: SessionResponse | null) => void): () => void {
  sessionListeners.add(fn);
  return () => sessionListeners.delete(fn);
}

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null; // storage blocked: the session lasts as long as the page
  }
}

function keep(s: SessionResponse | null): void {
  current = s;
  accessToken = s?.accessToken ?? null;
  if (s) storage()?.setItem(REFRESH_KEY, s.refreshToken);
  else storage()?.removeItem(REFRESH_KEY);
  for (const fn of sessionListeners) fn(s);
}

const tabs =
  typeof window === 'undefined'
    ? null
    : connectTabs({
        current: () => current,
        heldToken: () => storage()?.getItem(REFRESH_KEY) ?? null,
        adopt: keep,
      });

/** A login's session, or null when the session ends here (log out, refused): the other tabs holding it end too. */
export function setSession(s: SessionResponse | null): void {
  const before = storage()?.getItem(REFRESH_KEY);
  keep(s);
  if (!s && before) tabs?.ended(before);
}

export function hasStoredSession(): boolean {
  return Boolean(storage()?.getItem(REFRESH_KEY));
}

async function send(path: string, init: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(`${API_PREFIX}/${path}`, init);
  } catch {
    markUnreachable();
    throw new UnreachableError();
  }
  // A proxy in front of a stopped server answers 502/503/504 without our error shape.
  if ((res.status === 502 || res.status === 504) && !res.headers.get('content-type')?.includes('json')) {
    markUnreachable();
    throw new UnreachableError();
  }
  markReachable();
  return res;
}

async function errorOf(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    /* not JSON */
  }
  const parsed = ErrorResponseSchema.safeParse(body);
  if (parsed.success)
    return new ApiError(
      res.status,
      parsed.data.error.code,
      parsed.data.error.message,
      parsed.data.error.issues ?? [],
    );
  return new ApiError(res.status, 'unexpected', {
    id: `Server menjawab HTTP ${res.status}.`,
    en: `The server answered HTTP ${res.status}.`,
  });
}

/** Exchange the stored refresh token for a new pair; null when there is none or it is refused. */
export function refreshSession(): Promise<SessionResponse | null> {
  const held = storage()?.getItem(REFRESH_KEY) ?? null;
  const once = async (): Promise<SessionResponse | null> => {
    const token = storage()?.getItem(REFRESH_KEY);
    if (!token) return null;
    // Another tab handed this one a fresh pair while it waited for its turn: nothing to spend.
    if (held && token !== held && current?.refreshToken === token) return current;
    const handed = await tabs?.spentElsewhere(token);
    if (handed) {
      keep(handed);
      return handed;
    }
    const res = await send('auth/refresh', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: token }),
    });
    if (!res.ok) {
      // Refused (expired, revoked, reused): the session is over. Unreachable: thrown above, kept.
      if (res.status === 401 || res.status === 403) setSession(null);
      else throw await errorOf(res);
      return null;
    }
    const s = SessionResponseSchema.parse(await res.json());
    keep(s);
    tabs?.rotated(token, s);
    return s;
  };
  refreshing ??= (tabs ? tabs.exclusive(once) : once()).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH';
  body?: unknown;
  form?: FormData;
  /** Makes a state change safe to resend (a lost answer, a retry): the server applies it once. */
  idempotencyKey?: string;
  /** The version of the order the customer saw: a change made meanwhile is refused, not overwritten. */
  baseVersion?: number;
  auth?: boolean;
}

async function raw(path: string, o: RequestOptions = {}): Promise<Response> {
  const method = o.method ?? (o.body !== undefined || o.form ? 'POST' : 'GET');
  const build = (): RequestInit => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (o.auth !== false && accessToken) headers.authorization = `Bearer ${accessToken}`;
    if (o.idempotencyKey) headers['idempotency-key'] = o.idempotencyKey;
    if (o.baseVersion !== undefined) headers['x-base-version'] = String(o.baseVersion);
    let body: BodyInit | undefined;
    if (o.form) body = o.form;
    else if (method !== 'GET') {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(o.body ?? {});
    }
    return { method, headers, body, credentials: 'omit' };
  };
  if (o.auth !== false && !accessToken && hasStoredSession()) await refreshSession();
  let res = await send(path, build());
  if (res.status === 401 && o.auth !== false && hasStoredSession()) {
    const s = await refreshSession();
    if (s) res = await send(path, build());
  }
  if (!res.ok) throw await errorOf(res);
  return res;
}

/** A JSON request whose answer is checked by `schema`. */
export async function api<T>(path: string, schema: ZodType<T>, o: RequestOptions = {}): Promise<T> {
  const res = await raw(path, o);
  return schema.parse(await res.json());
}

/** A file (E-LHU, proof of payment) as a blob with the name the server gives it. */
export async function apiFile(path: string): Promise<{ blob: Blob; name: string }> {
  const res = await raw(path);
  const cd = res.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(cd)?.[1] ?? 'berkas';
  return { blob: await res.blob(), name };
}

/** Save a downloaded blob the way a link download would (the API needs the bearer token). */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A person's line for any error: the server's message in the user's language. */
export function errorMessage(e: unknown, lang: string): string {
  if (e instanceof ApiError) return lang === 'en' ? e.msg.en : e.msg.id;
  if (e instanceof UnreachableError) {
    return lang === 'en'
      ? 'The server cannot be reached. Check your connection and try again.'
      : 'Server tidak dapat dihubungi. Periksa koneksi Anda, lalu coba lagi.';
  }
  return lang === 'en'
    ? 'Unexpected error. Try again; if it repeats, contact the laboratory.'
    : 'Kesalahan tak terduga. Coba lagi; bila berulang, hubungi laboratorium.';
}
