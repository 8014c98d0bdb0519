import { createHash, randomInt, randomUUID } from 'node:crypto';
import type { CommandType } from '../../shared/domain/commands';
import {
  CustomerSchema,
  RequirementSchema,
  type Account,
  type Order,
  type Sample,
} from '../../shared/domain/entities';
import { reject, type Rejection } from '../../shared/domain/rejections';
import type { Actor } from '../../shared/domain/state';
import { localDate } from '../../shared/calendar/working-days';
import type { Trx } from '../db/schema';
import type { CommandEnv, Attachment } from './apply-command';
import { reserveNumber, type Reservation } from './numbers';
import { readElhuUnit } from '../catalog/repo';
import { registeredCertificateIssuer } from '../reports/certificate-issuer';
import { RenderRefused } from '../reports/services';

/**
 * Server-side data of a command: what the issuer may not choose. Numbers come from the sequences,
 * catalog data and tariffs from the catalog tables, billing codes and expiries from the server,
 * document hashes from the rendered or uploaded files. Runs inside the command's transaction
 * before `decide`; `postChecks` run after an accepting decision (references to people and labs),
 * so that the domain core's reasons (forbidden, wrong state, stale) come first.
 */
export interface EnrichCtx {
  env: CommandEnv;
  trx: Trx;
  type: CommandType;
  aggregateId: string;
  payload: Record<string, unknown>;
  actor: Actor;
  now: Date;
  state: Order | Account | null;
  attachments: Attachment[];
  reservations: Reservation[];
  postChecks: (() => Promise<Rejection | null>)[];
  afterAccept: ((trx: Trx) => Promise<void>)[];
}

const invalid = (id: string, en: string) => reject('invalid_payload', id, en);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export async function enrich(ctx: EnrichCtx): Promise<Rejection | null> {
  const { payload, env, trx } = ctx;
  const order = ctx.state && 'samples' in ctx.state ? ctx.state : null;
  switch (ctx.type) {
    case 'account.register': {
      payload.id = ctx.aggregateId;
      const email = str(payload.email);
      if (email) {
        payload.email = email.trim().toLowerCase();
        const taken = await trx
          .selectFrom('customers')
          .select('id')
          .where('email', '=', payload.email as string)
          .executeTakeFirst();
        if (taken)
          return reject(
            'invalid_payload',
            'Alamat email ini sudah terdaftar.',
            'This e-mail address is already registered.',
          );
      }
      return null;
    }
    case 'order.submit':
      payload.orderId = ctx.aggregateId;
      return resolveSamples(ctx);
    case 'order.resubmit':
      return resolveSamples(ctx);
    case 'order.validate': {
      if (order?.number) {
        payload.orderNumber = order.number; // a resubmitted order keeps the number it was given
      } else {
        const r = await reserveNumber(
          trx,
          env.handle.dialect,
          env.config.unitCode,
          'order',
          ctx.now,
          env.config.utcOffsetMinutes,
        );
        ctx.reservations.push(r);
        payload.orderNumber = r.number;
      }
      return null;
    }
    case 'billing.issue':
    case 'billing.reissue': {
      payload.billingId = randomUUID();
      payload.code = await uniqueBillingCode(trx);
      payload.expiresAt = new Date(
        ctx.now.getTime() + env.config.billingExpiryDays * 86_400_000,
      ).toISOString();
      return null;
    }
    case 'payment.upload_proof': {
      payload.proofId ??= randomUUID();
      const fileId = str(payload.fileId);
      if (fileId && !ctx.attachments.some((a) => a.id === fileId && a.kind === 'payment_proof')) {
        const f = await trx
          .selectFrom('files')
          .select('id')
          .where('id', '=', fileId)
          .where('kind', '=', 'payment_proof')
          .where('order_id', '=', ctx.aggregateId)
          .executeTakeFirst();
        if (!f)
          return invalid(
            'Berkas bukti bayar tidak ditemukan; unggah berkasnya.',
            'Proof file not found; upload the file.',
          );
      }
      return null;
    }
    case 'sample.register': {
      const sample = findSample(order, payload.sampleId);
      if (sample?.number) {
        payload.sampleNumber = sample.number; // a replacement for a rejected sample keeps its number
      } else {
        const r = await reserveNumber(
          trx,
          env.handle.dialect,
          env.config.unitCode,
          'sample',
          ctx.now,
          env.config.utcOffsetMinutes,
        );
        ctx.reservations.push(r);
        payload.sampleNumber = r.number;
      }
      ctx.postChecks.push(() => checkRegistration(ctx));
      return null;
    }
    case 'sample.assign_analysts': {
      const sample = findSample(order, payload.sampleId);
      const list = Array.isArray(payload.assignments)
        ? (payload.assignments as { analystId?: unknown }[])
        : [];
      ctx.postChecks.push(async () => {
        for (const a of list) {
          const bad = await checkAnalyst(trx, str(a.analystId), sample?.labId ?? null);
          if (bad) return bad;
        }
        return null;
      });
      return null;
    }
    case 'analysis.request_retest': {
      payload.newAnalysisId ??= randomUUID();
      const sample = findSample(order, payload.sampleId);
      const analystId = str(payload.analystId);
      if (analystId) ctx.postChecks.push(() => checkAnalyst(trx, analystId, sample?.labId ?? null));
      return null;
    }
    case 'report.number': {
      // The report id is the public verification address (QR code): always the server's random
      // UUID, never one a client chose, just like the number.
      payload.reportId = randomUUID();
      const r = await reserveNumber(
        trx,
        env.handle.dialect,
        env.config.unitCode,
        'lhu',
        ctx.now,
        env.config.utcOffsetMinutes,
      );
      ctx.reservations.push(r);
      payload.reportNumber = r.number;
      return null;
    }
    case 'report.amend': {
      payload.newReportId = randomUUID(); // public verification address: see report.number
      const r = await reserveNumber(
        trx,
        env.handle.dialect,
        env.config.unitCode,
        'lhu',
        ctx.now,
        env.config.utcOffsetMinutes,
      );
      ctx.reservations.push(r);
      payload.newReportNumber = r.number;
      return null;
    }
    case 'report.request_signature':
      payload.issuedOn = localDate(ctx.now, env.config.utcOffsetMinutes);
      // The document hash needs the rendered PDF: see renderForSignature, run once decide agrees.
      payload.documentHash ??= '0'.repeat(64);
      return null;
    case 'report.sign': {
      // The signed PDF is either attached to this request (HTTP upload) or was uploaded and verified
      // before (PUT .../signed-file, then the command through sync): the hash names it.
      // The file must have been verified against the report's current document: a report refused
      // and asked again keeps its id but gets a new document (and documentHash).
      const reportId = str(payload.reportId);
      const signedHash = str(payload.signedHash);
      const documentHash =
        findSample(order, payload.sampleId)?.reports.find((r) => r.id === reportId)?.documentHash ?? null;
      if (!reportId || !signedHash || !documentHash) return null; // decide explains (no such report, or not waiting for a signature)
      const attached = ctx.attachments.find(
        (a) => a.kind === 'report_signed' && a.refId === reportId && a.sha256 === signedHash,
      );
      const f = attached
        ? { id: attached.id, document_hash: attached.documentHash ?? null }
        : await trx
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
      const fileId = f.id;
      ctx.afterAccept.push(
        async (t) =>
          void (await t
            .updateTable('reports')
            .set({ signed_file_id: fileId })
            .where('id', '=', reportId)
            .execute()),
      );
      return null;
    }
    default:
      return null;
  }
}

/** Step 18: render the E-LHU as it will be signed, store it, and put its SHA-256 in the command. */
export async function renderForSignature(ctx: EnrichCtx): Promise<Rejection | null> {
  const { trx, payload, env } = ctx;
  const order = ctx.state as Order;
  const sample = findSample(order, payload.sampleId);
  const reportId = str(payload.reportId);
  const kb = await trx
    .selectFrom('users')
    .select(['id', 'name', 'nip', 'role', 'active', 'certificate_pem'])
    .where('id', '=', str(payload.kepalaBalaiId) ?? '')
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
  if (!sample || !reportId || !sample.labId)
    return invalid('Sampel atau laporan tidak valid.', 'Invalid sample or report.');
  const [customerRow, unit, lab] = await Promise.all([
    trx.selectFrom('customers').select('data').where('id', '=', order.customerId).executeTakeFirst(),
    readElhuUnit(trx, env.config.unitCode),
    trx.selectFrom('labs').select(['id', 'name']).where('id', '=', sample.labId).executeTakeFirst(),
  ]);
  if (!customerRow || !lab)
    return invalid('Data pelanggan atau lab tidak lengkap.', 'Customer or lab data is missing.');
  const report = sample.reports.find((r) => r.id === reportId);
  const replaced = report?.replaces ? sample.reports.find((r) => r.id === report.replaces) : undefined;
  let pdf: Uint8Array;
  try {
    pdf = await env.reports.render({
      order,
      sampleId: sample.id,
      reportId,
      issuedOn: payload.issuedOn as string,
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
  const fileId = randomUUID();
  ctx.attachments.push({
    id: fileId,
    kind: 'report_unsigned',
    mime: 'application/pdf',
    data,
    sha256,
    refId: reportId,
  });
  payload.documentHash = sha256;
  ctx.afterAccept.push(
    async (t) =>
      void (await t
        .updateTable('reports')
        .set({ document_file_id: fileId })
        .where('id', '=', reportId)
        .execute()),
  );
  return null;
}

function findSample(order: Order | null, sampleId: unknown): Sample | undefined {
  return order?.samples.find((s) => s.id === sampleId);
}

async function uniqueBillingCode(trx: Trx): Promise<string> {
  for (;;) {
    // SIMPONI-style 15 digits, never starting with 0.
    const code = `${randomInt(1, 10)}${String(randomInt(0, 1e7)).padStart(7, '0')}${String(randomInt(0, 1e7)).padStart(7, '0')}`;
    const taken = await trx.selectFrom('billings').select('code').where('code', '=', code).executeTakeFirst();
    if (!taken) return code;
  }
}

async function resolveSamples(ctx: EnrichCtx): Promise<Rejection | null> {
  const samples = ctx.payload.samples;
  if (!Array.isArray(samples) || samples.length === 0 || samples.length > 100) return null; // decide explains
  const typeIds = new Set<string>();
  const paramIds = new Set<string>();
  for (const s of samples as Record<string, unknown>[]) {
    if (!s || typeof s !== 'object') return null;
    if (typeof s.sampleTypeId === 'string') typeIds.add(s.sampleTypeId);
    if (Array.isArray(s.analyses))
      for (const a of s.analyses as Record<string, unknown>[])
        if (a && typeof a.parameterId === 'string') paramIds.add(a.parameterId);
  }
  if (paramIds.size > 5000) return invalid('Terlalu banyak parameter.', 'Too many parameters.');
  const types = typeIds.size
    ? await ctx.trx
        .selectFrom('sample_types')
        .selectAll()
        .where('id', 'in', [...typeIds])
        .execute()
    : [];
  const params = paramIds.size
    ? await ctx.trx
        .selectFrom('parameters')
        .selectAll()
        .where('id', 'in', [...paramIds])
        .execute()
    : [];
  const typeById = new Map(types.map((t) => [t.id, t]));
  const paramById = new Map(params.map((p) => [p.id, p]));
  for (const s of samples as Record<string, unknown>[]) {
    const t = typeById.get(s.sampleTypeId as string);
    if (!t || t.active !== 1)
      return invalid(
        'Jenis sampel tidak ada di katalog atau tidak aktif.',
        'Sample type not in the catalog or inactive.',
      );
    s.sampleId ??= randomUUID();
    s.sampleTypeName = t.name;
    if (!Array.isArray(s.analyses)) continue;
    for (const a of s.analyses as Record<string, unknown>[]) {
      const p = paramById.get(a.parameterId as string);
      if (!p || p.active !== 1 || p.sample_type_id !== t.id) {
        return invalid(
          `Parameter tidak tersedia untuk jenis sampel "${t.name}".`,
          `Parameter not available for sample type "${t.name}".`,
        );
      }
      a.analysisId ??= randomUUID();
      a.parameterName = p.name;
      a.unit = p.unit;
      a.method = p.method;
      a.requirement = p.requirement === null ? null : RequirementSchema.parse(JSON.parse(p.requirement));
      a.detectionLimit = p.detection_limit;
      a.uncertainty =
        p.uncertainty_expanded !== null && p.uncertainty_k !== null
          ? { expanded: p.uncertainty_expanded, coverageFactor: p.uncertainty_k }
          : null;
      a.accredited = p.accredited !== 0;
      a.tariff = p.tariff;
    }
  }
  return null;
}

async function checkRegistration(ctx: EnrichCtx): Promise<Rejection | null> {
  const { trx, payload } = ctx;
  const labId = str(payload.labId);
  const lab = labId
    ? await trx.selectFrom('labs').select(['id', 'active']).where('id', '=', labId).executeTakeFirst()
    : undefined;
  if (!lab || lab.active !== 1)
    return invalid('Laboratorium tidak ditemukan atau tidak aktif.', 'Laboratory not found or inactive.');
  const penyelia = await trx
    .selectFrom('users')
    .select(['role', 'lab_id', 'active'])
    .where('id', '=', str(payload.penyeliaId) ?? '')
    .executeTakeFirst();
  if (!penyelia || penyelia.role !== 'penyelia' || penyelia.active !== 1 || penyelia.lab_id !== labId) {
    return invalid(
      'Penyelia harus akun Penyelia aktif dari laboratorium yang dipilih.',
      'The Penyelia must be an active Penyelia of the chosen laboratory.',
    );
  }
  const mt = await trx
    .selectFrom('users')
    .select(['role', 'lab_id', 'active'])
    .where('id', '=', str(payload.mtId) ?? '')
    .executeTakeFirst();
  if (!mt || mt.role !== 'mt' || mt.active !== 1 || (mt.lab_id !== null && mt.lab_id !== labId)) {
    return invalid(
      'MT harus akun MT aktif untuk laboratorium yang dipilih.',
      'The MT must be an active MT for the chosen laboratory.',
    );
  }
  return null;
}

async function checkAnalyst(
  trx: Trx,
  analystId: string | null,
  labId: string | null,
): Promise<Rejection | null> {
  const u = analystId
    ? await trx
        .selectFrom('users')
        .select(['role', 'lab_id', 'active'])
        .where('id', '=', analystId)
        .executeTakeFirst()
    : undefined;
  if (!u || u.role !== 'analis' || u.active !== 1 || u.lab_id !== labId) {
    return invalid(
      'Analis harus akun Analis aktif dari laboratorium sampel.',
      "The analyst must be an active Analis of the sample's laboratory.",
    );
  }
  return null;
}
