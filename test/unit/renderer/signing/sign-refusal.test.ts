import { describe, expect, it } from 'vitest';
import { BridgeCallError } from '../../../../shared/bridge';
import {
  isLocked,
  progressStates,
  signRefusal,
} from '../../../../renderer/desktop/screens/signing/sign-refusal';

const refused = (details: Record<string, unknown>) =>
  new BridgeCallError({ code: 'signing_refused', message: { id: 'x', en: 'x' }, details });

describe('signing refusals', () => {
  it('a wrong passphrase says the attempts left', () => {
    expect(signRefusal(refused({ reason: 'wrong_passphrase', attemptsLeft: 2 }))).toEqual({
      kind: 'wrong_passphrase',
      attemptsLeft: 2,
    });
  });

  it('the last wrong passphrase, or a lockout, says until when', () => {
    const until = '2026-03-14T04:00:00.000Z';
    expect(signRefusal(refused({ reason: 'wrong_passphrase', attemptsLeft: 0, lockedUntil: until }))).toEqual(
      { kind: 'locked_out', lockedUntil: until },
    );
    expect(signRefusal(refused({ reason: 'locked_out', lockedUntil: until }))).toEqual({
      kind: 'locked_out',
      lockedUntil: until,
    });
    expect(isLocked(until, Date.parse('2026-03-14T03:00:00.000Z'))).toBe(true);
    expect(isLocked(until, Date.parse('2026-03-14T05:00:00.000Z'))).toBe(false);
    expect(isLocked(null, 0)).toBe(false);
  });

  it('other refusals and other errors', () => {
    expect(signRefusal(refused({ reason: 'document_changed' }))).toEqual({
      kind: 'other',
      reason: 'document_changed',
    });
    expect(signRefusal(new BridgeCallError({ code: 'offline', message: { id: 'x', en: 'x' } }))).toBeNull();
    expect(signRefusal(new Error('x'))).toBeNull();
  });
});

describe('signing progress per report', () => {
  it('done reports, the one being signed, and those waiting', () => {
    expect(progressStates(['a', 'b', 'c'], new Set(['a']), true)).toEqual({
      a: 'done',
      b: 'signing',
      c: 'waiting',
    });
    expect(progressStates(['a', 'b'], new Set(['a']), false, new Set(['b']))).toEqual({
      a: 'done',
      b: 'failed',
    });
  });
});
