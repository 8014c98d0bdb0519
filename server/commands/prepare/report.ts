/**
 * The E-LHU: its id (the public verification address) and number are the server's, the document
 * hash is the rendered PDF's, and a signature names a signed file verified against that document.
 */
import { randomUUID } from 'node:crypto';
import { localDate } from '../../../shared/calendar/working-days';
import { admits } from '../../../shared/domain/decide';
import type { Trx } from '../../db/schema';
import type { SomeHooks } from '../hooks';
import { invalid, reserve, sampleOf } from './common';
import { renderForSignature } from './render';

/** Stands for the document's hash while asking whether the core admits the request at all. */
const NOT_YET_RENDERED = '0'.repeat(64);

const setReportFile =
  (reportId: string, column: 'document_file_id' | 'signed_file_id', fileId: string) => async (trx: Trx) =>
    void (await trx
      .updateTable('reports')
      .set({ [column]: fileId })
      .where('id', '=', reportId)
      .execute());

export const REPORT_HOOKS = {
  'report.number': {
    async prepare(ctx) {
      // The report id is the public verification address (QR code): always the server's random
      // UUID, never one a client chose, just like the number.
      const r = await reserve(ctx, 'lhu');
      return { fields: { reportId: randomUUID(), reportNumber: r.number }, reservations: [r] };
    },
  },
  'report.amend': {
    async prepare(ctx) {
      const r = await reserve(ctx, 'lhu');
      return { fields: { newReportId: randomUUID(), newReportNumber: r.number }, reservations: [r] };
    },
  },
  'report.request_signature': {
    async prepare(ctx) {
      const issuedOn = localDate(ctx.now, ctx.env.config.utcOffsetMinutes);
      // Rendering is slow and its hash goes into the payload: render only what the core admits.
      const refused = admits(
        ctx.state,
        {
          id: ctx.aggregateId,
          type: ctx.type,
          payload: { ...ctx.request, issuedOn, documentHash: NOT_YET_RENDERED },
          baseVersion: ctx.baseVersion,
        },
        ctx.actor,
        ctx.now,
      );
      if (refused) return refused;
      const rendered = await renderForSignature(ctx, issuedOn);
      if ('ok' in rendered) return rendered;
      return {
        fields: { issuedOn, documentHash: rendered.sha256 },
        attachments: [rendered.file],
        onAccept: setReportFile(ctx.request.reportId, 'document_file_id', rendered.file.id),
      };
    },
  },
  'report.sign': {
    async prepare(ctx) {
      // The signed PDF is either attached to this request (HTTP upload) or was uploaded and verified
      // before (PUT .../signed-file, then the command through sync): the hash names it.
      // The file must have been verified against the report's current document: a report refused
      // and asked again keeps its id but gets a new document (and documentHash).
      const { reportId, signedHash } = ctx.request;
      const documentHash =
        sampleOf(ctx.order, ctx.request.sampleId)?.reports.find((r) => r.id === reportId)?.documentHash ??
        null;
      if (!documentHash) return { fields: {} }; // decide explains (no such report, or not waiting for a signature)
      const attached = ctx.attachments.find(
        (a) => a.kind === 'report_signed' && a.refId === reportId && a.sha256 === signedHash,
      );
      const f = attached
        ? { id: attached.id, document_hash: attached.documentHash ?? null }
        : await ctx.trx
            .selectFrom('files')
            .select(['id', 'document_hash'])
            .where('ref_id', '=', reportId)
            .where('kind', '=', 'report_signed')
            .where('sha256', '=', signedHash)
            .executeTakeFirst();
      if (!f)
        return invalid(
          'E-LHU bertanda tangan dengan hash ini belum diunggah.',
          'No signed E-LHU with this hash was uploaded.',
        );
      if (f.document_hash !== documentHash) {
        return invalid(
          'E-LHU bertanda tangan ini dibuat dari dokumen lama; laporan sudah dicetak ulang untuk ditandatangani. Tandatangani dokumen yang baru.',
          'This signed report was made from an earlier document; the report was issued again for signature. Sign the new document.',
        );
      }
      return { fields: {}, onAccept: setReportFile(reportId, 'signed_file_id', f.id) };
    },
  },
} satisfies SomeHooks;
