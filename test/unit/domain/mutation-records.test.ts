/**
 * Who reads the unit's records (SOP "Pencatatan dan Pendataan"), checked against a table written
 * here by hand from the rules, not read back from RECORD_ACCESS: a role gained or lost in the table
 * fails this test.
 */
import { describe, expect, it } from 'vitest';
import {
  RECORD_KINDS,
  mayReadRecord,
  recordsFor,
  type RecordKind,
} from '../../../shared/domain/record-permissions';
import { ROLES, type Role } from '../../../shared/sop/roles';

/**
 * - the heads of the service (Admin Satker, Kepala Balai, Ketua Tim PJI): everything;
 * - CS: the registers of orders, samples and reports, and the survey (IKM) it hears customers on;
 * - Bendahara: the state revenue, and the order register its billings reconcile with;
 * - the customer, the testing staff (impartiality) and the system: nothing.
 */
const EXPECTED: Record<Role, RecordKind[]> = {
  admin_satker: ['orders', 'samples', 'reports', 'revenue', 'performance', 'ikm'],
  kepala_balai: ['orders', 'samples', 'reports', 'revenue', 'performance', 'ikm'],
  ketua_tim_pji: ['orders', 'samples', 'reports', 'revenue', 'performance', 'ikm'],
  cs: ['orders', 'samples', 'reports', 'ikm'],
  bendahara: ['orders', 'revenue'],
  pelanggan: [],
  penyelia: [],
  mt: [],
  analis: [],
  sistem: [],
};

describe('records: who may read which register', () => {
  it('lists the six records in the menu order', () => {
    expect(RECORD_KINDS).toEqual(['orders', 'samples', 'reports', 'revenue', 'performance', 'ikm']);
  });

  it.each(ROLES.map((r) => [r, EXPECTED[r]] as const))('%s reads exactly %j', (role, kinds) => {
    expect(recordsFor(role)).toEqual(kinds);
    for (const kind of RECORD_KINDS) expect(mayReadRecord(role, kind), kind).toBe(kinds.includes(kind));
  });
});
