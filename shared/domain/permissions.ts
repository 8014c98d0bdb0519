import { HUMAN_ROLES, type Role } from '../sop/roles';
import type { CommandType } from './commands';
import type { AccountStatus, AnalysisStatus, OrderStatus, SampleStatus } from './states';

/**
 * The one table of who may do what, when: role x command x state of the entity the command acts
 * on. The decide function, the server's authorisation, the desktop's buttons and the permission
 * matrix test all read this table; nothing else lists permissions.
 */
export type Target = 'account' | 'order' | 'sample' | 'analysis';
type StateOf<T extends Target> = T extends 'account'
  ? AccountStatus
  : T extends 'order'
    ? OrderStatus
    : T extends 'sample'
      ? SampleStatus
      : AnalysisStatus;

/** Whose work it must be: checked against the actor before any state is looked at. */
export type Ownership =
  | 'any' // staff of the unit acting in their role
  | 'own_customer' // the customer who owns the order or account
  | 'sample_penyelia' // the Penyelia the sample was given to (and so of its lab)
  | 'sample_mt' // the MT the sample was given to
  | 'analysis_analyst' // the analyst assigned to the analysis
  | 'report_kepala_balai'; // the Kepala Balai the report was sent to for signature

export interface Rule<T extends Target = Target> {
  target: T;
  /** Allowed states of the target, per role. `null` stands for "does not exist yet". */
  from: Partial<Record<Role, readonly (StateOf<T> | null)[]>>;
  /** Resulting state of the target when it changes (documentation and tests). */
  to: StateOf<T> | null;
  /** For sample and analysis commands: the order must be in one of these states. */
  orderIn?: readonly OrderStatus[];
  /** For analysis commands: the sample must be in one of these states. */
  sampleIn?: readonly SampleStatus[];
  ownership: Ownership;
  /** SOP step this command performs (null for returns and other "no" paths). */
  step: number | null;
  /** A "no": it must carry a reason, which goes into the order's return notes and the audit trail. */
  isReturn: boolean;
}

const rule = <T extends Target>(r: Rule<T>): Rule<T> => r;
const PRE_PAYMENT: readonly OrderStatus[] = [
  'submitted',
  'returned_to_customer',
  'validated',
  'tariff_approved',
  'billing_requested',
  'awaiting_payment',
];
const LAB: readonly OrderStatus[] = ['paid', 'in_lab'];
const AFTER_RELEASE: readonly OrderStatus[] = ['in_lab', 'reports_released', 'survey_completed', 'finished'];

export const RULES: { readonly [C in CommandType]: Rule } = {
  'account.register': rule({
    target: 'account',
    from: { pelanggan: [null] },
    to: 'pending_activation',
    ownership: 'own_customer',
    step: 2,
    isReturn: false,
  }),
  'account.activate': rule({
    target: 'account',
    from: { admin_satker: ['pending_activation', 'deactivated'] },
    to: 'active',
    ownership: 'any',
    step: 3,
    isReturn: false,
  }),
  'account.deactivate': rule({
    target: 'account',
    from: { admin_satker: ['pending_activation', 'active'] },
    to: 'deactivated',
    ownership: 'any',
    step: null,
    isReturn: true,
  }),

  'order.submit': rule({
    target: 'order',
    from: { pelanggan: [null] },
    to: 'submitted',
    ownership: 'own_customer',
    step: 4,
    isReturn: false,
  }),
  'order.resubmit': rule({
    target: 'order',
    from: { pelanggan: ['returned_to_customer'] },
    to: 'submitted',
    ownership: 'own_customer',
    step: 4,
    isReturn: false,
  }),
  'order.cancel': rule({
    target: 'order',
    from: { pelanggan: PRE_PAYMENT },
    to: 'cancelled',
    ownership: 'own_customer',
    step: null,
    isReturn: true,
  }),
  'order.validate': rule({
    target: 'order',
    from: { cs: ['submitted'] },
    to: 'validated',
    ownership: 'any',
    step: 5,
    isReturn: false,
  }),
  'order.return_to_customer': rule({
    target: 'order',
    from: { cs: ['submitted'], ketua_tim_pji: ['validated'] },
    to: 'returned_to_customer',
    ownership: 'any',
    step: null,
    isReturn: true,
  }),
  'tariff.approve': rule({
    target: 'order',
    from: { ketua_tim_pji: ['validated'] },
    to: 'tariff_approved',
    ownership: 'any',
    step: 6,
    isReturn: false,
  }),
  'tariff.reject': rule({
    target: 'order',
    from: { pelanggan: ['tariff_approved'] },
    to: 'validated',
    ownership: 'own_customer',
    step: null,
    isReturn: true,
  }),
  'billing.request': rule({
    target: 'order',
    from: { pelanggan: ['tariff_approved'] },
    to: 'billing_requested',
    ownership: 'own_customer',
    step: 7,
    isReturn: false,
  }),
  'billing.issue': rule({
    target: 'order',
    from: { bendahara: ['billing_requested'] },
    to: 'awaiting_payment',
    ownership: 'any',
    step: 8,
    isReturn: false,
  }),
  'billing.reissue': rule({
    target: 'order',
    from: { bendahara: ['awaiting_payment'] },
    to: 'awaiting_payment',
    ownership: 'any',
    step: 8,
    isReturn: false,
  }),
  'payment.upload_proof': rule({
    target: 'order',
    from: { pelanggan: ['awaiting_payment'] },
    to: 'payment_submitted',
    ownership: 'own_customer',
    step: 9,
    isReturn: false,
  }),
  'payment.confirm_auto': rule({
    target: 'order',
    from: { sistem: ['awaiting_payment', 'payment_submitted'] },
    to: 'paid',
    ownership: 'any',
    step: 9,
    isReturn: false,
  }),
  'payment.approve': rule({
    target: 'order',
    from: { bendahara: ['payment_submitted'] },
    to: 'paid',
    ownership: 'any',
    step: 10,
    isReturn: false,
  }),
  'payment.reject': rule({
    target: 'order',
    from: { bendahara: ['payment_submitted'] },
    to: 'awaiting_payment',
    ownership: 'any',
    step: null,
    isReturn: true,
  }),

  'sample.register': rule({
    target: 'sample',
    from: { cs: ['awaiting_registration', 'rejected'] },
    to: 'registered',
    orderIn: LAB,
    ownership: 'any',
    step: 11,
    isReturn: false,
  }),
  'sample.accept': rule({
    target: 'sample',
    from: { penyelia: ['registered'] },
    to: 'received',
    orderIn: LAB,
    ownership: 'sample_penyelia',
    step: 12,
    isReturn: false,
  }),
  'sample.reject': rule({
    target: 'sample',
    from: { penyelia: ['registered'] },
    to: 'rejected',
    orderIn: LAB,
    ownership: 'sample_penyelia',
    step: null,
    isReturn: true,
  }),
  'sample.assign_analysts': rule({
    target: 'sample',
    from: { penyelia: ['received'] },
    to: 'assigned',
    orderIn: LAB,
    ownership: 'sample_penyelia',
    step: 12,
    isReturn: false,
  }),
  'assignment.validate': rule({
    target: 'sample',
    from: { mt: ['assigned'] },
    to: 'in_testing',
    orderIn: LAB,
    ownership: 'sample_mt',
    step: 13,
    isReturn: false,
  }),
  'assignment.return': rule({
    target: 'sample',
    from: { mt: ['assigned'] },
    to: 'received',
    orderIn: LAB,
    ownership: 'sample_mt',
    step: null,
    isReturn: true,
  }),

  'result.save': rule({
    target: 'analysis',
    from: { analis: ['pending', 'draft'] },
    to: 'draft',
    orderIn: LAB,
    sampleIn: ['in_testing'],
    ownership: 'analysis_analyst',
    step: 14,
    isReturn: false,
  }),
  'result.submit': rule({
    target: 'analysis',
    from: { analis: ['draft'] },
    to: 'submitted',
    orderIn: LAB,
    sampleIn: ['in_testing'],
    ownership: 'analysis_analyst',
    step: 14,
    isReturn: false,
  }),
  'results.verify': rule({
    target: 'sample',
    from: { penyelia: ['in_testing'] },
    to: 'results_verified',
    orderIn: LAB,
    ownership: 'sample_penyelia',
    step: 15,
    isReturn: false,
  }),
  'analysis.request_retest': rule({
    target: 'analysis',
    from: { penyelia: ['submitted'] },
    to: 'retest',
    orderIn: LAB,
    sampleIn: ['in_testing'],
    ownership: 'sample_penyelia',
    step: null,
    isReturn: true,
  }),
  'results.validate': rule({
    target: 'sample',
    from: { mt: ['results_verified'] },
    to: 'results_validated',
    orderIn: LAB,
    ownership: 'sample_mt',
    step: 16,
    isReturn: false,
  }),
  'results.return': rule({
    target: 'sample',
    from: { mt: ['results_verified'] },
    to: 'in_testing',
    orderIn: LAB,
    ownership: 'sample_mt',
    step: null,
    isReturn: true,
  }),

  'report.number': rule({
    target: 'sample',
    from: { ketua_tim_pji: ['results_validated'] },
    to: 'report_numbered',
    orderIn: LAB,
    ownership: 'any',
    step: 17,
    isReturn: false,
  }),
  'report.request_signature': rule({
    target: 'sample',
    from: { cs: ['report_numbered'] },
    to: 'awaiting_signature',
    orderIn: AFTER_RELEASE,
    ownership: 'any',
    step: 18,
    isReturn: false,
  }),
  'report.sign': rule({
    target: 'sample',
    from: { kepala_balai: ['awaiting_signature'] },
    to: 'signed',
    orderIn: AFTER_RELEASE,
    ownership: 'report_kepala_balai',
    step: 19,
    isReturn: false,
  }),
  'report.refuse': rule({
    target: 'sample',
    from: { kepala_balai: ['awaiting_signature'] },
    to: 'report_numbered',
    orderIn: AFTER_RELEASE,
    ownership: 'report_kepala_balai',
    step: null,
    isReturn: true,
  }),
  'report.release': rule({
    target: 'sample',
    from: { cs: ['signed'] },
    to: 'released',
    orderIn: AFTER_RELEASE,
    ownership: 'any',
    step: 20,
    isReturn: false,
  }),
  'report.amend': rule({
    target: 'sample',
    from: { ketua_tim_pji: ['released'] },
    to: 'report_numbered',
    orderIn: AFTER_RELEASE,
    ownership: 'any',
    step: null,
    isReturn: true,
  }),

  'survey.submit': rule({
    target: 'order',
    from: { pelanggan: ['reports_released'] },
    to: 'survey_completed',
    ownership: 'own_customer',
    step: 21,
    isReturn: false,
  }),
  'order.finish': rule({
    target: 'order',
    from: { pelanggan: ['survey_completed'] },
    to: 'finished',
    ownership: 'own_customer',
    step: 22,
    isReturn: false,
  }),
};

/** Roles that may ever issue a command (in some state). */
export function rolesFor(type: CommandType): Role[] {
  return Object.keys(RULES[type].from) as Role[];
}

/** The commands a role may issue on an entity in a given state: drives the UI's buttons and worklists. */
export function commandsAvailable(role: Role, target: Target, status: string | null): CommandType[] {
  return (Object.keys(RULES) as CommandType[]).filter((type) => {
    const r = RULES[type];
    const states = r.from[role] as readonly (string | null)[] | undefined;
    return r.target === target && states !== undefined && states.includes(status);
  });
}

// ------------------------------------------------------------------------------------------------
// Beyond the command table: operations, whole-unit reading, offline work. Listed here so that this
// file stays the one place that says who may do what.

/**
 * Operations outside the command table (accounts of staff, the catalog, reading the audit trail and
 * reference data): the roles allowed, for the server's routes and the UI alike.
 */
export const STAFF_ROLES = HUMAN_ROLES.filter((r) => r !== 'pelanggan');
export const HTTP_PERMISSIONS = {
  'users.manage': ['admin_satker'],
  'catalog.manage': ['admin_satker'],
  'customers.read': ['admin_satker', 'cs', 'ketua_tim_pji', 'bendahara'],
  'audit.read': ['admin_satker', 'mt'],
  'staff.read': STAFF_ROLES,
  /** Files of proofs of payment (a customer only for their own orders). */
  'payment_proofs.read': ['pelanggan', 'bendahara', 'cs', 'ketua_tim_pji', 'admin_satker'],
  'sync.use': STAFF_ROLES,
  /** Desktop releases: publish, raise a rollout, withdraw, the minimum version, the versions in use. */
  'releases.manage': ['admin_satker'],
} as const satisfies Record<string, readonly Role[]>;
export type HttpPermission = keyof typeof HTTP_PERMISSIONS;
export function hasPermission(role: Role, permission: HttpPermission): boolean {
  return (HTTP_PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Roles that serve the whole unit and read every order (an MT without a lab too). */
export const UNIT_WIDE_ROLES: readonly Role[] = [
  'admin_satker',
  'cs',
  'ketua_tim_pji',
  'bendahara',
  'kepala_balai',
  'sistem',
];
export function readsEveryOrder(actor: { role: Role; labId: string | null }): boolean {
  return UNIT_WIDE_ROLES.includes(actor.role) || (actor.role === 'mt' && actor.labId === null);
}

/** The commands the desktop may issue offline: steps 12-16 and the Kepala Balai's signing (19). */
export const OFFLINE_COMMANDS = [
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
] as const satisfies readonly CommandType[];
export type OfflineCommandType = (typeof OFFLINE_COMMANDS)[number];

export function isOfflineCommand(type: string): type is OfflineCommandType {
  return (OFFLINE_COMMANDS as readonly string[]).includes(type);
}
