/** The online staff screens by address (routes.ts names the addresses; App.tsx mounts these). */
import type { ComponentType } from 'react';
import { ROUTES } from '../../routes';
import { AuditScreen } from '../admin/AuditScreen';
import { CatalogScreen } from '../admin/CatalogScreen';
import { CertificatesScreen } from '../admin/CertificatesScreen';
import { CustomersScreen } from '../admin/CustomersScreen';
import { HolidaysScreen } from '../admin/HolidaysScreen';
import { StaffScreen } from '../admin/StaffScreen';
import { BendaharaWorkScreen } from '../bendahara/BendaharaWorkScreen';
import { PaymentsScreen } from '../bendahara/PaymentsScreen';
import { CsWorkScreen } from '../cs/CsWorkScreen';
import { KetuaWorkScreen } from '../ketua/KetuaWorkScreen';
import { ReleasedReportsScreen } from '../ketua/ReleasedReportsScreen';
import { RecordsScreen } from '../records/RecordsScreen';

export const ONLINE_SCREENS: { path: string; Screen: ComponentType }[] = [
  { path: ROUTES.csWork, Screen: CsWorkScreen },
  { path: ROUTES.ketuaWork, Screen: KetuaWorkScreen },
  { path: ROUTES.ketuaReports, Screen: ReleasedReportsScreen },
  { path: ROUTES.bendaharaWork, Screen: BendaharaWorkScreen },
  { path: ROUTES.bendaharaPayments, Screen: PaymentsScreen },
  { path: ROUTES.adminCustomers, Screen: CustomersScreen },
  { path: ROUTES.adminStaff, Screen: StaffScreen },
  { path: ROUTES.adminCatalog, Screen: CatalogScreen },
  { path: ROUTES.adminHolidays, Screen: HolidaysScreen },
  { path: ROUTES.adminCertificates, Screen: CertificatesScreen },
  { path: ROUTES.adminAudit, Screen: AuditScreen },
  { path: ROUTES.records, Screen: RecordsScreen },
];
