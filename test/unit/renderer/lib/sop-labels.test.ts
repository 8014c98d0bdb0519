import { describe, expect, it } from 'vitest';
import { roleLabel, statusLabel } from '../../../../renderer/lib/sop-labels';

describe('SOP labels: roles and states as the screens name them', () => {
  it('names a role in the interface language, Bahasa Indonesia unless English is chosen', () => {
    expect(roleLabel('kepala_balai', 'id')).toBe('Kepala Balai');
    expect(roleLabel('admin_satker', 'en')).toBe('Unit administrator');
    expect(roleLabel('cs', 'id')).toBe('CS (Customer Service)');
    expect(roleLabel('cs', 'en')).toBe('Customer service');
  });

  it('names a state in the interface language', () => {
    expect(statusLabel('awaiting_signature', 'id')).toBe('Menunggu TTE');
    expect(statusLabel('awaiting_signature', 'en')).toBe('Awaiting signature');
    expect(statusLabel('pending_activation', 'id')).toBe('Menunggu aktivasi');
  });

  it('shows a code this build does not know as the server wrote it, also a name of Object.prototype', () => {
    expect(roleLabel('auditor_mutu', 'id')).toBe('auditor_mutu');
    expect(roleLabel('constructor', 'en')).toBe('constructor');
    expect(roleLabel('__proto__', 'id')).toBe('__proto__');
    expect(statusLabel('on_hold', 'en')).toBe('on_hold');
    expect(statusLabel('toString', 'id')).toBe('toString');
  });
});
