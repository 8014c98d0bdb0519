import { z } from 'zod';

/** The nine actors of SOP 28/BSPJI-3, plus `sistem` for what happens without a person (the payment gateway). */
export const HUMAN_ROLES = [
  'pelanggan',
  'admin_satker',
  'cs',
  'ketua_tim_pji',
  'bendahara',
  'penyelia',
  'mt',
  'analis',
  'kepala_balai',
] as const;
export const ROLES = [...HUMAN_ROLES, 'sistem'] as const;

export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;
export const HumanRoleSchema = z.enum(HUMAN_ROLES);
export type HumanRole = z.infer<typeof HumanRoleSchema>;

export interface RoleInfo {
  label: string;
  labelEn: string;
  /** Where the SOP says this role works. Offline-capable roles get a local working copy on the desktop. */
  workplace: 'portal' | 'desktop_online' | 'desktop_offline' | 'system';
}

export const ROLE_INFO: Record<Role, RoleInfo> = {
  pelanggan: { label: 'Pelanggan', labelEn: 'Customer', workplace: 'portal' },
  admin_satker: { label: 'Admin Satker', labelEn: 'Unit administrator', workplace: 'desktop_online' },
  cs: { label: 'CS (Customer Service)', labelEn: 'Customer service', workplace: 'desktop_online' },
  ketua_tim_pji: {
    label: 'Ketua Tim PJI',
    labelEn: 'Head of industrial services team',
    workplace: 'desktop_online',
  },
  bendahara: { label: 'Bendahara Penerimaan', labelEn: 'Treasurer', workplace: 'desktop_online' },
  penyelia: { label: 'Penyelia', labelEn: 'Lab supervisor', workplace: 'desktop_offline' },
  mt: { label: 'Manajer Teknis (MT)', labelEn: 'Technical manager', workplace: 'desktop_offline' },
  analis: { label: 'Analis', labelEn: 'Analyst', workplace: 'desktop_offline' },
  kepala_balai: { label: 'Kepala Balai', labelEn: 'Head of office', workplace: 'desktop_offline' },
  sistem: { label: 'Sistem', labelEn: 'System', workplace: 'system' },
};

/** Roles that keep a local working copy of their assigned work (DESIGN.md, sync). */
export const OFFLINE_ROLES: readonly Role[] = ROLES.filter(
  (r) => ROLE_INFO[r].workplace === 'desktop_offline',
);
