/**
 * Who may do what, to whose order, in which state: written by hand from the SOP (shared/SOP.md,
 * SOP 28/BSPJI-3, its 22 steps and the "no" paths of its interpretation), NOT read from `RULES`.
 * The permission-matrix and ownership tests build their expectations from `RULES` itself, so a
 * wrong rule there passes them; this table is the second, independent opinion. Every entry is
 * checked through `decide` only:
 *  - the right person in each allowed state is accepted;
 *  - every other role is refused ("forbidden"), whatever the state;
 *  - the same role acting on someone else's work is refused ("forbidden"), and for unit-wide work
 *    any colleague of the role is accepted;
 *  - the right person in every other state of the entity is refused.
 */
import { describe, expect, it } from 'vitest';
import type { CommandType } from '../../../shared/domain/commands';
import type { Actor } from '../../../shared/domain/state';
import { ROLES, type Role } from '../../../shared/sop/roles';
import { A, ROLE_ACTOR, STATUSES, attempt, prepare, stateWith, uuid } from './fixtures';
import { orderStatesBefore } from './sop-order';

type Entity = 'account' | 'order' | 'sample' | 'analysis';
/** Whose work it is, in the SOP's words. */
type Whose =
  | 'the customer who owns it' // steps 2, 4, 7, 9, 21, 22 and the customer's own "no"s
  | 'any staff of the role' // front office, Ketua Tim, Bendahara, Admin: they serve the whole unit
  | 'the Penyelia the sample was given to' // step 11 picks the lab and the Penyelia
  | 'the MT of the sample'
  | 'the analyst given the parameter' // step 12 picks the analysts per parameter
  | 'the Kepala Balai the report was sent to'; // step 18 picks the Kepala Balai account

interface Expectation {
  sop: string;
  entity: Entity;
  /** Per role, the states of the entity in which the command is done (null: it does not exist yet). */
  by: Partial<Record<Role, readonly (string | null)[]>>;
  whose: Whose;
}

const BEFORE_PAYMENT = orderStatesBefore('payment_submitted');

const SOP: Record<CommandType, Expectation> = {
  'account.register': {
    sop: 'step 2: the customer registers an account',
    entity: 'account',
    by: { pelanggan: [null] },
    whose: 'the customer who owns it',
  },
  'account.activate': {
    sop: 'step 3: Admin Satker activates it (again, after a deactivation)',
    entity: 'account',
    by: { admin_satker: ['pending_activation', 'deactivated'] },
    whose: 'any staff of the role',
  },
  'account.deactivate': {
    sop: 'Admin Satker turns an account off',
    entity: 'account',
    by: { admin_satker: ['pending_activation', 'active'] },
    whose: 'any staff of the role',
  },

  'order.submit': {
    sop: 'step 4: the customer submits an order',
    entity: 'order',
    by: { pelanggan: [null] },
    whose: 'the customer who owns it',
  },
  'order.resubmit': {
    sop: 'step 4 again, after a return for correction',
    entity: 'order',
    by: { pelanggan: ['returned_to_customer'] },
    whose: 'the customer who owns it',
  },
  'order.cancel': {
    sop: 'the customer withdraws the own order, before paying',
    entity: 'order',
    by: { pelanggan: BEFORE_PAYMENT },
    whose: 'the customer who owns it',
  },
  'order.validate': {
    sop: 'step 5: CS validates and numbers the order',
    entity: 'order',
    by: { cs: ['submitted'] },
    whose: 'any staff of the role',
  },
  'order.return_to_customer': {
    sop: 'CS (step 5) or Ketua Tim (step 6) sends it back to the customer for correction',
    entity: 'order',
    by: { cs: ['submitted'], ketua_tim_pji: ['validated'] },
    whose: 'any staff of the role',
  },
  'tariff.approve': {
    sop: 'step 6: Ketua Tim approves the tariff',
    entity: 'order',
    by: { ketua_tim_pji: ['validated'] },
    whose: 'any staff of the role',
  },
  'tariff.reject': {
    sop: 'step 7: the customer rejects the tariff',
    entity: 'order',
    by: { pelanggan: ['tariff_approved'] },
    whose: 'the customer who owns it',
  },
  'billing.request': {
    sop: 'step 7: the customer accepts and asks for the e-billing',
    entity: 'order',
    by: { pelanggan: ['tariff_approved'] },
    whose: 'the customer who owns it',
  },
  'billing.issue': {
    sop: 'step 8: Bendahara creates the e-billing',
    entity: 'order',
    by: { bendahara: ['billing_requested'] },
    whose: 'any staff of the role',
  },
  'billing.reissue': {
    sop: 'step 8 again: an expired e-billing is re-issued',
    entity: 'order',
    by: { bendahara: ['awaiting_payment'] },
    whose: 'any staff of the role',
  },
  'payment.upload_proof': {
    sop: 'step 9: the customer uploads the proof of payment',
    entity: 'order',
    by: { pelanggan: ['awaiting_payment'] },
    whose: 'the customer who owns it',
  },
  'payment.confirm_auto': {
    sop: 'step 9: a billing made through the system is marked paid by itself',
    entity: 'order',
    by: { sistem: ['awaiting_payment', 'payment_submitted'] },
    whose: 'any staff of the role',
  },
  'payment.approve': {
    sop: 'step 10: Bendahara approves the proof',
    entity: 'order',
    by: { bendahara: ['payment_submitted'] },
    whose: 'any staff of the role',
  },
  'payment.reject': {
    sop: 'Bendahara refuses the proof (step 10 says no)',
    entity: 'order',
    by: { bendahara: ['payment_submitted'] },
    whose: 'any staff of the role',
  },

  'sample.register': {
    sop: 'step 11: CS registers the sample (or its replacement)',
    entity: 'sample',
    by: { cs: ['awaiting_registration', 'rejected'] },
    whose: 'any staff of the role',
  },
  'sample.accept': {
    sop: 'step 12: the Penyelia receives and checks the sample',
    entity: 'sample',
    by: { penyelia: ['registered'] },
    whose: 'the Penyelia the sample was given to',
  },
  'sample.reject': {
    sop: 'step 12 says no: the sample is unfit',
    entity: 'sample',
    by: { penyelia: ['registered'] },
    whose: 'the Penyelia the sample was given to',
  },
  'sample.assign_analysts': {
    sop: 'step 12: the Penyelia picks the analysts',
    entity: 'sample',
    by: { penyelia: ['received'] },
    whose: 'the Penyelia the sample was given to',
  },
  'assignment.validate': {
    sop: 'step 13: the MT validates the assignment',
    entity: 'sample',
    by: { mt: ['assigned'] },
    whose: 'the MT of the sample',
  },
  'assignment.return': {
    sop: 'step 13 says no: back to the Penyelia',
    entity: 'sample',
    by: { mt: ['assigned'] },
    whose: 'the MT of the sample',
  },
  'result.save': {
    sop: 'step 14: the analyst enters a result',
    entity: 'analysis',
    by: { analis: ['pending', 'draft'] },
    whose: 'the analyst given the parameter',
  },
  'result.submit': {
    sop: 'step 14: the analyst hands the result in',
    entity: 'analysis',
    by: { analis: ['draft'] },
    whose: 'the analyst given the parameter',
  },
  'results.verify': {
    sop: 'step 15: the Penyelia verifies the results',
    entity: 'sample',
    by: { penyelia: ['in_testing'] },
    whose: 'the Penyelia the sample was given to',
  },
  'analysis.request_retest': {
    sop: 'step 15 says no: the Penyelia asks the analyst to test again',
    entity: 'analysis',
    by: { penyelia: ['submitted'] },
    whose: 'the Penyelia the sample was given to',
  },
  'results.validate': {
    sop: 'step 16: the MT validates the verified results',
    entity: 'sample',
    by: { mt: ['results_verified'] },
    whose: 'the MT of the sample',
  },
  'results.return': {
    sop: 'step 16 says no: back to the Penyelia',
    entity: 'sample',
    by: { mt: ['results_verified'] },
    whose: 'the MT of the sample',
  },

  'report.number': {
    sop: 'step 17: Ketua Tim generates the LHU number',
    entity: 'sample',
    by: { ketua_tim_pji: ['results_validated'] },
    whose: 'any staff of the role',
  },
  'report.request_signature': {
    sop: 'step 18: CS sends the E-LHU to a Kepala Balai for TTE',
    entity: 'sample',
    by: { cs: ['report_numbered'] },
    whose: 'any staff of the role',
  },
  'report.sign': {
    sop: 'step 19: the Kepala Balai signs',
    entity: 'sample',
    by: { kepala_balai: ['awaiting_signature'] },
    whose: 'the Kepala Balai the report was sent to',
  },
  'report.refuse': {
    sop: 'step 19 says no: back to CS',
    entity: 'sample',
    by: { kepala_balai: ['awaiting_signature'] },
    whose: 'the Kepala Balai the report was sent to',
  },
  'report.release': {
    sop: 'step 20: CS releases the signed E-LHU to the customer',
    entity: 'sample',
    by: { cs: ['signed'] },
    whose: 'any staff of the role',
  },
  'report.amend': {
    sop: 'ISO/IEC 17025 7.8.8: Ketua Tim replaces an issued LHU with a newly numbered one',
    entity: 'sample',
    by: { ketua_tim_pji: ['released'] },
    whose: 'any staff of the role',
  },

  'survey.submit': {
    sop: 'step 21: the customer fills in the survey',
    entity: 'order',
    by: { pelanggan: ['reports_released'] },
    whose: 'the customer who owns it',
  },
  'order.finish': {
    sop: 'step 22: the customer clicks "order finished"',
    entity: 'order',
    by: { pelanggan: ['survey_completed'] },
    whose: 'the customer who owns it',
  },
};

/** In the fixtures: S1 is given to A.penyelia and A.mt, its first parameter to analis1, its LHU sent to A.kepalaBalai. */
function rightPerson(whose: Whose, role: Role): Actor {
  switch (whose) {
    case 'the customer who owns it':
      return A.pelanggan;
    case 'the Penyelia the sample was given to':
      return A.penyelia;
    case 'the MT of the sample':
      return A.mt;
    case 'the analyst given the parameter':
      return A.analis1;
    case 'the Kepala Balai the report was sent to':
      return A.kepalaBalai;
    case 'any staff of the role':
      return ROLE_ACTOR[role];
  }
}
/** Someone of the same role whose work it is not (for unit-wide work: a colleague, who may do it). */
function sameRoleOtherPerson(type: CommandType, whose: Whose, role: Role): Actor {
  switch (whose) {
    case 'the customer who owns it':
      // Creating an order: the only "other" is a customer login that belongs to no customer.
      return type === 'order.submit' ? { ...A.pelangganLain, customerId: null } : A.pelangganLain;
    case 'the Penyelia the sample was given to':
      return A.penyeliaLain;
    case 'the MT of the sample':
      return A.mtLain;
    case 'the analyst given the parameter':
      return A.analis3;
    case 'the Kepala Balai the report was sent to':
      return A.kepalaBalaiLain;
    case 'any staff of the role':
      return { userId: uuid(0x9001), role, labId: null, customerId: null };
  }
}

const cases = (Object.entries(SOP) as [CommandType, Expectation][]).flatMap(([type, e]) =>
  (Object.entries(e.by) as [Role, readonly (string | null)[]][]).map(([role, states]) => ({
    type,
    role,
    states,
    e,
  })),
);

function tryAs(type: CommandType, e: Expectation, status: string | null, actor: Actor) {
  const state = stateWith(e.entity, status, type);
  const { payload, now } = prepare(type, state, undefined, actor.role);
  return attempt(state, actor, type, payload, { now });
}
const show = (s: string | null) => s ?? 'not existing';

describe('SOP expectations, written independently of RULES: who may do what, to whose order, in which state', () => {
  it('covers every command of the domain', () => {
    // A command added without an SOP entry fails here (the table is typed by CommandType too).
    expect(Object.keys(SOP).length).toBe(37);
  });

  describe.each(cases)('$type by $role ($e.sop)', ({ type, role, states, e }) => {
    it.each(states.map((s) => [show(s), s] as const))(`is done by %s: ${e.whose}`, (_label, status) => {
      const d = tryAs(type, e, status, rightPerson(e.whose, role));
      expect(d.ok ? 'accepted' : `${d.code}: ${d.message.en}`).toBe('accepted');
    });

    it(`is refused to the same role acting on work that is not theirs, unless it is unit-wide (${e.whose})`, () => {
      const d = tryAs(type, e, states[0]!, sameRoleOtherPerson(type, e.whose, role));
      if (e.whose === 'any staff of the role') expect(d.ok ? 'accepted' : d.message.en).toBe('accepted');
      else expect(d.ok ? 'accepted' : d.code).toBe('forbidden');
    });

    const others = [null, ...STATUSES[e.entity]].filter((s) => !states.includes(s));
    it(`is refused in every other state (${others.map(show).join(', ')})`, () => {
      const accepted = others.filter((s) => tryAs(type, e, s, rightPerson(e.whose, role)).ok).map(show);
      expect(accepted).toEqual([]);
    });
  });

  describe.each(Object.entries(SOP) as [CommandType, Expectation][])('%s', (type, e) => {
    const roles = ROLES.filter((r) => !(r in e.by));
    it(`is refused to every other role (${roles.join(', ')})`, () => {
      const first = Object.values(e.by)[0]![0]!;
      const accepted = roles.filter((r) => {
        const d = tryAs(type, e, first, ROLE_ACTOR[r]);
        return d.ok || d.code !== 'forbidden';
      });
      expect(accepted).toEqual([]);
    });
  });

  it('the own customer is recognised by the order, not by the login: another customer cannot cancel', () => {
    const d = tryAs('order.cancel', SOP['order.cancel'], 'submitted', A.pelangganLain);
    expect(d.ok ? 'accepted' : d.code).toBe('forbidden');
  });
});
