import { describe, expect, it } from 'vitest';
import { roleLabel } from '../../../../renderer/lib/role-label';

describe('roleLabel: a role as the staff screens, the audit trail and the user menu name it', () => {
  it('names the role in the interface language, Bahasa Indonesia unless English is chosen', () => {
    expect(roleLabel('kepala_balai', 'id')).toBe('Kepala Balai');
    expect(roleLabel('admin_satker', 'en')).toBe('Unit administrator');
    expect(roleLabel('cs', 'id')).toBe('CS (Customer Service)');
    expect(roleLabel('cs', 'en')).toBe('Customer service');
  });

  it('shows a role this build does not know as the server wrote it, also a name of Object.prototype', () => {
    expect(roleLabel('auditor_mutu', 'id')).toBe('auditor_mutu');
    expect(roleLabel('constructor', 'en')).toBe('constructor');
    expect(roleLabel('__proto__', 'id')).toBe('__proto__');
  });
});
