import type { Role } from '../sop/roles';

/**
 * Whose name a reader of an order's history sees (ISO/IEC 17025 4.1, impartiality):
 * - the lab's testing staff (Penyelia, MT, Analis) do not learn who the customer is: the customer's
 *   entries show the role only;
 * - the customer sees what was done and by which role, not which staff member did it (names of
 *   lab staff are the unit's business, and a name invites pressure on that person);
 * - unit-wide roles (CS, Ketua Tim, Bendahara, Kepala Balai, Admin Satker) see every name;
 * - everyone sees their own name, and the automatic 'sistem' is never hidden.
 */
export function revealsActor(
  reader: { role: Role; userId: string },
  entry: { role: string; actorId: string | null },
): boolean {
  if (entry.actorId !== null && entry.actorId === reader.userId) return true;
  if (entry.role === 'sistem') return true;
  if (reader.role === 'pelanggan') return entry.role === 'pelanggan';
  if (reader.role === 'penyelia' || reader.role === 'mt' || reader.role === 'analis')
    return entry.role !== 'pelanggan';
  return true;
}
