/**
 * The state machines' states as the SOP names them (SOP.md, steps 2-22 and "Interpretation"), and
 * the label a person reads for each: written here by hand, not read back from states.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_STATUSES,
  ANALYSIS_STATUSES,
  AccountStatusSchema,
  AnalysisStatusSchema,
  BILLING_STATUSES,
  BillingStatusSchema,
  ORDER_STATUSES,
  OrderStatusSchema,
  PROOF_STATUSES,
  ProofStatusSchema,
  REPORT_STATUSES,
  ReportStatusSchema,
  SAMPLE_STATUSES,
  STATUS_LABELS,
  SampleStatusSchema,
} from '../../../shared/domain/states';
import { ORDER_STATES_IN_SOP_ORDER } from './sop-order';

/** Each machine: its states in the order the SOP passes through them, then the side exits. */
const SOP_STATES = {
  // Steps 4-10, then the lab (11-20), the survey (21) and the close (22); CS or Ketua Tim may send
  // it back to the customer, and the customer may withdraw before paying.
  order: {
    list: ORDER_STATUSES,
    schema: OrderStatusSchema,
    states: ORDER_STATES_IN_SOP_ORDER,
  },
  // Steps 11-20, one E-LHU per sample; the Penyelia may refuse the sample.
  sample: {
    list: SAMPLE_STATUSES,
    schema: SampleStatusSchema,
    states: [
      'awaiting_registration',
      'registered',
      'rejected',
      'received',
      'assigned',
      'in_testing',
      'results_verified',
      'results_validated',
      'report_numbered',
      'awaiting_signature',
      'signed',
      'released',
    ],
  },
  // One parameter: entered (14), verified (15), validated (16), or sent back for a retest.
  analysis: {
    list: ANALYSIS_STATUSES,
    schema: AnalysisStatusSchema,
    states: ['pending', 'draft', 'submitted', 'verified', 'validated', 'retest'],
  },
  // The E-LHU: numbered (17), sent for TTE (18), signed or refused (19), released (20), amended.
  report: {
    list: REPORT_STATUSES,
    schema: ReportStatusSchema,
    states: ['numbered', 'awaiting_signature', 'refused', 'signed', 'released', 'superseded'],
  },
  // An e-billing is paid, or replaced once it expired.
  billing: { list: BILLING_STATUSES, schema: BillingStatusSchema, states: ['issued', 'paid', 'replaced'] },
  proof: { list: PROOF_STATUSES, schema: ProofStatusSchema, states: ['submitted', 'approved', 'rejected'] },
  // Step 2 registers, step 3 activates; Admin Satker may deactivate.
  account: {
    list: ACCOUNT_STATUSES,
    schema: AccountStatusSchema,
    states: ['pending_activation', 'active', 'deactivated'],
  },
} as const;

describe('state machines: the states the SOP names, and nothing else', () => {
  it.each(Object.entries(SOP_STATES))('%s', (_machine, m) => {
    expect([...m.list]).toEqual([...m.states]);
    for (const s of m.states) expect(m.schema.parse(s)).toBe(s);
    for (const wrong of ['', 'unknown', m.states[0].toUpperCase()])
      expect(m.schema.safeParse(wrong).success, wrong).toBe(false);
  });

  it.each(Object.entries(SOP_STATES))(
    '%s: every state has its own Indonesian and English label',
    (_machine, m) => {
      const labels = m.states.map((s) => STATUS_LABELS[s]);
      for (const [i, l] of labels.entries()) {
        expect(l.id.trim(), m.states[i]).not.toBe('');
        expect(l.en.trim(), m.states[i]).not.toBe('');
        expect(l.id, m.states[i]).not.toBe(m.states[i]);
      }
      expect(new Set(labels.map((l) => l.id)).size).toBe(labels.length);
      expect(new Set(labels.map((l) => l.en)).size).toBe(labels.length);
    },
  );
});
