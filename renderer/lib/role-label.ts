/**
 * A role's name in the interface's language, from the SOP's one list of roles (shared/sop/roles.ts).
 * A role this build does not know (a newer server's) shows as the server wrote it.
 */
import { ROLE_INFO, type Role } from '../../shared/sop/roles';

export function roleLabel(role: string, lang: string): string {
  const info = Object.hasOwn(ROLE_INFO, role) ? ROLE_INFO[role as Role] : undefined;
  if (!info) return role;
  return lang === 'en' ? info.labelEn : info.label;
}
