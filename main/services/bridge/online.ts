/**
 * The online staff calls (shared/bridge/online-calls.ts) mapped to the server, through the
 * signed-in session (DesktopServices.withServer: a 401 renews the token once). Each handler is
 * one request, or a read of several; none keeps anything locally, so a network failure answers
 * `offline` with nothing half-done and the screen keeps what was typed. Changes ask the sync
 * loop for a pull at once, so the working copy follows.
 */
import type { ApiClient } from '../api/client';
import type { DesktopServices } from '../desktop';
import { gatherOrders, request } from '../online/requests';
import {
  LabResponseSchema,
  ParameterResponseSchema,
  SampleTypeResponseSchema,
} from '../../../shared/api/http';
import type { CallArgs, CallOutput } from '../../../shared/bridge/calls';
import type { OnlineCallName } from '../../../shared/bridge/online-calls';
import { RECORD_HANDLERS } from './records';

type OnlineHandler<N extends OnlineCallName> = (
  args: CallArgs<N>,
  ctx: { core: DesktopServices },
) => Promise<CallOutput<N>>;

const read = <T>(core: DesktopServices, fn: (api: ApiClient, token: string) => Promise<T>) =>
  request(core, fn);
const change = <T>(core: DesktopServices, fn: (api: ApiClient, token: string) => Promise<T>) =>
  request(core, fn, { changes: true });

const fileView = (f: { bytes: Uint8Array; mime: string }) => ({
  base64: Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength).toString('base64'),
  mime: f.mime,
  size: f.bytes.byteLength,
});

export const ONLINE_HANDLERS: { [N in OnlineCallName]: OnlineHandler<N> } = {
  'online.orders': async (a, { core }) => {
    const g = await gatherOrders(core, a.statuses, a.limit);
    return {
      orders: g.orders.map((o) => ({ summary: o.summary, order: o.order, totals: o.totals })),
      truncated: g.truncated,
    };
  },
  'online.order': (a, { core }) => read(core, (api, t) => api.order(t, a.orderId)),
  'online.staff': (_a, { core }) => read(core, (api, t) => api.staff(t)),
  'online.catalog': (_a, { core }) => read(core, (api, t) => api.catalog(t)),

  // Admin Satker
  'online.customers': (a, { core }) =>
    read(core, (api, t) => api.customers(t, { ...(a.status ? { status: a.status } : {}), limit: a.limit })),
  'online.customer': (a, { core }) => read(core, (api, t) => api.customer(t, a.customerId)),
  'online.customer.activate': (a, { core }) =>
    change(core, (api, t) => api.customerCommand(t, a.customerId, 'activate')),
  'online.customer.deactivate': (a, { core }) =>
    change(core, (api, t) => api.customerCommand(t, a.customerId, 'deactivate', { reason: a.reason })),
  'online.users': (_a, { core }) => read(core, (api, t) => api.users(t)),
  'online.user.create': (a, { core }) => change(core, (api, t) => api.createUser(t, a)),
  'online.user.update': (a, { core }) => change(core, (api, t) => api.updateUser(t, a.userId, a.patch)),
  'online.user.certificate': (a, { core }) =>
    change(core, (api, t) => api.registerCertificate(t, a.userId, a.certificatePem)),
  'online.lab.create': (a, { core }) =>
    change(core, (api, t) => api.catalogCreate(t, 'labs', a, LabResponseSchema)),
  'online.lab.update': (a, { core }) =>
    change(core, (api, t) => api.catalogUpdate(t, 'labs', a.labId, a.patch, LabResponseSchema)),
  'online.sampleType.create': (a, { core }) =>
    change(core, (api, t) => api.catalogCreate(t, 'sample-types', a, SampleTypeResponseSchema)),
  'online.sampleType.update': (a, { core }) =>
    change(core, (api, t) =>
      api.catalogUpdate(t, 'sample-types', a.sampleTypeId, a.patch, SampleTypeResponseSchema),
    ),
  'online.parameter.create': (a, { core }) =>
    change(core, (api, t) => api.catalogCreate(t, 'parameters', a, ParameterResponseSchema)),
  'online.parameter.update': (a, { core }) =>
    change(core, (api, t) =>
      api.catalogUpdate(t, 'parameters', a.parameterId, a.patch, ParameterResponseSchema),
    ),
  'online.holidays': (_a, { core }) => read(core, (api, t) => api.holidays(t)),
  'online.holidays.save': (a, { core }) => change(core, (api, t) => api.saveHolidays(t, a)),
  'online.audit': (a, { core }) => read(core, (api, t) => api.audit(t, a)),

  // CS
  'online.order.validate': (a, { core }) =>
    change(core, (api, t) =>
      api.orderCommand(t, a.orderId, 'validate', a.review ? { review: a.review } : {}),
    ),
  'online.order.return': (a, { core }) =>
    change(core, (api, t) =>
      api.orderCommand(t, a.orderId, 'return', {
        reason: a.reason,
        ...(a.review ? { review: a.review } : {}),
      }),
    ),
  'online.sample.register': (a, { core }) =>
    change(core, (api, t) =>
      api.sampleCommand(t, a, 'register', { labId: a.labId, penyeliaId: a.penyeliaId, mtId: a.mtId }),
    ),
  'online.report.file': async (a, { core }) =>
    fileView(await read(core, (api, t) => api.reportDocument(t, a))),
  'online.report.preview': async (a, { core }) =>
    fileView(await read(core, (api, t) => api.reportPreview(t, a, a.kepalaBalaiId))),
  'online.report.requestSignature': (a, { core }) =>
    change(core, (api, t) =>
      api.reportCommand(t, a, 'request-signature', { kepalaBalaiId: a.kepalaBalaiId }),
    ),
  'online.report.release': (a, { core }) => change(core, (api, t) => api.reportCommand(t, a, 'release')),

  // Ketua Tim PJI
  'online.tariff.approve': (a, { core }) =>
    change(core, (api, t) =>
      api.orderCommand(t, a.orderId, 'tariff/approve', { adjustments: a.adjustments }),
    ),
  'online.report.number': (a, { core }) => change(core, (api, t) => api.numberReport(t, a)),
  'online.report.amend': (a, { core }) =>
    change(core, (api, t) => api.reportCommand(t, a, 'amend', { reason: a.reason })),

  // Bendahara
  'online.billing.issue': (a, { core }) =>
    change(core, (api, t) => api.orderCommand(t, a.orderId, 'billing')),
  'online.billing.reissue': (a, { core }) =>
    change(core, (api, t) => api.orderCommand(t, a.orderId, 'billing/reissue')),
  'online.proof.file': async (a, { core }) =>
    fileView(await read(core, (api, t) => api.proofFile(t, a.orderId, a.proofId))),
  'online.proof.approve': (a, { core }) =>
    change(core, (api, t) => api.proofCommand(t, a.orderId, a.proofId, 'approve')),
  'online.proof.reject': (a, { core }) =>
    change(core, (api, t) => api.proofCommand(t, a.orderId, a.proofId, 'reject', { reason: a.reason })),

  // Records and reports
  ...RECORD_HANDLERS,
};
