import { describe, expect, it } from 'vitest';
import { revealsActor } from '../../../shared/domain/history';
import { HUMAN_ROLES, type Role } from '../../../shared/sop/roles';

const reader = (role: Role) => ({ role, userId: `reader-${role}` });
const by = (role: string, actorId = `actor-${role}`) => ({ role, actorId });

describe('revealsActor (whose name a history reader sees)', () => {
  it('hides the customer from the testing staff, and the staff from the customer', () => {
    for (const lab of ['penyelia', 'mt', 'analis'] as const) {
      expect(revealsActor(reader(lab), by('pelanggan'))).toBe(false);
      for (const r of HUMAN_ROLES.filter((x) => x !== 'pelanggan'))
        expect(revealsActor(reader(lab), by(r))).toBe(true);
    }
    for (const r of HUMAN_ROLES.filter((x) => x !== 'pelanggan'))
      expect(revealsActor(reader('pelanggan'), by(r))).toBe(false);
    expect(revealsActor(reader('pelanggan'), by('pelanggan'))).toBe(true);
  });

  it('unit-wide roles see every name; everyone sees their own and the system', () => {
    for (const unit of ['cs', 'ketua_tim_pji', 'bendahara', 'kepala_balai', 'admin_satker'] as const) {
      for (const r of HUMAN_ROLES) expect(revealsActor(reader(unit), by(r))).toBe(true);
    }
    for (const r of HUMAN_ROLES) {
      expect(revealsActor(reader(r), by(r === 'pelanggan' ? 'mt' : 'pelanggan', `reader-${r}`))).toBe(true);
      expect(revealsActor(reader(r), by('sistem'))).toBe(true);
    }
  });
});
