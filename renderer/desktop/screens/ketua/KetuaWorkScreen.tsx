/** Ketua Tim PJI's "Pekerjaan saya": tariffs to check (6) and validated results to number (17). */
import { RoleWorkScreen, type RoleWork } from '../parts/RoleWorkScreen';
import { NumberPanel } from './NumberPanel';
import { TariffPanel } from './TariffPanel';

const KETUA_WORK: RoleWork = {
  role: 'ketua_tim_pji',
  namespace: 'ketua',
  panels: { approveTariff: TariffPanel, numberReport: NumberPanel },
};

export function KetuaWorkScreen() {
  return <RoleWorkScreen work={KETUA_WORK} />;
}
