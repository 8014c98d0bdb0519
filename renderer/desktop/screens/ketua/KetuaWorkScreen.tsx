/** Ketua Tim PJI's "Pekerjaan saya": tariffs to check (6) and validated results to number (17). */
import { useTranslation } from 'react-i18next';
import { WORK_STATUSES } from '../online/work-items';
import { WorkScreen } from '../online/WorkScreen';
import { NumberPanel } from './NumberPanel';
import { TariffPanel } from './TariffPanel';

export function KetuaWorkScreen() {
  const { t } = useTranslation('ketua');
  return (
    <WorkScreen
      role="ketua_tim_pji"
      title={t('work.title')}
      statuses={WORK_STATUSES.ketua_tim_pji!}
      emptyHint={t('work.empty')}
      panel={(item, done) =>
        item.action === 'approveTariff' ? (
          <TariffPanel item={item} onDone={done} />
        ) : item.action === 'numberReport' ? (
          <NumberPanel item={item} onDone={done} />
        ) : null
      }
    />
  );
}
