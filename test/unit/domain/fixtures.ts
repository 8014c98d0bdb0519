/**
 * Fixtures for the domain-core tests: named actors per role, a small catalog, and helpers that drive
 * an order through `decide` exactly as the server and the desktop call it. Every state a test starts
 * from is reached through `decide` (never built by hand), except where a test says otherwise.
 */
import { decide, type Decision } from '../../../shared/domain/decide';
import { type Command, type CommandType, type PayloadInput } from '../../../shared/domain/commands';
import type { Account, Analysis, Order, Sample } from '../../../shared/domain/entities';
import { RULES, type Target } from '../../../shared/domain/permissions';
import type { Rejection } from '../../../shared/domain/rejections';
import { currentBilling, currentReport, type Actor, type AggregateState } from '../../../shared/domain/state';
import {
  ACCOUNT_STATUSES,
  ANALYSIS_STATUSES,
  ORDER_STATUSES,
  SAMPLE_STATUSES,
  type AccountStatus,
  type AnalysisStatus,
  type OrderStatus,
  type SampleStatus,
} from '../../../shared/domain/states';
import type { Role } from '../../../shared/sop/roles';

// ------------------------------------------------------------------------------------------------
// Ids and time

/** A valid (version 4, RFC variant) UUID made from a number, so that fixtures are deterministic. */
export function uuid(n: number, prefix = '00000000'): string {
  return `${prefix}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** A catalog parameter as stored before the optional fields (detection limit, uncertainty, accreditation) came. */
export function storedParameter(): Record<string, unknown> {
  return {
    id: uuid(1),
    sampleTypeId: uuid(2),
    name: 'Timbal',
    unit: 'mg/kg',
    method: 'SSA',
    requirement: null,
    tariff: 1,
    active: true,
  };
}
let fresh = 0;
/** A new UUID, never equal to a named fixture id. */
export function freshId(): string {
  fresh += 1;
  return uuid(fresh, 'f0000000');
}
/** A new 15-digit SIMPONI billing code. */
export function freshBillingCode(): string {
  fresh += 1;
  return `82${String(fresh).padStart(13, '0')}`;
}
export function freshNumber(prefix: string): string {
  fresh += 1;
  return `${prefix}/${String(fresh).padStart(5, '0')}`;
}

/** 2026-03-02 10:00 WIB, a Monday. */
export const NOW = new Date('2026-03-02T03:00:00.000Z');
export const addDays = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000);
/** Expiry of the fixtures' e-billing: seven days after NOW. */
export const BILLING_EXPIRES = addDays(NOW, 7);
/** A moment after that e-billing expired. */
export const AFTER_EXPIRY = addDays(NOW, 8);

export const REASON = 'Data tidak lengkap, mohon diperbaiki';
export const HASH_A = 'a'.repeat(64);
export const HASH_B = 'b'.repeat(64);
export const NTPN = '0A1B2C3D4E5F6G7H';

// ------------------------------------------------------------------------------------------------
// Actors

export const LAB_KIMIA = uuid(0x1001);
export const LAB_LAIN = uuid(0x1002);
export const CUSTOMER_ID = uuid(0x2001);
export const OTHER_CUSTOMER_ID = uuid(0x2002);

const staff = (n: number, role: Role, labId: string | null = null): Actor => ({
  userId: uuid(n),
  role,
  labId,
  customerId: null,
});

export const A = {
  pelanggan: { userId: uuid(1), role: 'pelanggan', labId: null, customerId: CUSTOMER_ID },
  pelangganLain: { userId: uuid(2), role: 'pelanggan', labId: null, customerId: OTHER_CUSTOMER_ID },
  adminSatker: staff(3, 'admin_satker'),
  cs: staff(4, 'cs'),
  ketuaTim: staff(5, 'ketua_tim_pji'),
  bendahara: staff(6, 'bendahara'),
  penyelia: staff(7, 'penyelia', LAB_KIMIA),
  penyeliaLain: staff(8, 'penyelia', LAB_KIMIA),
  mt: staff(9, 'mt', LAB_KIMIA),
  mtLain: staff(10, 'mt', LAB_KIMIA),
  analis1: staff(11, 'analis', LAB_KIMIA),
  analis2: staff(12, 'analis', LAB_KIMIA),
  analis3: staff(13, 'analis', LAB_KIMIA),
  kepalaBalai: staff(14, 'kepala_balai'),
  kepalaBalaiLain: staff(15, 'kepala_balai'),
  sistem: staff(16, 'sistem'),
} as const satisfies Record<string, Actor>;

/** The canonical actor of each role (the one the fixtures assign work to). */
export const ROLE_ACTOR: Record<Role, Actor> = {
  pelanggan: A.pelanggan,
  admin_satker: A.adminSatker,
  cs: A.cs,
  ketua_tim_pji: A.ketuaTim,
  bendahara: A.bendahara,
  penyelia: A.penyelia,
  mt: A.mt,
  analis: A.analis1,
  kepala_balai: A.kepalaBalai,
  sistem: A.sistem,
};

/** Someone acting in a role under a given user id (e.g. the Penyelia a sample was given to). */
export function actorAs(userId: string, role: Role, labId: string | null = null): Actor {
  const known = Object.values(A).find((a) => a.userId === userId && a.role === role);
  return known ?? { userId, role, labId, customerId: null };
}

// ------------------------------------------------------------------------------------------------
// Catalog and the order of the fixtures: two samples of three parameters each

export interface CatalogParameter {
  parameterId: string;
  parameterName: string;
  unit: string;
  method: string;
  requirement: { min: number | null; max: number | null; text: string | null; source: string | null } | null;
  tariff: number;
}
export interface CatalogSampleType {
  sampleTypeId: string;
  sampleTypeName: string;
  parameters: CatalogParameter[];
}

const param = (
  n: number,
  parameterName: string,
  unit: string,
  method: string,
  tariff: number,
  min: number | null,
  max: number | null,
  source: string,
): CatalogParameter => ({
  parameterId: uuid(n),
  parameterName,
  unit,
  method,
  requirement: { min, max, text: null, source },
  tariff,
});

export const CATALOG = {
  amdk: {
    sampleTypeId: uuid(0x3001),
    sampleTypeName: 'Air minum dalam kemasan',
    parameters: [
      param(0x3101, 'pH', '-', 'SNI 6989.11:2019', 25_000, 6, 8.5, 'SNI 3553:2015'),
      param(0x3102, 'Kekeruhan', 'NTU', 'SNI 06-6989.25-2005', 30_000, null, 1.5, 'SNI 3553:2015'),
      param(0x3103, 'Timbal (Pb)', 'mg/L', 'SNI 6989.8:2009', 150_000, null, 0.005, 'SNI 3553:2015'),
    ],
  },
  kopi: {
    sampleTypeId: uuid(0x3002),
    sampleTypeName: 'Kopi bubuk',
    parameters: [
      param(0x3201, 'Kadar air', '% b/b', 'SNI 01-2891-1992', 45_000, null, 7, 'SNI 2983:2014'),
      param(0x3202, 'Kadar abu', '% b/b', 'SNI 01-2891-1992', 45_000, null, 5, 'SNI 2983:2014'),
      param(0x3203, 'Kafein', '% b/b', 'SNI 01-2891-1992', 120_000, 0.9, 2, 'SNI 2983:2014'),
    ],
  },
} satisfies Record<string, CatalogSampleType>;

export const ORDER_ID = uuid(0x4001);
export const S1 = uuid(0x5001);
export const S2 = uuid(0x5002);
export const S1_ANALYSES = [uuid(0x5101), uuid(0x5102), uuid(0x5103)] as const;
export const S2_ANALYSES = [uuid(0x5201), uuid(0x5202), uuid(0x5203)] as const;
export const S1A1 = S1_ANALYSES[0];
export const SAMPLE_IDS = [S1, S2] as const;

type OrderedSampleInput = PayloadInput<'order.submit'>['samples'][number];

/** The catalog-like builder: a sample of a type with every parameter of that type. */
export function orderedSample(
  sampleId: string,
  type: CatalogSampleType,
  analysisIds: readonly string[],
  description: string,
): OrderedSampleInput {
  return {
    sampleId,
    sampleTypeId: type.sampleTypeId,
    sampleTypeName: type.sampleTypeName,
    description,
    customerLabel: `Label ${description.slice(0, 20)}`,
    analyses: type.parameters.map((p, i) => ({
      analysisId: analysisIds[i] ?? freshId(),
      parameterId: p.parameterId,
      parameterName: p.parameterName,
      unit: p.unit,
      method: p.method,
      requirement: p.requirement,
      tariff: p.tariff,
    })),
  };
}

export function twoSamples(): OrderedSampleInput[] {
  return [
    orderedSample(S1, CATALOG.amdk, S1_ANALYSES, 'AMDK 600 mL, botol PET, batch 2026-02'),
    orderedSample(S2, CATALOG.kopi, S2_ANALYSES, 'Kopi bubuk robusta 250 g, kemasan aluminium foil'),
  ];
}
export const ORDER_TOTAL = [...CATALOG.amdk.parameters, ...CATALOG.kopi.parameters].reduce(
  (t, p) => t + p.tariff,
  0,
);

export function registration(customerId = CUSTOMER_ID): PayloadInput<'account.register'> {
  return {
    id: customerId,
    companyName: 'PT Sumber Air Sriwijaya',
    contactName: 'Rina Wulandari',
    email: 'rina@sumberair.co.id',
    phone: '+62 711 123456',
    address: 'Jl. Jenderal Sudirman No. 10, Palembang',
    npwp: '012345678901234',
  };
}

// ------------------------------------------------------------------------------------------------
// Issuing commands

export interface IssueOptions {
  now?: Date;
  baseVersion?: number | null;
}

/** One command, as the server and the desktop send it to `decide`. */
export function attempt(
  state: AggregateState,
  actor: Actor,
  type: string,
  payload: unknown,
  opts: IssueOptions = {},
): Decision {
  const command = { id: freshId(), type, payload, baseVersion: opts.baseVersion } as Command;
  return decide(state, command, actor, opts.now ?? NOW);
}

/** The Admin Satker activates the pending account `acc` (step 3), having last seen it at `baseVersion`. */
export function activateSeenAt(acc: Account, baseVersion: number): Decision {
  return attempt(acc, A.adminSatker, 'account.activate', { customerId: CUSTOMER_ID }, { baseVersion });
}

export class RejectedError extends Error {
  constructor(
    readonly type: string,
    readonly rejection: Rejection,
  ) {
    super(`${type} rejected: ${rejection.code}: ${rejection.message.en}`);
  }
}

/** Issue a command that must be accepted; return the new state. */
export function run<T extends CommandType>(
  state: AggregateState,
  actor: Actor,
  type: T,
  payload: PayloadInput<T>,
  opts: IssueOptions = {},
): Order | Account {
  const d = attempt(state, actor, type, payload, opts);
  if (!d.ok) throw new RejectedError(type, d);
  return d.state;
}
/** As `run`, for order commands. */
export function runOrder<T extends CommandType>(
  state: Order | null,
  actor: Actor,
  type: T,
  payload: PayloadInput<T>,
  opts: IssueOptions = {},
): Order {
  return run(state, actor, type, payload, opts) as Order;
}
/** As `run`, for account commands. */
export function runAccount<T extends CommandType>(
  state: Account | null,
  actor: Actor,
  type: T,
  payload: PayloadInput<T>,
  opts: IssueOptions = {},
): Account {
  return run(state, actor, type, payload, opts) as Account;
}
/**
 * The refusal a test expects: its code and what the person reads, in Indonesian and English. Built
 * here, not with the core's `reject`, so that a change there shows as a difference.
 */
export function refusal(code: Rejection['code'], id: string, en: string): Rejection {
  return { ok: false, code, message: { id, en } };
}
/** A command that must be refused; return the rejection. */
export function refuse(
  state: AggregateState,
  actor: Actor,
  type: string,
  payload: unknown,
  opts: IssueOptions = {},
): Rejection {
  const d = attempt(state, actor, type, payload, opts);
  if (d.ok) throw new Error(`${type} was accepted but should have been refused`);
  return d;
}

export function sampleOf(order: Order, sampleId: string): Sample {
  const s = order.samples.find((x) => x.id === sampleId);
  if (!s) throw new Error(`no sample ${sampleId}`);
  return s;
}
export function analysisOf(order: Order, sampleId: string, analysisId: string): Analysis {
  const a = sampleOf(order, sampleId).analyses.find((x) => x.id === analysisId);
  if (!a) throw new Error(`no analysis ${analysisId}`);
  return a;
}
export function activeOf(order: Order, sampleId: string): Analysis[] {
  return sampleOf(order, sampleId).analyses.filter((a) => a.status !== 'retest');
}

/** Freeze a value and everything in it, so that any write by `decide` throws. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

// ------------------------------------------------------------------------------------------------
// The SOP, one step at a time (the happy path), each a function of the order

export function resultFor(a: Analysis) {
  const value = a.requirement?.max != null ? a.requirement.max / 2 : 1;
  return { value: String(value), numeric: value, unit: a.unit, notes: '', testedOn: '2026-03-05' };
}
/** Who the fixtures give each parameter to: the first and third to analis1, the second to analis2. */
export function plannedAnalyst(index: number): Actor {
  return index % 2 === 0 ? A.analis1 : A.analis2;
}

export const flow = {
  register: (customerId = CUSTOMER_ID, actor: Actor = A.pelanggan) =>
    runAccount(null, actor, 'account.register', registration(customerId)),
  activate: (acc: Account) =>
    runAccount(acc, A.adminSatker, 'account.activate', { customerId: acc.customer.id }),
  submit: () => runOrder(null, A.pelanggan, 'order.submit', { orderId: ORDER_ID, samples: twoSamples() }),
  validate: (o: Order) => runOrder(o, A.cs, 'order.validate', { orderNumber: 'ORD/BSPJI-PLG/2026/0001' }),
  approveTariff: (o: Order) => runOrder(o, A.ketuaTim, 'tariff.approve', {}),
  requestBilling: (o: Order) => runOrder(o, A.pelanggan, 'billing.request', {}),
  issueBilling: (o: Order, now = NOW) =>
    runOrder(
      o,
      A.bendahara,
      'billing.issue',
      { billingId: freshId(), code: freshBillingCode(), expiresAt: addDays(now, 7).toISOString() },
      { now },
    ),
  uploadProof: (o: Order, now = NOW) =>
    runOrder(
      o,
      A.pelanggan,
      'payment.upload_proof',
      { proofId: freshId(), fileId: freshId(), ntpn: NTPN },
      { now },
    ),
  approvePayment: (o: Order) =>
    runOrder(o, A.bendahara, 'payment.approve', {
      proofId: o.proofs.find((p) => p.status === 'submitted')!.id,
    }),
  registerSample: (o: Order, sampleId: string, opts: { penyelia?: Actor; mt?: Actor } = {}) =>
    runOrder(o, A.cs, 'sample.register', {
      sampleId,
      sampleNumber: freshNumber('SPL/BSPJI-PLG/2026'),
      labId: LAB_KIMIA,
      penyeliaId: (opts.penyelia ?? A.penyelia).userId,
      mtId: (opts.mt ?? A.mt).userId,
    }),
  acceptSample: (o: Order, sampleId: string) =>
    runOrder(o, penyeliaOf(o, sampleId), 'sample.accept', { sampleId, condition: 'Baik, segel utuh' }),
  assignAnalysts: (o: Order, sampleId: string) =>
    runOrder(o, penyeliaOf(o, sampleId), 'sample.assign_analysts', {
      sampleId,
      assignments: activeOf(o, sampleId).map((a, i) => ({
        analysisId: a.id,
        analystId: plannedAnalyst(i).userId,
      })),
    }),
  validateAssignment: (o: Order, sampleId: string) =>
    runOrder(o, mtOf(o, sampleId), 'assignment.validate', { sampleId }),
  saveResult: (o: Order, sampleId: string, analysisId: string) => {
    const a = analysisOf(o, sampleId, analysisId);
    return runOrder(o, analystOf(o, sampleId, analysisId), 'result.save', {
      sampleId,
      analysisId,
      result: resultFor(a),
    });
  },
  submitResult: (o: Order, sampleId: string, analysisId: string) =>
    runOrder(o, analystOf(o, sampleId, analysisId), 'result.submit', { sampleId, analysisId }),
  /** Step 14 for every active analysis of the sample that still needs it. */
  enterResults: (o: Order, sampleId: string) => {
    let next = o;
    for (const a of activeOf(o, sampleId)) {
      if (a.status === 'pending') next = flow.saveResult(next, sampleId, a.id);
      if (a.status === 'pending' || a.status === 'draft') next = flow.submitResult(next, sampleId, a.id);
    }
    return next;
  },
  verify: (o: Order, sampleId: string) =>
    runOrder(o, penyeliaOf(o, sampleId), 'results.verify', { sampleId }),
  validateResults: (o: Order, sampleId: string) =>
    runOrder(o, mtOf(o, sampleId), 'results.validate', { sampleId }),
  numberReport: (o: Order, sampleId: string) =>
    runOrder(o, A.ketuaTim, 'report.number', {
      sampleId,
      reportId: freshId(),
      reportNumber: freshNumber('LHU/BSPJI-PLG/2026'),
    }),
  requestSignature: (o: Order, sampleId: string, kepalaBalai: Actor = A.kepalaBalai) =>
    runOrder(o, A.cs, 'report.request_signature', {
      sampleId,
      reportId: currentReport(sampleOf(o, sampleId))!.id,
      kepalaBalaiId: kepalaBalai.userId,
      documentHash: HASH_A,
      issuedOn: '2026-03-20',
    }),
  sign: (o: Order, sampleId: string) => {
    const r = currentReport(sampleOf(o, sampleId))!;
    return runOrder(o, actorAs(r.kepalaBalaiId!, 'kepala_balai'), 'report.sign', {
      sampleId,
      reportId: r.id,
      signedHash: HASH_B,
    });
  },
  release: (o: Order, sampleId: string) =>
    runOrder(o, A.cs, 'report.release', { sampleId, reportId: currentReport(sampleOf(o, sampleId))!.id }),
  survey: (o: Order) =>
    runOrder(o, A.pelanggan, 'survey.submit', {
      scores: [4, 4, 3, 3, 4, 4, 4, 3, 4],
      comment: 'Pelayanan cepat',
    }),
  finish: (o: Order) => runOrder(o, A.pelanggan, 'order.finish', {}),
};

export function penyeliaOf(o: Order, sampleId: string): Actor {
  const s = sampleOf(o, sampleId);
  return actorAs(s.penyeliaId ?? A.penyelia.userId, 'penyelia', s.labId ?? LAB_KIMIA);
}
export function mtOf(o: Order, sampleId: string): Actor {
  const s = sampleOf(o, sampleId);
  return actorAs(s.mtId ?? A.mt.userId, 'mt', s.labId ?? LAB_KIMIA);
}
export function analystOf(o: Order, sampleId: string, analysisId: string): Actor {
  const s = sampleOf(o, sampleId);
  return actorAs(
    analysisOf(o, sampleId, analysisId).analystId ?? A.analis1.userId,
    'analis',
    s.labId ?? LAB_KIMIA,
  );
}
export function kepalaBalaiOf(o: Order, sampleId: string): Actor {
  return actorAs(currentReport(sampleOf(o, sampleId))?.kepalaBalaiId ?? A.kepalaBalai.userId, 'kepala_balai');
}

/** Steps 11-20 for one sample, stopping when it reaches `until`. */
const SAMPLE_PATH: readonly [SampleStatus, (o: Order, sampleId: string) => Order][] = [
  ['registered', (o, s) => flow.registerSample(o, s)],
  ['received', flow.acceptSample],
  ['assigned', flow.assignAnalysts],
  ['in_testing', flow.validateAssignment],
  ['results_verified', (o, s) => flow.verify(flow.enterResults(o, s), s)],
  ['results_validated', flow.validateResults],
  ['report_numbered', flow.numberReport],
  ['awaiting_signature', (o, s) => flow.requestSignature(o, s)],
  ['signed', flow.sign],
  ['released', flow.release],
];
export function driveSample(o: Order, sampleId: string, until: SampleStatus): Order {
  let next = o;
  const at = SAMPLE_PATH.findIndex(([status]) => status === sampleOf(o, sampleId).status);
  for (const [status, step] of SAMPLE_PATH.slice(at + 1)) {
    if (sampleOf(next, sampleId).status === until) return next;
    next = step(next, sampleId);
    if (sampleOf(next, sampleId).status !== status)
      throw new Error(`expected the sample ${status}, got ${sampleOf(next, sampleId).status}`);
  }
  if (sampleOf(next, sampleId).status !== until) throw new Error(`cannot drive a sample to ${until}`);
  return next;
}

// ------------------------------------------------------------------------------------------------
// Reaching every state of every machine (memoized, deep-frozen: decide must never change them)

const memo = new Map<string, unknown>();
function memoize<T>(key: string, make: () => T): T {
  if (!memo.has(key)) memo.set(key, deepFreeze(make()));
  return memo.get(key) as T;
}

export function accountAt(status: AccountStatus): Account {
  return memoize(`account:${status}`, () => {
    const pending = flow.register();
    if (status === 'pending_activation') return pending;
    const active = flow.activate(pending);
    if (status === 'active') return active;
    return runAccount(active, A.adminSatker, 'account.deactivate', {
      customerId: CUSTOMER_ID,
      reason: REASON,
    });
  });
}

/** An order in each order status (samples untouched until 'in_lab': S1 registered there). */
export function orderAt(status: OrderStatus): Order {
  return memoize(`order:${status}`, (): Order => {
    switch (status) {
      case 'submitted':
        return flow.submit();
      case 'returned_to_customer':
        return runOrder(orderAt('submitted'), A.cs, 'order.return_to_customer', { reason: REASON });
      case 'cancelled':
        return runOrder(orderAt('submitted'), A.pelanggan, 'order.cancel', { reason: 'Tidak jadi menguji' });
      case 'validated':
        return flow.validate(orderAt('submitted'));
      case 'tariff_approved':
        return flow.approveTariff(orderAt('validated'));
      case 'billing_requested':
        return flow.requestBilling(orderAt('tariff_approved'));
      case 'awaiting_payment':
        return flow.issueBilling(orderAt('billing_requested'));
      case 'payment_submitted':
        return flow.uploadProof(orderAt('awaiting_payment'));
      case 'paid':
        return flow.approvePayment(orderAt('payment_submitted'));
      case 'in_lab':
        return flow.registerSample(orderAt('paid'), S1);
      case 'reports_released':
        return driveSample(driveSample(orderAt('paid'), S1, 'released'), S2, 'released');
      case 'survey_completed':
        return flow.survey(orderAt('reports_released'));
      case 'finished':
        return flow.finish(orderAt('survey_completed'));
    }
  });
}

/** An order whose sample S1 is in the given status (S2 waits for registration, so the order stays in the lab). */
export function sampleAt(status: SampleStatus): Order {
  return memoize(`sample:${status}`, (): Order => {
    if (status === 'awaiting_registration') return orderAt('paid');
    if (status === 'rejected')
      return runOrder(sampleAt('registered'), A.penyelia, 'sample.reject', {
        sampleId: S1,
        reason: 'Segel kemasan rusak',
      });
    return driveSample(orderAt('paid'), S1, status);
  });
}

/** An order whose analysis S1A1 (of sample S1) is in the given status. */
export function analysisAt(status: AnalysisStatus): Order {
  return memoize(`analysis:${status}`, (): Order => {
    switch (status) {
      case 'pending':
        return sampleAt('in_testing');
      case 'draft':
        return flow.saveResult(analysisAt('pending'), S1, S1A1);
      case 'submitted':
        return flow.submitResult(analysisAt('draft'), S1, S1A1);
      case 'verified':
        return sampleAt('results_verified');
      case 'validated':
        return sampleAt('results_validated');
      case 'retest':
        return runOrder(analysisAt('submitted'), A.penyelia, 'analysis.request_retest', {
          sampleId: S1,
          analysisId: S1A1,
          newAnalysisId: uuid(0x5199),
          reason: 'Duplo tidak memenuhi keberterimaan',
        });
    }
  });
}

export const STATUSES: Record<Target, readonly string[]> = {
  account: ACCOUNT_STATUSES,
  order: ORDER_STATUSES,
  sample: SAMPLE_STATUSES,
  analysis: ANALYSIS_STATUSES,
};

/** The target of `type` in `status` (null: not existing yet), with what the command needs beyond the status. */
export function stateFor(type: CommandType, status: string | null): AggregateState {
  return stateWith(RULES[type].target, status, type);
}

/**
 * The state holding an entity of `target` in `status` (S1 for a sample, its first analysis for an
 * analysis; null: not existing yet), with what `type` needs beyond the status. Apart from
 * `stateFor` for a test that names the entity itself rather than taking it from RULES.
 */
export function stateWith(target: Target, status: string | null, type: CommandType): AggregateState {
  if (status === null) return null;
  switch (target) {
    case 'account':
      return accountAt(status as AccountStatus);
    case 'order':
      return orderAt(status as OrderStatus);
    case 'analysis':
      return analysisAt(status as AnalysisStatus);
    case 'sample':
      // Verification needs every result of the sample submitted (step 14 done), not just the status.
      if (type === 'results.verify' && status === 'in_testing')
        return memoize('sample:in_testing:entered', () => flow.enterResults(sampleAt('in_testing'), S1));
      return sampleAt(status as SampleStatus);
  }
}

// ------------------------------------------------------------------------------------------------
// A valid command of any type for a state, and the actor whose work it is

export interface Selection {
  sampleId: string;
  analysisId: string;
}
export const DEFAULT_SELECTION: Selection = { sampleId: S1, analysisId: S1A1 };

export interface Prepared {
  actor: Actor;
  payload: Record<string, unknown>;
  now: Date;
}

/** The role that may issue `type` in the current status of its target (or the first role listed). */
export function roleFor(type: CommandType, status: string | null): Role {
  const from = RULES[type].from as Partial<Record<Role, readonly (string | null)[]>>;
  const roles = Object.keys(from) as Role[];
  return roles.find((r) => from[r]!.includes(status)) ?? roles[0]!;
}

/** The status of the entity `type` acts on (null when it does not exist yet). */
export function targetStatus(
  type: CommandType,
  state: AggregateState,
  sel: Selection = DEFAULT_SELECTION,
): string | null {
  if (state === null) return null;
  const rule = RULES[type];
  if (rule.target === 'account') return 'customer' in state ? state.customer.status : null;
  if (!('samples' in state)) return null;
  if (rule.target === 'order') return state.status;
  const s = state.samples.find((x) => x.id === sel.sampleId);
  if (rule.target === 'sample') return s?.status ?? null;
  return s?.analyses.find((a) => a.id === sel.analysisId)?.status ?? null;
}

/** The version the issuer saw of the entity the command acts on (what a client sends as baseVersion). */
export function baseVersionOf(
  type: CommandType,
  state: AggregateState,
  payload: { sampleId?: unknown; analysisId?: unknown },
): number | null {
  if (state === null) return null;
  if (!('samples' in state) || RULES[type].target === 'order' || RULES[type].target === 'account')
    return state.version;
  const s = state.samples.find((x) => x.id === payload.sampleId);
  if (RULES[type].target === 'sample') return s?.version ?? null;
  return s?.analyses.find((a) => a.id === payload.analysisId)?.version ?? null;
}

/** The actor whose work this command is in this state: the owning customer, the assigned staff, or the role's canonical actor. */
export function actorFor(
  type: CommandType,
  state: AggregateState,
  sel: Selection = DEFAULT_SELECTION,
  role?: Role,
): Actor {
  const r = role ?? roleFor(type, targetStatus(type, state, sel));
  const order = state !== null && 'samples' in state ? state : null;
  const sample = order?.samples.find((s) => s.id === sel.sampleId);
  switch (RULES[type].ownership) {
    case 'sample_penyelia':
      return r === 'penyelia' && sample?.penyeliaId
        ? actorAs(sample.penyeliaId, r, sample.labId)
        : ROLE_ACTOR[r];
    case 'sample_mt':
      return r === 'mt' && sample?.mtId ? actorAs(sample.mtId, r, sample.labId) : ROLE_ACTOR[r];
    case 'analysis_analyst': {
      const analystId = sample?.analyses.find((a) => a.id === sel.analysisId)?.analystId;
      return r === 'analis' && analystId ? actorAs(analystId, r, sample!.labId) : ROLE_ACTOR[r];
    }
    case 'report_kepala_balai': {
      const kb = sample ? currentReport(sample)?.kepalaBalaiId : null;
      return r === 'kepala_balai' && kb ? actorAs(kb, r) : ROLE_ACTOR[r];
    }
    default:
      return ROLE_ACTOR[r];
  }
}

/** Whether this state names anyone whose work the command would be (before assignment nobody owns it). */
export function hasOwner(
  type: CommandType,
  state: AggregateState,
  sel: Selection = DEFAULT_SELECTION,
): boolean {
  const order = state !== null && 'samples' in state ? state : null;
  const sample = order?.samples.find((s) => s.id === sel.sampleId);
  switch (RULES[type].ownership) {
    case 'sample_penyelia':
      return !!sample?.penyeliaId;
    case 'sample_mt':
      return !!sample?.mtId;
    case 'analysis_analyst':
      return !!sample?.analyses.find((a) => a.id === sel.analysisId)?.analystId;
    case 'report_kepala_balai':
      return !!(sample && currentReport(sample)?.kepalaBalaiId);
    default:
      return true;
  }
}

/** A valid payload of `type` for the state (ids taken from the state, new ids fresh), and the `now` it needs. */
export function prepare(
  type: CommandType,
  state: AggregateState,
  sel: Selection = DEFAULT_SELECTION,
  role?: Role,
  now: Date = NOW,
): Prepared {
  const order = state !== null && 'samples' in state ? state : null;
  const sample = order?.samples.find((s) => s.id === sel.sampleId);
  const report = sample ? currentReport(sample) : undefined;
  const reportRef = { sampleId: sel.sampleId, reportId: report?.id ?? freshId() };
  const billing = order ? currentBilling(order) : undefined;
  const proof = order?.proofs.find((p) => p.status === 'submitted');
  let at = now;
  let payload: Record<string, unknown>;
  switch (type) {
    case 'account.register':
      payload = registration();
      break;
    case 'account.activate':
      payload = { customerId: CUSTOMER_ID };
      break;
    case 'account.deactivate':
      payload = { customerId: CUSTOMER_ID, reason: REASON };
      break;
    case 'order.submit':
      payload = { orderId: ORDER_ID, samples: twoSamples() };
      break;
    case 'order.resubmit':
      payload = { samples: twoSamples() };
      break;
    case 'order.cancel':
      payload = { reason: 'Pelanggan membatalkan pesanan' };
      break;
    case 'order.validate':
      payload = { orderNumber: freshNumber('ORD/BSPJI-PLG/2026') };
      break;
    case 'order.return_to_customer':
    case 'tariff.reject':
      payload = { reason: REASON };
      break;
    case 'tariff.approve':
    case 'billing.request':
    case 'order.finish':
      payload = {};
      break;
    case 'billing.issue':
      payload = { billingId: freshId(), code: freshBillingCode(), expiresAt: addDays(now, 7).toISOString() };
      break;
    case 'billing.reissue': {
      // Re-issue is for an expired e-billing: act the day after the current one expired.
      const expired = billing ? new Date(Date.parse(billing.expiresAt) + 86_400_000) : AFTER_EXPIRY;
      at = expired > now ? expired : now;
      payload = { billingId: freshId(), code: freshBillingCode(), expiresAt: addDays(at, 7).toISOString() };
      break;
    }
    case 'payment.upload_proof':
      payload = { proofId: freshId(), fileId: freshId(), ntpn: NTPN };
      break;
    case 'payment.confirm_auto':
      payload = { billingCode: billing?.code ?? freshBillingCode(), ntpn: NTPN, paidAt: now.toISOString() };
      break;
    case 'payment.approve':
      payload = { proofId: proof?.id ?? freshId() };
      break;
    case 'payment.reject':
      payload = { proofId: proof?.id ?? freshId(), reason: 'Nominal pada bukti bayar tidak sesuai' };
      break;
    case 'sample.register':
      payload = {
        sampleId: sel.sampleId,
        sampleNumber: freshNumber('SPL/BSPJI-PLG/2026'),
        labId: LAB_KIMIA,
        penyeliaId: A.penyelia.userId,
        mtId: A.mt.userId,
      };
      break;
    case 'sample.accept':
      payload = { sampleId: sel.sampleId, condition: 'Baik, segel utuh' };
      break;
    case 'sample.reject':
      payload = { sampleId: sel.sampleId, reason: 'Segel kemasan rusak' };
      break;
    case 'sample.assign_analysts': {
      const active = sample ? sample.analyses.filter((a) => a.status !== 'retest') : [];
      payload = {
        sampleId: sel.sampleId,
        assignments:
          active.length > 0
            ? active.map((a, i) => ({ analysisId: a.id, analystId: plannedAnalyst(i).userId }))
            : [{ analysisId: freshId(), analystId: A.analis1.userId }],
      };
      break;
    }
    case 'assignment.validate':
    case 'results.verify':
    case 'results.validate':
      payload = { sampleId: sel.sampleId };
      break;
    case 'assignment.return':
      payload = { sampleId: sel.sampleId, reason: 'Analis belum kompeten untuk metode ini' };
      break;
    case 'results.return':
      payload = { sampleId: sel.sampleId, reason: 'Perhitungan kadar perlu diperiksa ulang' };
      break;
    case 'result.save': {
      const a = sample?.analyses.find((x) => x.id === sel.analysisId);
      payload = {
        sampleId: sel.sampleId,
        analysisId: sel.analysisId,
        result: a ? resultFor(a) : { value: '7.1', numeric: 7.1, unit: '-' },
      };
      break;
    }
    case 'result.submit':
      payload = { sampleId: sel.sampleId, analysisId: sel.analysisId };
      break;
    case 'analysis.request_retest':
      payload = {
        sampleId: sel.sampleId,
        analysisId: sel.analysisId,
        newAnalysisId: freshId(),
        reason: 'Hasil duplo menyimpang, uji ulang',
      };
      break;
    case 'report.number':
      payload = {
        sampleId: sel.sampleId,
        reportId: freshId(),
        reportNumber: freshNumber('LHU/BSPJI-PLG/2026'),
      };
      break;
    case 'report.request_signature':
      payload = {
        ...reportRef,
        kepalaBalaiId: A.kepalaBalai.userId,
        documentHash: HASH_A,
        issuedOn: '2026-03-20',
      };
      break;
    case 'report.sign':
      payload = { ...reportRef, signedHash: HASH_B };
      break;
    case 'report.refuse':
      payload = { ...reportRef, reason: 'Satuan pada tabel hasil keliru' };
      break;
    case 'report.release':
      payload = reportRef;
      break;
    case 'report.amend':
      payload = {
        ...reportRef,
        newReportId: freshId(),
        newReportNumber: freshNumber('LHU/BSPJI-PLG/2026'),
        reason: 'Salah ketik nama pelanggan',
      };
      break;
    case 'survey.submit':
      payload = { scores: [4, 4, 4, 3, 4, 3, 4, 4, 4], comment: '' };
      break;
  }
  return { actor: actorFor(type, state, sel, role), payload, now: at };
}
