/**
 * CS's order review answers (step 5) in the history: each question with Bisa / Tidak bisa, the
 * answer in words with an icon beside its colour (UI.md, visual language).
 */
import { Group, Text } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { REVIEW_ITEMS, REVIEW_LABELS, type OrderReviewAnswers } from '../../../../shared/domain/order-review';
import { msg } from '../../../lib/message';

export function ReviewLine({ answers }: { answers: OrderReviewAnswers }) {
  const { t, i18n } = useTranslation('history');
  return (
    <Group gap={10} wrap="wrap" aria-label={t('review')}>
      <Text size="xs" fw={600}>
        {t('review')}:
      </Text>
      {REVIEW_ITEMS.map((k) => {
        const ok = answers[k] === 'bisa';
        return (
          <Group key={k} gap={3} wrap="nowrap">
            {ok ? (
              <IconCheck size={13} color="var(--mantine-color-teal-8)" aria-hidden />
            ) : (
              <IconX size={13} color="var(--mantine-color-red-8)" aria-hidden />
            )}
            <Text size="xs" c={ok ? undefined : 'red.8'}>
              {msg(REVIEW_LABELS[k], i18n.language)} {t(`reviewAnswer.${answers[k]}`)}
            </Text>
          </Group>
        );
      })}
    </Group>
  );
}
