/**
 * The desktop's screens by address (hash routes, so deep links work in Electron's app:// and in the
 * browser host alike) and the left navigation per role (UI.md, "Desktop frame").
 */
import { recordsFor } from '../../shared/domain/record-permissions';
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
  // Online staff screens (screens/online/online-routes.tsx)
  csWork: '/cs',
  ketuaWork: '/ketua',
  ketuaReports: '/ketua/lhu',
  bendaharaWork: '/bendahara',
  bendaharaPayments: '/bendahara/pembayaran',
  adminCustomers: '/admin/pelanggan',
  adminStaff: '/admin/staf',
  adminCatalog: '/admin/katalog',
  adminHolidays: '/admin/libur',
  adminCertificates: '/admin/sertifikat',
  adminAudit: '/admin/audit',
  /** Records and reports, for the roles record-permissions.ts allows. */
  records: '/rekaman',
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

const ROLE_NAV: Partial<Record<Role, NavItem[]>> = {
  penyelia: LAB,
  mt: LAB,
  analis: LAB,
  kepala_balai: [
    { path: ROUTES.signing, label: 'signing' },
    { path: ROUTES.samples, label: 'samples' },
  ],
  // The front office works with the server (labels in their own namespaces).
  cs: [{ path: ROUTES.csWork, label: 'cs:nav.work', online: true }],
  ketua_tim_pji: [
    { path: ROUTES.ketuaWork, label: 'ketua:nav.work', online: true },
    { path: ROUTES.ketuaReports, label: 'ketua:nav.reports', online: true },
  ],
  bendahara: [
    { path: ROUTES.bendaharaWork, label: 'bendahara:nav.work', online: true },
    { path: ROUTES.bendaharaPayments, label: 'bendahara:nav.payments', online: true },
  ],
  admin_satker: [
    { path: ROUTES.adminCustomers, label: 'admin:nav.work', online: true },
    { path: ROUTES.adminStaff, label: 'admin:nav.staff', online: true },
    { path: ROUTES.adminCatalog, label: 'admin:nav.catalog', online: true },
    { path: ROUTES.adminHolidays, label: 'admin:nav.holidays', online: true },
    { path: ROUTES.adminCertificates, label: 'admin:nav.certificates', online: true },
    { path: ROUTES.adminAudit, label: 'admin:nav.audit', online: true },
  ],
};

const RECORDS_ITEM: NavItem = { path: ROUTES.records, label: 'records:nav.title', online: true };

/** Each role's screens, then "Rekaman & Laporan" for the roles that may read a record. */
export const NAV_BY_ROLE: Partial<Record<Role, NavItem[]>> = Object.fromEntries(
  (Object.entries(ROLE_NAV) as [Role, NavItem[]][]).map(([role, items]) => [
    role,
    recordsFor(role).length > 0 ? [...items, RECORDS_ITEM] : items,
  ]),
);

/** Where a role lands after login. */
export function homeOf(role: Role): string {
  return NAV_BY_ROLE[role]?.[0]?.path ?? ROUTES.samples;
}
