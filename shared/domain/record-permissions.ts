import type { Role } from '../sop/roles';

/**
 * Who may read the unit's records and reports (SOP "Pencatatan dan Pendataan"), as data beside
 * the command table (permissions.ts): the server's record routes, the OpenAPI document and the
 * desktop's menus read this table; nothing else lists it.
 *
 * - Admin Satker, Kepala Balai and Ketua Tim PJI answer for the whole service: every report.
 * - CS keeps the registers of orders, samples and reports and hears the customers: the registers
 *   and the survey results.
 * - Bendahara (Penerimaan) answers for the state revenue: the PNBP revenue, and the order register
 *   its billings reconcile with.
 * - Customers never (a register names every customer), and the lab's testing staff (Penyelia, MT,
 *   Analis) neither: a register names the customers, which their impartiality keeps from them
 *   (ISO/IEC 17025 4.1; see shared/domain/history.ts), and revenue and service figures are not
 *   their work.
 */
export const RECORD_KINDS = ['orders', 'samples', 'reports', 'revenue', 'performance', 'ikm'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

const HEADS = ['admin_satker', 'kepala_balai', 'ketua_tim_pji'] as const;

export const RECORD_ACCESS = {
  orders: [...HEADS, 'cs', 'bendahara'],
  samples: [...HEADS, 'cs'],
  reports: [...HEADS, 'cs'],
  revenue: [...HEADS, 'bendahara'],
  performance: [...HEADS],
  ikm: [...HEADS, 'cs'],
} as const satisfies Record<RecordKind, readonly Role[]>;

export function mayReadRecord(role: Role, kind: RecordKind): boolean {
  return (RECORD_ACCESS[kind] as readonly Role[]).includes(role);
}

/** The records a role may read (the desktop's menu). */
export function recordsFor(role: Role): RecordKind[] {
  return RECORD_KINDS.filter((k) => mayReadRecord(role, k));
}
