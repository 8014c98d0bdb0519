/**
 * The desktop's HTTP client of the SIPPT server (axios, with timeouts). Every failure is
 * classified once, here, into what the sync loop needs to know:
 *
 * - `network`: no answer (refused, reset, timeout, DNS): retry later;
 * - `server`: a 5xx, or a 2xx whose body breaks the contract: retry later;
 * - `unauthorized` (401) and `forbidden` (403): the session is the problem, not the data;
 * - `client`: any other 4xx: the request itself is wrong; retrying the same request cannot help;
 * - `outdated` (426 client_outdated): this desktop is older than the server's minimum version. Not
 *   the request's fault: nothing is recorded as rejected, the outbox keeps every change until the
 *   desktop is updated.
 *
 * Every request says which desktop sends it: `X-SIPPT-Client: desktop/<version>`.
 */
import axios, {
  type AxiosInstance,
  type AxiosProxyConfig,
  type AxiosRequestConfig,
  type AxiosResponse,
} from 'axios';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  AccountCommandResponseSchema,
  AuditListResponseSchema,
  CatalogResponseSchema,
  CommandResponseSchema,
  CustomerListResponseSchema,
  CustomerResponseSchema,
  ErrorResponseSchema,
  IDEMPOTENCY_HEADER,
  OrderListResponseSchema,
  OrderResponseSchema,
  UserListResponseSchema,
  OrderHistoryResponseSchema,
  PublicUserSchema,
  SessionResponseSchema,
  SignedFileResponseSchema,
  StaffListResponseSchema,
  type PublicUser,
  type SessionResponse,
} from '../../../shared/api/http';
import { HolidayListSchema } from '../../../shared/api/calendar';
import { CertificateInfoSchema } from '../../../shared/bridge/online-calls';
import { RecordReportSchema } from '../../../shared/bridge/records-calls';
import type { RecordKind } from '../../../shared/domain/record-permissions';
import type { AccountStatus, OrderStatus } from '../../../shared/domain/states';
import {
  PullResponseSchema,
  PushResponseSchema,
  type PullRequest,
  type PullResponse,
  type PushRequest,
  type PushResponse,
} from '../../../shared/api/sync';
import type { Message } from '../../../shared/domain/rejections';
import {
  CLIENT_HEADER,
  ClientNoticeSchema,
  clientHeaderValue,
  type ClientNotice,
} from '../../../shared/api/releases';
import { systemClock, type Clock } from '../clock';

export type SignedFileResponse = z.infer<typeof SignedFileResponseSchema>;

export type FailureKind = 'network' | 'server' | 'unauthorized' | 'forbidden' | 'client' | 'outdated';

export class ApiError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly status: number | null = null,
    readonly code: string | null = null,
    readonly serverMessage: Message | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Only network errors and 5xx are retried (DESIGN.md, sync). */
  get retryable(): boolean {
    return this.kind === 'network' || this.kind === 'server';
  }
}

export interface ApiClientOptions {
  baseUrl: string;
  /** Per request; a pull of a large bucket gets `pullTimeoutMs`. */
  timeoutMs?: number;
  pullTimeoutMs?: number;
  clock?: Clock;
  /** Every answer with a server time: (serverTime, local send time, local receive time). */
  onServerTime?: (serverTime: string, sentAt: number, receivedAt: number) => void;
  /** Validate pull bodies against the full order schema (on by default). */
  validatePull?: boolean;
  /** This desktop's version (default: SIPPT_APP_VERSION, which the shell sets). */
  clientVersion?: string;
  /**
   * What the server said of this desktop's version: a notice when it is older than the minimum
   * supported version (a login or renewal answer's notice, or a push refused with 426); null when
   * the server accepted it (a login or renewal without a notice, a push accepted).
   */
  onClientNotice?: (notice: ClientNotice | null) => void;
  /** The unit's HTTP(S) proxy (`http://host:port`), read at every request; null or absent: none. */
  proxy?: () => string | null | undefined;
}

export class ApiClient {
  private readonly http: AxiosInstance;
  private readonly clock: Clock;

  constructor(private readonly options: ApiClientOptions) {
    this.clock = options.clock ?? systemClock;
    this.http = axios.create({
      baseURL: `${options.baseUrl.replace(/\/+$/, '')}/api/v1`,
      timeout: options.timeoutMs ?? 15_000,
      validateStatus: () => true,
      maxContentLength: Infinity,
      maxBodyLength: Infinity,
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        [CLIENT_HEADER]: clientHeaderValue(options.clientVersion ?? process.env.SIPPT_APP_VERSION ?? '0.0.0'),
      },
      // Never follow a redirect with a bearer token to somewhere else.
      maxRedirects: 0,
      proxy: false,
    });
    // Read at every request, so a proxy changed in the settings applies to the next one.
    this.http.interceptors.request.use((config) => {
      config.proxy = axiosProxy(options.proxy?.() ?? null);
      return config;
    });
  }

  get baseUrl(): string {
    return this.options.baseUrl;
  }

  /** One request; no answer at all (refused, reset, timed out) is a network error, retried by sync. */
  private async exchange<T>(path: string, config: AxiosRequestConfig): Promise<AxiosResponse<T>> {
    try {
      return await this.http.request<T>({ ...config, url: path });
    } catch (e) {
      const err = e as { code?: string; message?: string };
      throw new ApiError('network', `${path}: ${err.code ?? ''} ${err.message ?? String(e)}`.trim());
    }
  }

  private async send<T>(
    method: 'get' | 'post' | 'put' | 'patch',
    path: string,
    body: unknown,
    schema: z.ZodType<T> | null,
    token: string | null,
    timeoutMs?: number,
    extraHeaders: Record<string, string> = {},
  ): Promise<T> {
    const sentAt = this.clock.now();
    const res = await this.exchange<unknown>(path, {
      method,
      data: method === 'get' ? undefined : JSON.stringify(body ?? {}),
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...extraHeaders },
      ...(timeoutMs ? { timeout: timeoutMs } : {}),
    });
    const receivedAt = this.clock.now();
    const dateHeader = res.headers['date'];
    if (res.status >= 500)
      throw new ApiError(
        'server',
        `${path}: HTTP ${res.status}`,
        res.status,
        errorCode(res.data),
        errorMessage(res.data),
      );
    if (res.status === 426 || errorCode(res.data) === 'client_outdated') {
      const m = errorMessage(res.data);
      const minimumVersion = res.headers['x-sippt-minimum-version'];
      const notice = ClientNoticeSchema.safeParse({ code: 'client_outdated', minimumVersion, message: m });
      if (notice.success) this.options.onClientNotice?.(notice.data);
      throw new ApiError(
        'outdated',
        m ? `${m.id} / ${m.en}` : `${path}: HTTP ${res.status}`,
        res.status,
        'client_outdated',
        m,
      );
    }
    if (res.status === 401 || res.status === 403) {
      throw new ApiError(
        res.status === 401 ? 'unauthorized' : 'forbidden',
        `${path}: HTTP ${res.status}`,
        res.status,
        errorCode(res.data),
        errorMessage(res.data),
      );
    }
    if (res.status >= 300) {
      const m = errorMessage(res.data);
      throw new ApiError(
        'client',
        `${path}: HTTP ${res.status}${m ? ` ${m.en}` : ''}`,
        res.status,
        errorCode(res.data),
        m,
      );
    }
    let data: unknown = res.data;
    if (typeof data === 'string') {
      try {
        data = JSON.parse(data);
      } catch {
        throw new ApiError('server', `${path}: the answer is not JSON`, res.status);
      }
    }
    const serverTime = (data as { serverTime?: unknown } | null)?.serverTime;
    if (typeof serverTime === 'string') this.options.onServerTime?.(serverTime, sentAt, receivedAt);
    else if (typeof dateHeader === 'string')
      this.options.onServerTime?.(new Date(dateHeader).toISOString(), sentAt, receivedAt);
    if (!schema) return data as T;
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ApiError(
        'server',
        `${path}: the answer breaks the contract at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? ''}`,
        res.status,
      );
    }
    return parsed.data;
  }

  login(username: string, password: string): Promise<SessionResponse> {
    return this.openSession('/auth/login', { username, password });
  }

  refresh(refreshToken: string): Promise<SessionResponse> {
    return this.openSession('/auth/refresh', { refreshToken });
  }

  /** A login or a refresh: the session, and the server's word on this version (or none) passed on. */
  private async openSession(
    path: '/auth/login' | '/auth/refresh',
    body: { username: string; password: string } | { refreshToken: string },
  ): Promise<SessionResponse> {
    const res = await this.send(
      'post',
      path,
      body,
      SessionResponseSchema.extend({ clientNotice: ClientNoticeSchema.optional() }),
      null,
    );
    const { clientNotice, ...session } = res;
    this.options.onClientNotice?.(clientNotice ?? null);
    return session;
  }

  /** Revokes the session (all its tokens) on the server. */
  async logout(accessToken: string): Promise<void> {
    await this.send('post', '/auth/logout', {}, null, accessToken);
  }

  /** The signed-in user as the server knows them now (role and lab changes show here first). */
  me(token: string): Promise<PublicUser> {
    return this.send('get', '/auth/me', undefined, PublicUserSchema, token);
  }

  async push(token: string, req: PushRequest): Promise<PushResponse> {
    const res = await this.send('post', '/sync/push', req, PushResponseSchema, token);
    this.options.onClientNotice?.(null); // the server took this version's push
    return res;
  }

  pull(token: string, req: PullRequest): Promise<PullResponse> {
    const schema = this.options.validatePull === false ? null : PullResponseSchema;
    return this.send(
      'post',
      '/sync/pull',
      req,
      schema as z.ZodType<PullResponse> | null,
      token,
      this.options.pullTimeoutMs ?? 120_000,
    );
  }

  /** The E-LHU file of a report as this user may see it (staff: the unsigned one until it is signed). */
  async reportFile(token: string, ref: ReportRef, timeoutMs = 60_000): Promise<Uint8Array> {
    return (await this.fileOf(token, reportPath(ref, 'file'), { timeoutMs, accept: 'application/pdf' }))
      .bytes;
  }

  /**
   * Upload a signed E-LHU ahead of its 'report.sign' command (PUT .../signed-file, multipart field
   * `file`): the server verifies it against the registered certificate and the issued document and
   * stores it; the command pushed afterwards names it by hash. Idempotent on the server.
   */
  async uploadSignedFile(
    token: string,
    ref: ReportRef,
    pdf: Uint8Array,
    timeoutMs = 60_000,
  ): Promise<SignedFileResponse> {
    const path = reportPath(ref, 'signed-file');
    const boundary = `----sippt${randomUUID().replace(/-/g, '')}`;
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${ref.reportId}.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
        'latin1',
      ),
      Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength),
      Buffer.from(`\r\n--${boundary}--\r\n`, 'latin1'),
    ]);
    const res = await this.exchange<ArrayBuffer>(path, {
      method: 'put',
      data: body,
      responseType: 'arraybuffer',
      transformRequest: [(d: unknown) => d],
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      timeout: timeoutMs,
    });
    const data = decodeBody(res.data);
    if (res.status >= 300) throw failure(path, res.status, data);
    const parsed = SignedFileResponseSchema.safeParse(data);
    if (!parsed.success) throw new ApiError('server', `${path}: the answer breaks the contract`, res.status);
    return parsed.data;
  }

  catalog(token: string) {
    return this.send('get', '/catalog', undefined, CatalogResponseSchema, token);
  }

  staff(token: string) {
    return this.send('get', '/staff', undefined, StaffListResponseSchema, token);
  }

  // -----------------------------------------------------------------------------------------------
  // Online staff operations (Admin Satker, CS, Ketua Tim PJI, Bendahara): one request each, sent
  // with an Idempotency-Key so a resend after a lost answer is applied once.

  private command<T>(
    method: 'post' | 'put' | 'patch',
    path: string,
    body: unknown,
    schema: z.ZodType<T>,
    token: string,
    timeoutMs?: number,
  ): Promise<T> {
    return this.send(method, path, body, schema, token, timeoutMs, { [IDEMPOTENCY_HEADER]: randomUUID() });
  }

  /** A state-changing operation on an order or what it holds (POST below /orders/:id/), answered by its outcome. */
  private orderStep(token: string, path: string, body: unknown, timeoutMs?: number) {
    return this.command('post', path, body, CommandResponseSchema, token, timeoutMs);
  }

  orders(token: string, query: { status?: OrderStatus; limit?: number; cursor?: string }) {
    return this.send('get', `/orders${queryString(query)}`, undefined, OrderListResponseSchema, token);
  }

  order(token: string, orderId: string) {
    return this.send('get', `/orders/${encodeURIComponent(orderId)}`, undefined, OrderResponseSchema, token);
  }

  /** A state-changing order operation (POST /orders/:id/<path>). */
  orderCommand(token: string, orderId: string, path: string, body: unknown = {}) {
    return this.orderStep(token, `/orders/${encodeURIComponent(orderId)}/${path}`, body);
  }

  /** A state-changing sample operation (POST /orders/:id/samples/:sampleId/<path>). */
  sampleCommand(token: string, ref: { orderId: string; sampleId: string }, path: string, body: unknown = {}) {
    const e = encodeURIComponent;
    return this.orderStep(token, `/orders/${e(ref.orderId)}/samples/${e(ref.sampleId)}/${path}`, body);
  }

  /** Step 17: the report number (POST .../reports). */
  numberReport(token: string, ref: { orderId: string; sampleId: string }) {
    return this.sampleCommand(token, ref, 'reports');
  }

  /** Steps 18 and 20, amendment; a signature request renders the E-LHU on the server, so it gets a minute. */
  reportCommand(
    token: string,
    ref: ReportRef,
    leaf: 'request-signature' | 'release' | 'amend',
    body: unknown = {},
  ) {
    return this.orderStep(token, reportPath(ref, leaf), body, 60_000);
  }

  proofCommand(
    token: string,
    orderId: string,
    proofId: string,
    leaf: 'approve' | 'reject',
    body: unknown = {},
  ) {
    const e = encodeURIComponent;
    return this.orderStep(token, `/orders/${e(orderId)}/payment-proofs/${e(proofId)}/${leaf}`, body);
  }

  /** A proof of payment's file (PDF, JPEG or PNG) with its type. */
  proofFile(token: string, orderId: string, proofId: string) {
    const e = encodeURIComponent;
    return this.fileOf(token, `/orders/${e(orderId)}/payment-proofs/${e(proofId)}/file`);
  }

  /** Step 18's draft E-LHU (CS, Ketua Tim PJI), rendered now and marked DRAFT / BELUM DITERBITKAN. */
  reportPreview(token: string, ref: ReportRef, kepalaBalaiId?: string) {
    return this.fileOf(
      token,
      `${reportPath(ref, 'preview')}${kepalaBalaiId ? `?kepalaBalaiId=${encodeURIComponent(kepalaBalaiId)}` : ''}`,
    );
  }

  /** A report's E-LHU with its type (staff: the unsigned one until signed). */
  reportDocument(token: string, ref: ReportRef) {
    return this.fileOf(token, reportPath(ref, 'file'));
  }

  customers(token: string, query: { status?: AccountStatus; limit?: number }) {
    return this.send('get', `/customers${queryString(query)}`, undefined, CustomerListResponseSchema, token);
  }

  customer(token: string, customerId: string) {
    return this.send(
      'get',
      `/customers/${encodeURIComponent(customerId)}`,
      undefined,
      CustomerResponseSchema,
      token,
    );
  }

  customerCommand(token: string, customerId: string, leaf: 'activate' | 'deactivate', body: unknown = {}) {
    return this.command(
      'post',
      `/customers/${encodeURIComponent(customerId)}/${leaf}`,
      body,
      AccountCommandResponseSchema,
      token,
    );
  }

  users(token: string) {
    return this.send('get', '/users', undefined, UserListResponseSchema, token);
  }

  createUser(token: string, body: unknown) {
    return this.command('post', '/users', body, PublicUserSchema, token);
  }

  updateUser(token: string, userId: string, patch: unknown) {
    return this.command('patch', `/users/${encodeURIComponent(userId)}`, patch, PublicUserSchema, token);
  }

  registerCertificate(token: string, userId: string, certificatePem: string) {
    return this.command(
      'put',
      `/users/${encodeURIComponent(userId)}/certificate`,
      { certificatePem },
      CertificateInfoSchema,
      token,
    );
  }

  /** Catalog changes: POST /catalog/<kind> to create, PATCH /catalog/<kind>/:id to change. */
  catalogCreate<T>(
    token: string,
    kind: 'labs' | 'sample-types' | 'parameters',
    body: unknown,
    schema: z.ZodType<T>,
  ) {
    return this.command('post', `/catalog/${kind}`, body, schema, token);
  }

  catalogUpdate<T>(
    token: string,
    kind: 'labs' | 'sample-types' | 'parameters',
    id: string,
    patch: unknown,
    schema: z.ZodType<T>,
  ) {
    return this.command('patch', `/catalog/${kind}/${encodeURIComponent(id)}`, patch, schema, token);
  }

  holidays(token: string) {
    return this.send('get', '/calendar/holidays', undefined, HolidayListSchema, token);
  }

  saveHolidays(token: string, body: unknown) {
    return this.command('put', '/calendar/holidays', body, HolidayListSchema, token);
  }

  audit(token: string, query: { orderId?: string; entityId?: string; limit?: number; before?: string }) {
    return this.send('get', `/audit${queryString(query)}`, undefined, AuditListResponseSchema, token);
  }

  /** A file the server serves (GET), as bytes with its content type (and the name it gives, if any). */
  private async fileOf(
    token: string,
    path: string,
    o: { timeoutMs?: number; accept?: string } = {},
  ): Promise<{ bytes: Uint8Array; mime: string; fileName?: string }> {
    const res = await this.exchange<ArrayBuffer | Uint8Array>(path, {
      method: 'get',
      responseType: 'arraybuffer',
      headers: { authorization: `Bearer ${token}`, accept: o.accept ?? '*/*' },
      timeout: o.timeoutMs ?? 60_000,
    });
    if (res.status >= 300) throw failure(path, res.status, decodeBody(res.data));
    const bytes =
      res.data instanceof Uint8Array
        ? new Uint8Array(res.data.buffer, res.data.byteOffset, res.data.byteLength)
        : new Uint8Array(res.data);
    const type = res.headers['content-type'];
    const disposition = res.headers['content-disposition'];
    const fileName =
      typeof disposition === 'string' ? /filename="([^"]+)"/.exec(disposition)?.[1] : undefined;
    return {
      bytes,
      mime: typeof type === 'string' ? type.split(';')[0]!.trim() : 'application/octet-stream',
      ...(fileName !== undefined ? { fileName } : {}),
    };
  }

  /** One record of the unit for a period of WIB dates (GET /records/<kind>), as JSON. */
  record(token: string, q: { kind: RecordKind; from: string; to: string }) {
    return this.send(
      'get',
      `/records/${q.kind}${queryString({ from: q.from, to: q.to })}`,
      undefined,
      RecordReportSchema,
      token,
      120_000,
    );
  }

  /** The same record as an XLSX or PDF file, with the name the server gives it. */
  async recordFile(
    token: string,
    q: { kind: RecordKind; from: string; to: string; format: 'xlsx' | 'pdf' },
  ): Promise<{ bytes: Uint8Array; mime: string; fileName: string }> {
    const path = `/records/${q.kind}${queryString({ from: q.from, to: q.to, format: q.format })}`;
    const file = await this.fileOf(token, path, { timeoutMs: 120_000 });
    return {
      bytes: file.bytes,
      mime: file.mime,
      fileName: file.fileName ?? `${q.kind}-${q.from}-${q.to}.${q.format}`,
    };
  }

  /** Who did what when on an order (the server's audit trail, with reasons). */
  orderHistory(token: string, orderId: string) {
    return this.send(
      'get',
      `/orders/${encodeURIComponent(orderId)}/history`,
      undefined,
      OrderHistoryResponseSchema,
      token,
    );
  }
}

export interface ReportRef {
  orderId: string;
  sampleId: string;
  reportId: string;
}

/** `?a=1&b=2` of the defined values, or ''. */
function queryString(q: Record<string, string | number | undefined>): string {
  const parts = Object.entries(q)
    .filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

function reportPath(ref: ReportRef, leaf: string): string {
  const e = encodeURIComponent;
  return `/orders/${e(ref.orderId)}/samples/${e(ref.sampleId)}/reports/${e(ref.reportId)}/${leaf}`;
}

/** A body read as bytes (axios gives a Buffer in Node, an ArrayBuffer elsewhere), as JSON when it is. */
function decodeBody(data: unknown): unknown {
  if (data instanceof Uint8Array)
    return safeJson(Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8'));
  if (data instanceof ArrayBuffer) return safeJson(Buffer.from(data).toString('utf8'));
  return data;
}

/** The same classification as every JSON call (see the module comment). */
function failure(path: string, status: number, data: unknown): ApiError {
  if (status >= 500)
    return new ApiError('server', `${path}: HTTP ${status}`, status, errorCode(data), errorMessage(data));
  if (status === 401 || status === 403)
    return new ApiError(
      status === 401 ? 'unauthorized' : 'forbidden',
      `${path}: HTTP ${status}`,
      status,
      errorCode(data),
      errorMessage(data),
    );
  const m = errorMessage(data);
  if (status === 408 || status === 429)
    return new ApiError('server', `${path}: HTTP ${status}`, status, errorCode(data), m);
  return new ApiError('client', `${path}: HTTP ${status}${m ? ` ${m.en}` : ''}`, status, errorCode(data), m);
}

function errorBody(data: unknown) {
  const p = ErrorResponseSchema.safeParse(typeof data === 'string' ? safeJson(data) : data);
  return p.success ? p.data.error : null;
}
/** axios' proxy setting from the unit's proxy address (axios tunnels https through it with CONNECT). */
export function axiosProxy(url: string | null): AxiosProxyConfig | false {
  if (!url) return false;
  const u = new URL(url);
  const port = u.port ? Number(u.port) : u.protocol === 'https:' ? 443 : 80;
  return {
    protocol: u.protocol.replace(/:$/, ''),
    host: u.hostname,
    port,
    ...(u.username
      ? { auth: { username: decodeURIComponent(u.username), password: decodeURIComponent(u.password) } }
      : {}),
  };
}

function errorCode(data: unknown): string | null {
  return errorBody(data)?.code ?? null;
}
function errorMessage(data: unknown): Message | null {
  return errorBody(data)?.message ?? null;
}
function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}
