/** CS's "Pekerjaan saya": orders to validate (5), samples to register (11), E-LHU to send for TTE (18) and to release (20). */
import { useTranslation } from 'react-i18next';
import { WORK_STATUSES } from '../online/work-items';
import { WorkScreen } from '../online/WorkScreen';
import { RegisterPanel } from './RegisterPanel';
import { ReleasePanel } from './ReleasePanel';
import { SignatureRequestPanel } from './SignatureRequestPanel';
import { ValidatePanel } from './ValidatePanel';

export function CsWorkScreen() {
  const { t } = useTranslation('cs');
  return (
    <WorkScreen
      role="cs"
      title={t('work.title')}
      statuses={WORK_STATUSES.cs!}
      emptyHint={t('work.empty')}
      panel={(item, done) => {
        switch (item.action) {
          case 'validate':
            return <ValidatePanel item={item} onDone={done} />;
          case 'register':
            return <RegisterPanel item={item} onDone={done} />;
          case 'requestSignature':
            return <SignatureRequestPanel item={item} onDone={done} />;
          case 'release':
            return <ReleasePanel item={item} onDone={done} />;
          default:
            return null;
        }
      }}
    />
  );
}
