import { createHash, randomUUID } from 'node:crypto';
import { CustomerSchema, type Order } from '../../../shared/domain/entities';
import type { Rejection } from '../../../shared/domain/rejections';
import { readElhuUnit } from '../../catalog/repo';
import { registeredCertificateIssuer } from '../../reports/certificate-issuer';
import { RenderRefused } from '../../reports/services';
import type { Attachment } from '../env';
import type { HookCtx } from '../hooks';
import { invalid, sampleOf } from './common';

export interface Rendered {
  /** The unsigned PDF, stored with the command. */
  file: Attachment;
  /** Its SHA-256: the report's documentHash, which the signed file must match. */
  sha256: string;
}

/** Step 18: the E-LHU as it will be signed, with the Kepala Balai it goes to. */
export async function renderForSignature(
  ctx: HookCtx<'report.request_signature'>,
  issuedOn: string,
): Promise<Rendered | Rejection> {
  const { trx, env, request } = ctx;
  const order = ctx.order as Order;
  const sample = sampleOf(order, request.sampleId);
  const kb = await trx
    .selectFrom('users')
    .select(['id', 'name', 'nip', 'role', 'active', 'certificate_pem'])
    .where('id', '=', request.kepalaBalaiId)
    .executeTakeFirst();
  if (!kb || kb.role !== 'kepala_balai' || kb.active !== 1) {
    return invalid(
      'Akun Kepala Balai tidak ditemukan atau tidak aktif.',
      'Kepala Balai account not found or inactive.',
    );
  }
  if (!kb.nip)
    return invalid(
      'NIP Kepala Balai belum diisi oleh Admin Satker.',
      "The Kepala Balai's NIP has not been set by Admin Satker.",
    );
  if (!sample || !sample.labId)
    return invalid('Sampel atau laporan tidak valid.', 'Invalid sample or report.');
  const [customerRow, unit, lab] = await Promise.all([
    trx.selectFrom('customers').select('data').where('id', '=', order.customerId).executeTakeFirst(),
    readElhuUnit(trx, env.config.unitCode),
    trx.selectFrom('labs').select(['id', 'name']).where('id', '=', sample.labId).executeTakeFirst(),
  ]);
  if (!customerRow || !lab)
    return invalid('Data pelanggan atau lab tidak lengkap.', 'Customer or lab data is missing.');
  const reportId = request.reportId;
  const report = sample.reports.find((r) => r.id === reportId);
  const replaced = report?.replaces ? sample.reports.find((r) => r.id === report.replaces) : undefined;
  let pdf: Uint8Array;
  try {
    pdf = await env.reports.render({
      order,
      sampleId: sample.id,
      reportId,
      issuedOn,
      customer: CustomerSchema.parse(JSON.parse(customerRow.data)),
      unit,
      lab: { id: lab.id, name: lab.name, address: unit.address },
      kepalaBalai: {
        id: kb.id,
        name: kb.name,
        nip: kb.nip,
        certificateIssuer: registeredCertificateIssuer(kb.certificate_pem),
      },
      verificationUrl: `${env.config.publicBaseUrl.replace(/\/$/, '')}/verify/${reportId}`,
      replacedReportNumber: replaced?.number ?? null,
    });
  } catch (e) {
    if (e instanceof RenderRefused) return invalid(e.msg.id, e.msg.en);
    throw e;
  }
  const data = Buffer.from(pdf);
  const sha256 = createHash('sha256').update(data).digest('hex');
  const file: Attachment = {
    id: randomUUID(),
    kind: 'report_unsigned',
    mime: 'application/pdf',
    data,
    sha256,
    refId: reportId,
  };
  return { file, sha256 };
}
