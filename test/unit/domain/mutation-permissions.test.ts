/**
 * Who may do what beyond the command table (permissions.ts, issue 13 "one home for permissions"):
 * the HTTP operations, who reads every order, which commands work offline, and amending a report
 * after the order moved on. Expectations written here by hand, not read back from the tables.
 */
import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES } from '../../../shared/domain/commands';
import {
  hasPermission,
  isOfflineCommand,
  readsEveryOrder,
  type HttpPermission,
} from '../../../shared/domain/permissions';
import { HUMAN_ROLES, ROLES, type Role } from '../../../shared/sop/roles';
import { attempt, orderAt, prepare } from './fixtures';

/** The staff: every person of the SOP but the customer. */
const STAFF: Role[] = HUMAN_ROLES.filter((r) => r !== 'pelanggan');

/** Admin Satker runs the accounts, the catalog and the desktop releases; MT reads the audit trail. */
const HTTP: Record<HttpPermission, Role[]> = {
  'users.manage': ['admin_satker'],
  'catalog.manage': ['admin_satker'],
  'releases.manage': ['admin_satker'],
  'customers.read': ['admin_satker', 'cs', 'ketua_tim_pji', 'bendahara'],
  'audit.read': ['admin_satker', 'mt'],
  'staff.read': STAFF,
  'sync.use': STAFF,
  'payment_proofs.read': ['pelanggan', 'bendahara', 'cs', 'ketua_tim_pji', 'admin_satker'],
};

describe('HTTP operations outside the command table', () => {
  it.each(Object.entries(HTTP) as [HttpPermission, Role[]][])('%s', (permission, roles) => {
    const allowed = ROLES.filter((r) => hasPermission(r, permission));
    expect([...allowed].sort()).toEqual([...roles].sort());
  });
});

describe('who reads every order', () => {
  it('the unit-wide roles and the system; an MT only without a lab; never the lab staff or a customer', () => {
    const every = (role: Role, labId: string | null = null) => readsEveryOrder({ role, labId });
    for (const r of ['admin_satker', 'cs', 'ketua_tim_pji', 'bendahara', 'kepala_balai', 'sistem'] as const)
      expect(every(r), r).toBe(true);
    for (const r of ['pelanggan', 'penyelia', 'analis'] as const) {
      expect(every(r), r).toBe(false);
      expect(every(r, 'lab-kimia'), r).toBe(false);
    }
    expect(every('mt')).toBe(true);
    expect(every('mt', 'lab-kimia')).toBe(false);
  });
});

describe('commands the desktop issues offline: the lab (steps 12-16) and signing (step 19)', () => {
  const OFFLINE = [
    'sample.accept',
    'sample.reject',
    'sample.assign_analysts',
    'assignment.validate',
    'assignment.return',
    'result.save',
    'result.submit',
    'results.verify',
    'analysis.request_retest',
    'results.validate',
    'results.return',
    'report.sign',
    'report.refuse',
  ];

  it('exactly those; the front office, the money and the numbering need the server', () => {
    expect(COMMAND_TYPES.filter((t) => isOfflineCommand(t))).toEqual(OFFLINE);
    for (const t of ['report.number', 'report.request_signature', 'report.release', 'sample.register', 'x'])
      expect(isOfflineCommand(t), t).toBe(false);
  });
});

describe('amending a released report (ISO/IEC 17025 7.8.8)', () => {
  it.each(['reports_released', 'survey_completed', 'finished'] as const)(
    'is possible while the order is %s',
    (status) => {
      const state = orderAt(status);
      const { actor, payload, now } = prepare('report.amend', state);
      const d = attempt(state, actor, 'report.amend', payload, { now });
      expect(d.ok ? 'accepted' : d.message.en).toBe('accepted');
    },
  );
});
