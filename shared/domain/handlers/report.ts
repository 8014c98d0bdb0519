/** The E-LHU: numbering, signature, release and amendment (steps 17-20). */
import type { CommandType } from '../commands';
import type { Report } from '../entities';
import { reject, type Rejection } from '../rejections';
import { currentReport } from '../state';
import {
  emit,
  moveReport,
  moveSample,
  syncOrderWithSamples,
  type Ctx,
  type Guards,
  type Handlers,
} from './context';

export const REPORT_HANDLERS = {
  'report.number': (ctx) => {
    const s = ctx.sample!;
    if (s.reports.some((r) => r.id === ctx.payload.reportId))
      return reject('invalid_payload', 'Id laporan sudah dipakai.', 'Report id already used.');
    const report = newReport(ctx, ctx.payload.reportId, ctx.payload.reportNumber, null, null);
    s.reports.push(report);
    emit(ctx, 'report', report.id, null, 'numbered');
    moveSample(ctx, 'report_numbered');
  },
  'report.request_signature': (ctx) => {
    const r = current(ctx);
    r.kepalaBalaiId = ctx.payload.kepalaBalaiId;
    r.documentHash = ctx.payload.documentHash;
    r.issuedAt = `${ctx.payload.issuedOn}T00:00:00.000Z`;
    moveReport(ctx, r, 'awaiting_signature');
    moveSample(ctx, 'awaiting_signature');
  },
  'report.sign': (ctx) => {
    const r = current(ctx);
    r.signedHash = ctx.payload.signedHash;
    r.signedAt = ctx.at;
    moveReport(ctx, r, 'signed');
    moveSample(ctx, 'signed');
  },
  'report.refuse': (ctx) => {
    const r = current(ctx);
    // The refused report keeps its number and stays "refused" until CS fixes what is wrong and
    // asks again (step 18); the hash of the refused document no longer counts.
    moveReport(ctx, r, 'refused', ctx.payload.reason);
    r.documentHash = null;
    moveSample(ctx, 'report_numbered', ctx.payload.reason);
  },
  'report.release': (ctx) => {
    const r = current(ctx);
    r.releasedAt = ctx.at;
    moveReport(ctx, r, 'released');
    moveSample(ctx, 'released');
    syncOrderWithSamples(ctx);
  },
  'report.amend': (ctx) => {
    const s = ctx.sample!;
    const old = current(ctx);
    if (s.reports.some((r) => r.id === ctx.payload.newReportId))
      return reject('invalid_payload', 'Id laporan baru sudah dipakai.', 'New report id already used.');
    if (ctx.order!.samples.some((x) => x.reports.some((r) => r.number === ctx.payload.newReportNumber))) {
      return reject(
        'invalid_payload',
        'Laporan pengganti harus bernomor baru; nomor ini sudah dipakai.',
        'An amended report needs a new number; this one is already used.',
      );
    }
    const next = newReport(
      ctx,
      ctx.payload.newReportId,
      ctx.payload.newReportNumber,
      old.id,
      ctx.payload.reason,
    );
    old.supersededBy = next.id;
    moveReport(ctx, old, 'superseded', ctx.payload.reason);
    s.reports.push(next);
    emit(ctx, 'report', next.id, null, 'numbered', { reason: ctx.payload.reason });
    moveSample(ctx, 'report_numbered', ctx.payload.reason);
  },
} satisfies Partial<Handlers>;

type OnCurrentReport =
  'report.request_signature' | 'report.sign' | 'report.refuse' | 'report.release' | 'report.amend';

/** A report command acts on the sample's current report, named by its id. */
function isCurrentReport(ctx: Ctx<OnCurrentReport>): Rejection | null {
  const r = currentReport(ctx.sample!);
  if (!r || r.id !== ctx.payload.reportId) {
    return reject(
      'invalid_payload',
      'Laporan ini bukan E-LHU yang berlaku untuk sampel.',
      'This is not the current report of the sample.',
    );
  }
  return null;
}

export const REPORT_GUARDS = {
  'report.request_signature': isCurrentReport,
  'report.sign': isCurrentReport,
  'report.refuse': isCurrentReport,
  'report.release': isCurrentReport,
  'report.amend': isCurrentReport,
} satisfies Guards;

/** The report a guarded command acts on (isCurrentReport has admitted it). */
const current = (ctx: Ctx<OnCurrentReport>): Report => currentReport(ctx.sample!)!;

function newReport(
  ctx: Ctx<CommandType>,
  id: string,
  number: string,
  replaces: string | null,
  reason: string | null,
): Report {
  return {
    id,
    number,
    status: 'numbered',
    numberedAt: ctx.at,
    numberedBy: ctx.actor.userId,
    kepalaBalaiId: null,
    documentHash: null,
    signedHash: null,
    issuedAt: null,
    signedAt: null,
    releasedAt: null,
    replaces,
    amendReason: reason,
    supersededBy: null,
  };
}
