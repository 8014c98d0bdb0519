/**
 * Why the sample came back (the MT returned an assignment or results): who, when, and the reason,
 * above the panel in amber, so the Penyelia starts from what was asked.
 */
import { Text } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ReturnNote } from '../../../../shared/domain/entities';
import { ROLE_INFO } from '../../../../shared/sop/roles';
import { formatDateTime } from '../../../lib/format';
import { AmberNotice } from './AmberNotice';

export function ReturnNotice({ note, title }: { note: ReturnNote | null; title: string }) {
  const { t, i18n } = useTranslation('results');
  if (!note) return null;
  const role = i18n.language === 'en' ? ROLE_INFO[note.role].labelEn : ROLE_INFO[note.role].label;
  return (
    <AmberNotice icon={IconArrowBackUp} title={title}>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {note.reason}
      </Text>
      <Text size="xs" c="gray.7" mt={4}>
        {t('returnedBy', { role, time: formatDateTime(note.at, i18n.language) })}
      </Text>
    </AmberNotice>
  );
}
