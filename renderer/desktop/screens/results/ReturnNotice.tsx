/**
 * Why the sample came back (the MT returned an assignment or results): who, when, and the reason,
 * above the panel in amber, so the Penyelia starts from what was asked.
 */
import { Alert, Text } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ReturnNote } from '../../../../shared/domain/entities';
import { ROLE_INFO } from '../../../../shared/sop/roles';
import { formatDateTime } from '../../../lib/format';

export function ReturnNotice({ note, title }: { note: ReturnNote | null; title: string }) {
  const { t, i18n } = useTranslation('results');
  if (!note) return null;
  const role = i18n.language === 'en' ? ROLE_INFO[note.role].labelEn : ROLE_INFO[note.role].label;
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconArrowBackUp size={18} />}
      title={
        <Text span fw={600} size="sm" c="dark.8">
          {title}
        </Text>
      }
      p="sm"
    >
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {note.reason}
      </Text>
      <Text size="xs" c="gray.7" mt={4}>
        {t('returnedBy', { role, time: formatDateTime(note.at, i18n.language) })}
      </Text>
    </Alert>
  );
}
