/** Bendahara's "Pekerjaan saya": e-billings to issue (8) or re-issue once expired, proofs of payment to check (10). */
import { useTranslation } from 'react-i18next';
import { WORK_STATUSES } from '../online/work-items';
import { WorkScreen } from '../online/WorkScreen';
import { BillingPanel } from './BillingPanel';
import { ProofPanel } from './ProofPanel';

export function BendaharaWorkScreen() {
  const { t } = useTranslation('bendahara');
  return (
    <WorkScreen
      role="bendahara"
      title={t('work.title')}
      statuses={WORK_STATUSES.bendahara!}
      emptyHint={t('work.empty')}
      panel={(item, done) =>
        item.action === 'checkProof' ? (
          <ProofPanel item={item} onDone={done} />
        ) : (
          <BillingPanel item={item} onDone={done} />
        )
      }
    />
  );
}
