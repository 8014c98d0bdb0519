import { describe, expect, it } from 'vitest';
import type { QueuedCommandView } from '../../../../shared/bridge';
import { loginErrorView, serverUrlProblem } from '../../../../renderer/desktop/screens/login/login-errors';
import { blockedBehind, openRejections, rejectionText } from '../../../../renderer/desktop/frame/change-text';
import { queuedCommand } from '../queued-command';

const m = (id: string, en = id) => ({ id, en });

describe('login errors', () => {
  it('a wrong password puts the cursor back in the password', () => {
    const v = loginErrorView(
      {
        code: 'login_failed',
        message: m('Nama pengguna atau kata sandi salah.'),
        details: { reason: 'invalid_credentials' },
      },
      'auto',
    );
    expect(v).toMatchObject({ problem: 'wrong', focus: 'password', suggestOffline: false });
  });
  it('an unreachable server suggests signing in offline (unless already offline)', () => {
    const d = {
      code: 'login_failed' as const,
      message: m('Server tidak dapat dihubungi.', 'The server cannot be reached.'),
      details: { reason: 'unreachable' },
    };
    expect(loginErrorView(d, 'auto').suggestOffline).toBe(true);
    expect(loginErrorView(d, 'offline').suggestOffline).toBe(false);
    // Without details, the words still tell.
    expect(loginErrorView({ ...d, details: undefined }, 'online').problem).toBe('unreachable');
  });
  it('a lock says until when, and an unknown offline user is told to sign in online', () => {
    const locked = loginErrorView(
      {
        code: 'login_failed',
        message: m('Terkunci'),
        details: { reason: 'offline_locked', lockedUntil: '2026-03-14T03:42:00Z' },
      },
      'offline',
    );
    expect(locked).toMatchObject({
      problem: 'locked',
      lockedUntil: '2026-03-14T03:42:00Z',
      hintKey: 'errors.lockedHint',
    });
    expect(
      loginErrorView(
        { code: 'login_failed', message: m('x'), details: { reason: 'offline_unknown_user' } },
        'offline',
      ).focus,
    ).toBe('username');
  });
  it('checks the server address', () => {
    expect(serverUrlProblem('')).toBe('serverRequired');
    expect(serverUrlProblem('sippt.local')).toBe('serverInvalid');
    expect(serverUrlProblem('ftp://x')).toBe('serverInvalid');
    expect(serverUrlProblem('http://127.0.0.1:8080')).toBeNull();
  });
});

/** A change the server rejected as stale. */
const cmd = (over: Partial<QueuedCommandView>) =>
  queuedCommand({
    type: 'sample.assign_analysts',
    status: 'rejected',
    summary: 'Penugasan KR-0012',
    attempts: 1,
    rejection: { code: 'stale_version', message: m('Sampel sudah berubah', 'The sample changed') },
    ...over,
  });

describe('rejected changes in words', () => {
  it("says the server's reason in the user's language", () => {
    expect(rejectionText(cmd({}), 'en')).toMatchObject({
      what: 'Penugasan KR-0012',
      reason: 'The sample changed',
      conflict: null,
      redoPossible: null,
    });
  });
  it('a conflict says who changed it first and whether redo helps', () => {
    const c = cmd({
      rejectionKind: 'conflict',
      conflict: {
        byUserId: 'u',
        byName: 'Budi',
        byRole: 'mt',
        at: '2026-03-14T03:10:00Z',
        what: m('Penugasan dikembalikan oleh MT'),
        redoPossible: false,
      },
    });
    const r = rejectionText(c, 'id');
    expect(r.conflict).toMatchObject({
      who: 'Budi',
      role: 'Manajer Teknis (MT)',
      now: 'Penugasan dikembalikan oleh MT',
    });
    expect(r.redoPossible).toBe(false);
  });
  it('only unresolved rejections count, and later changes on the order are counted as held back', () => {
    const list = [cmd({}), cmd({ id: 'c2', resolution: 'dismissed' }), cmd({ id: 'c3', status: 'applied' })];
    expect(openRejections(list).map((c) => c.id)).toEqual(['c1']);
    expect(
      blockedBehind(cmd({}), [
        cmd({ id: 'b1', status: 'blocked', blockedBy: 'c1' }),
        cmd({ id: 'b2', status: 'blocked', aggregateId: 'o2' }),
      ]),
    ).toBe(1);
  });
});
