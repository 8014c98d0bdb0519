/**
 * Every call the portal makes, named for what it does, with the shared request and response
 * schemas (shared/api/http.ts). Paths as in server/http/routes/*.
 */
import { z } from 'zod';
import {
  CatalogResponseSchema,
  CommandResponseSchema,
  CustomerResponseSchema,
  OkResponseSchema,
  OrderHistoryResponseSchema,
  OrderListResponseSchema,
  OrderResponseSchema,
  PublicUserSchema,
  RegisterResponseSchema,
  SessionResponseSchema,
  SurveyRequestSchema,
  type RegisterRequest,
  type SubmitOrderRequest,
} from '../../../shared/api/http';
import { IKM_ELEMENTS } from '../../../shared/domain/entities';
import { api, apiFile, setSession } from './client';

export const catalog = () => api('catalog', CatalogResponseSchema, { auth: false });

export const register = (body: RegisterRequest, idempotencyKey: string) =>
  api('auth/register', RegisterResponseSchema, { body, idempotencyKey, auth: false });

export async function login(username: string, password: string) {
  const s = await api('auth/login', SessionResponseSchema, { body: { username, password }, auth: false });
  setSession(s);
  return s;
}

export async function logout() {
  try {
    await api('auth/logout', OkResponseSchema, { body: {} });
  } finally {
    setSession(null);
  }
}

export const me = () => api('auth/me', PublicUserSchema);
export const changePassword = (currentPassword: string, newPassword: string) =>
  api('auth/password', OkResponseSchema, { body: { currentPassword, newPassword } });
export const customer = (id: string) => api(`customers/${id}`, CustomerResponseSchema);

export const orders = (cursor?: string) =>
  api(`orders?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, OrderListResponseSchema);
export const order = (id: string) => api(`orders/${encodeURIComponent(id)}`, OrderResponseSchema);
export const history = (id: string) =>
  api(`orders/${encodeURIComponent(id)}/history`, OrderHistoryResponseSchema);

const command = (
  id: string,
  path: string,
  body: unknown,
  o: { idempotencyKey?: string; baseVersion?: number } = {},
) => api(`orders/${encodeURIComponent(id)}/${path}`, CommandResponseSchema, { body, ...o });

export const submitOrder = (body: SubmitOrderRequest, idempotencyKey: string) =>
  api('orders', CommandResponseSchema, { body, idempotencyKey });
export const resubmitOrder = (
  id: string,
  body: SubmitOrderRequest,
  idempotencyKey: string,
  baseVersion: number,
) => command(id, 'resubmit', body, { idempotencyKey, baseVersion });
export const requestBilling = (id: string, baseVersion: number) =>
  command(id, 'billing/request', {}, { baseVersion });
export const rejectTariff = (id: string, reason: string, baseVersion: number) =>
  command(id, 'tariff/reject', { reason }, { baseVersion });
export const cancelOrder = (id: string, reason: string) => command(id, 'cancel', { reason });
/**
 * The survey body as the shared request schema takes it: the nine IKM elements by name (so an
 * element can never be swapped by position), or the scores in IKM_ELEMENTS order where the schema
 * this bundle was built with still takes a list.
 */
export function surveyBody(scores: number[], comment: string): unknown {
  const named = Object.fromEntries(IKM_ELEMENTS.map((e, i) => [e.key, scores[i]]));
  return SurveyRequestSchema.safeParse({ scores: named, comment }).success
    ? { scores: named, comment }
    : { scores, comment };
}
export const submitSurvey = (id: string, scores: number[], comment: string) =>
  command(id, 'survey', surveyBody(scores, comment));
export const finishOrder = (id: string) => command(id, 'finish', {});

export function uploadProof(id: string, file: File, ntpn: string | null, idempotencyKey: string) {
  const form = new FormData();
  if (ntpn) form.append('ntpn', ntpn);
  form.append('file', file, file.name);
  return api(`orders/${encodeURIComponent(id)}/payment-proofs`, CommandResponseSchema, {
    form,
    idempotencyKey,
  });
}

export const reportFile = (orderId: string, sampleId: string, reportId: string) =>
  apiFile(`orders/${orderId}/samples/${sampleId}/reports/${reportId}/file`);
export const proofFile = (orderId: string, proofId: string) =>
  apiFile(`orders/${orderId}/payment-proofs/${proofId}/file`);

export const health = () => api('health', z.object({ status: z.literal('ok') }), { auth: false });
