/**
 * The desktop's screens by address (hash routes, so deep links work in Electron's app:// and in the
 * browser host alike) and the left navigation per role (UI.md, "Desktop frame").
 */
import type { Role } from '../../shared/sop/roles';

export const ROUTES = {
  /** "Pekerjaan saya": the work waiting for this user. */
  work: '/kerja',
  /** Every sample in this user's working copy. */
  samples: '/sampel',
  sample: (orderId: string, sampleId: string) => `/sampel/${orderId}/${sampleId}`,
  samplePattern: '/sampel/:orderId/:sampleId',
  /** The Kepala Balai's signing queue. */
  signing: '/tte',
} as const;

export interface NavItem {
  path: string;
  /** i18n key in the `nav` namespace. */
  label: string;
  /** Needs the server (shown marked, opens with a "perlu koneksi" state offline). */
  online?: boolean;
}

const LAB: NavItem[] = [
  { path: ROUTES.work, label: 'myWork' },
  { path: ROUTES.samples, label: 'samples' },
];

export const NAV_BY_ROLE: Partial<Record<Role, NavItem[]>> = {
  penyelia: LAB,
  mt: LAB,
  analis: LAB,
  kepala_balai: [{ path: ROUTES.signing, label: 'signing' }, { path: ROUTES.samples, label: 'samples' }],
};

/** Where a role lands after login. */
export function homeOf(role: Role): string {
  return NAV_BY_ROLE[role]?.[0]?.path ?? ROUTES.samples;
}
