/**
 * The pieces the bridge calls' input schemas are built from (calls.ts, online-calls.ts): one
 * definition each, so an id or a reason is checked, and refused in the same words, everywhere.
 */
import { z } from 'zod';

export const Id = z.string().trim().min(1, { error: 'id wajib diisi / id is required' }).max(64);
export const Reason = z
  .string()
  .trim()
  .min(5, { error: 'alasan minimal 5 karakter / a reason needs at least 5 characters' })
  .max(1000, { error: 'alasan maksimal 1000 karakter / a reason is at most 1000 characters' });
export const Empty = z.strictObject({});
export const OrderRef = { orderId: Id };
export const SampleRef = { orderId: Id, sampleId: Id };
export const ReportRef = { orderId: Id, sampleId: Id, reportId: Id };
