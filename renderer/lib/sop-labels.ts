/**
 * The SOP's roles and states by name in the interface's language, from their one list in shared/
 * (shared/sop/roles.ts, shared/domain/states.ts). A code this build does not know (a newer
 * server's) shows as the server wrote it, so nothing is hidden from the reader.
 */
import { STATUS_LABELS } from '../../shared/domain/states';
import { ROLE_INFO } from '../../shared/sop/roles';
import { msg } from './message';

function known<T>(table: Record<string, T>, code: string): T | undefined {
  return Object.hasOwn(table, code) ? table[code] : undefined;
}

export function roleLabel(role: string, lang: string): string {
  const info = known(ROLE_INFO, role);
  if (!info) return role;
  return lang === 'en' ? info.labelEn : info.label;
}

export function statusLabel(status: string, lang: string): string {
  const label = known(STATUS_LABELS, status);
  return label ? msg(label, lang) : status;
}
