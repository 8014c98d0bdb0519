import { describe, expect, it } from 'vitest';
import {
  draftRejectReason,
  receiptConcerns,
} from '../../../../renderer/desktop/screens/penyelia/receipt-check';
import {
  analystOptions,
  assignmentPayload,
  commonAnalyst,
  initialPicks,
  missingPicks,
  pickAll,
} from '../../../../renderer/desktop/screens/penyelia/assignment';
import {
  enteredBy,
  isRetestable,
  pruneSelection,
  verifyState,
} from '../../../../renderer/desktop/screens/penyelia/verification';
import { analysis, sample } from '../results/fixtures';

const labels = {
  quantity: 'jumlah tidak cukup',
  condition: 'kondisi tidak baik',
  container: 'wadah tidak baik',
  seal: 'segel tidak utuh',
};

describe('receipt check', () => {
  it('lists the answers that speak against accepting', () => {
    expect(receiptConcerns({})).toEqual([]);
    expect(
      receiptConcerns({ quantity: 'cukup', condition: 'baik', container: 'baik', sealIntact: true }),
    ).toEqual([]);
    expect(receiptConcerns({ quantity: 'tidak_cukup', container: 'tidak_baik', sealIntact: false })).toEqual([
      'quantity',
      'container',
      'seal',
    ]);
  });
  it('drafts a rejection reason from the concerns and the note', () => {
    expect(
      draftRejectReason({ quantity: 'tidak_cukup', sealIntact: false, note: 'botol bocor' }, labels),
    ).toBe('Jumlah tidak cukup; segel tidak utuh; botol bocor.');
    expect(draftRejectReason({ quantity: 'cukup' }, labels)).toBe('');
  });
});

describe('assignment', () => {
  const a1 = analysis({ status: 'pending', analystId: null, result: null });
  const a2 = analysis({ status: 'pending', analystId: 'u2', result: null });
  const old = analysis({ status: 'retest', analystId: 'u1' });
  const s = sample([a1, a2, old], { status: 'received' });

  it('starts from the analysts already on the current analyses', () => {
    expect(initialPicks(s)).toEqual({ [a1.id]: null, [a2.id]: 'u2' });
  });
  it('assigns one analyst to all, says what is missing, and builds the payload', () => {
    const picks = initialPicks(s);
    expect(missingPicks(picks)).toEqual([a1.id]);
    expect(commonAnalyst(picks)).toBeNull();
    const all = pickAll(picks, 'u3');
    expect(commonAnalyst(all)).toBe('u3');
    expect(missingPicks(all)).toEqual([]);
    expect(assignmentPayload(all)).toEqual([
      { analysisId: a1.id, analystId: 'u3' },
      { analysisId: a2.id, analystId: 'u3' },
    ]);
  });
  it('lists active analysts least busy first, keeping an inactive one already picked', () => {
    const opts = analystOptions(
      [
        { id: 'u1', name: 'Budi', active: true, openWork: 5 },
        { id: 'u2', name: 'Sari', active: true, openWork: 1 },
        { id: 'u3', name: 'Tono', active: false, openWork: 0 },
        { id: 'u4', name: 'Wati', active: false },
      ],
      ['u3'],
    );
    expect(opts.map((o) => o.value)).toEqual(['u2', 'u1', 'u3']);
    expect(opts[2]!.inactive).toBe(true);
  });
});

describe('verification', () => {
  const me = 'penyelia-1';
  it('allows retest of submitted analyses only (the permission table)', () => {
    expect(isRetestable({ status: 'submitted' })).toBe(true);
    expect(isRetestable({ status: 'draft' })).toBe(false);
    expect(isRetestable({ status: 'retest' })).toBe(false);
  });
  it('can verify when every current analysis is submitted and nothing is selected', () => {
    const s = sample([analysis(), analysis(), analysis({ status: 'retest' })]);
    expect(verifyState(s, me, new Set()).canVerify).toBe(true);
    expect(verifyState(s, me, new Set(['x'])).blocker).toBe('selection');
  });
  it('says what holds verification back', () => {
    const waiting = sample([analysis(), analysis({ status: 'draft' })]);
    const st = verifyState(waiting, me, new Set());
    expect(st.canVerify).toBe(false);
    expect(st.blocker).toBe('waiting');
    expect(st.waiting).toHaveLength(1);
    const own = sample([analysis(), analysis({ enteredBy: me })]);
    expect(verifyState(own, me, new Set()).blocker).toBe('own');
    expect(verifyState(sample([analysis()], { status: 'results_verified' }), me, new Set()).blocker).toBe(
      'status',
    );
    expect(verifyState(sample([]), me, new Set()).canVerify).toBe(false);
  });
  it('knows a row the user entered or was assigned', () => {
    expect(enteredBy({ enteredBy: me, analystId: 'x' }, me)).toBe(true);
    expect(enteredBy({ enteredBy: 'x', analystId: me }, me)).toBe(true);
    expect(enteredBy({ enteredBy: 'x', analystId: 'y' }, me)).toBe(false);
  });
  it('drops selections that can no longer be retested', () => {
    const a = analysis();
    const b = analysis({ status: 'retest' });
    expect([...pruneSelection(new Set([a.id, b.id, 'gone']), [a, b])]).toEqual([a.id]);
  });
});
