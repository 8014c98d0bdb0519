/** References to people and labs in a command, checked against the server's tables. */
import type { Rejection } from '../../../shared/domain/rejections';
import type { Trx } from '../../db/schema';
import { invalid } from './common';

/** Step 11: an active lab, its active Penyelia, and an active MT of that lab (or of every lab). */
export async function checkRegistration(
  trx: Trx,
  p: { labId: string; penyeliaId: string; mtId: string },
): Promise<Rejection | null> {
  const lab = await trx
    .selectFrom('labs')
    .select(['id', 'active'])
    .where('id', '=', p.labId)
    .executeTakeFirst();
  if (!lab || lab.active !== 1)
    return invalid('Laboratorium tidak ditemukan atau tidak aktif.', 'Laboratory not found or inactive.');
  const penyelia = await trx
    .selectFrom('users')
    .select(['role', 'lab_id', 'active'])
    .where('id', '=', p.penyeliaId)
    .executeTakeFirst();
  if (!penyelia || penyelia.role !== 'penyelia' || penyelia.active !== 1 || penyelia.lab_id !== p.labId) {
    return invalid(
      'Penyelia harus akun Penyelia aktif dari laboratorium yang dipilih.',
      'The Penyelia must be an active Penyelia of the chosen laboratory.',
    );
  }
  const mt = await trx
    .selectFrom('users')
    .select(['role', 'lab_id', 'active'])
    .where('id', '=', p.mtId)
    .executeTakeFirst();
  if (!mt || mt.role !== 'mt' || mt.active !== 1 || (mt.lab_id !== null && mt.lab_id !== p.labId)) {
    return invalid(
      'MT harus akun MT aktif untuk laboratorium yang dipilih.',
      'The MT must be an active MT for the chosen laboratory.',
    );
  }
  return null;
}

/** An analyst is an active Analis of the sample's lab. */
export async function checkAnalyst(
  trx: Trx,
  analystId: string,
  labId: string | null,
): Promise<Rejection | null> {
  const u = await trx
    .selectFrom('users')
    .select(['role', 'lab_id', 'active'])
    .where('id', '=', analystId)
    .executeTakeFirst();
  if (!u || u.role !== 'analis' || u.active !== 1 || u.lab_id !== labId) {
    return invalid(
      'Analis harus akun Analis aktif dari laboratorium sampel.',
      "The analyst must be an active Analis of the sample's laboratory.",
    );
  }
  return null;
}
