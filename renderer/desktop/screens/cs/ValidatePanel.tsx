/**
 * Step 5 (CS): the order review (kaji ulang permintaan) and then validate, which numbers the order
 * and forwards it to the Ketua Tim; or send it back to the customer with a reason. A "Tidak bisa"
 * fills the reason with that answer, for CS to complete.
 */
import { useState } from 'react';
import { Button, Group, Radio, Stack, Text } from '@mantine/core';
import { IconArrowBackUp, IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ReasonDialog } from '../../../components/ReasonDialog';
import { msg } from '../../../lib/message';
import { OrderHeader, OrderSamples } from '../online/OrderFacts';
import { useOnlineAction } from '../online/useOnlineAction';
import { ActionFrame } from '../parts/ActionPanel';
import type { StepPanelProps } from '../parts/RoleWorkScreen';
import {
  REVIEW_ITEMS,
  REVIEW_LABELS,
  reviewAnswers,
  reviewOutcome,
  reviewReason,
  type Review,
  type ReviewAnswer,
} from './order-review';

export function ValidatePanel({ item, onDone }: StepPanelProps) {
  const { t, i18n } = useTranslation('cs');
  const validate = useOnlineAction('online.order.validate');
  const back = useOnlineAction('online.order.return');
  const [review, setReview] = useState<Review>({});
  const [returning, setReturning] = useState(false);
  const outcome = reviewOutcome(review);
  const orderId = item.order.id;

  const onValidate = async () => {
    if (outcome.kind !== 'validate') return;
    const r = await validate.run({ orderId, review: reviewAnswers(review) }, t('validate.done'));
    if (r) onDone();
  };

  return (
    <ActionFrame
      title={t('validate.title')}
      onDone={onDone}
      action={validate}
      submit={() =>
        outcome.kind === 'validate'
          ? void onValidate()
          : outcome.kind === 'return'
            ? setReturning(true)
            : undefined
      }
      actions={
        <>
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('review.title')}
            </Text>
            <Text size="xs" c="dark.4">
              {t('review.hint')}
            </Text>
            {REVIEW_ITEMS.map((k) => (
              <Radio.Group
                key={k}
                value={review[k] ?? null}
                onChange={(v) => setReview((r) => ({ ...r, [k]: v as ReviewAnswer }))}
                label={msg(REVIEW_LABELS[k], i18n.language)}
                size="sm"
              >
                <Group gap="lg" mt={2}>
                  <Radio value="bisa" label={t('review.bisa')} />
                  <Radio value="tidak_bisa" label={t('review.tidakBisa')} color="red" />
                </Group>
              </Radio.Group>
            ))}
          </Stack>
          <Group gap="xs">
            {outcome.kind === 'return' ? (
              <Button
                variant="default"
                leftSection={<IconArrowBackUp size={16} color="var(--mantine-color-orange-8)" />}
                onClick={() => setReturning(true)}
              >
                {t('validate.returnReview')} (Ctrl+Enter)
              </Button>
            ) : (
              <Button
                leftSection={<IconCheck size={16} />}
                disabled={outcome.kind !== 'validate'}
                loading={validate.busy}
                onClick={() => void onValidate()}
              >
                {t('validate.submit')} (Ctrl+Enter)
              </Button>
            )}
            {outcome.kind !== 'return' && (
              <Button
                variant="default"
                leftSection={<IconArrowBackUp size={16} />}
                onClick={() => setReturning(true)}
              >
                {t('validate.return')}
              </Button>
            )}
          </Group>
          {outcome.kind === 'incomplete' && (
            <Text size="xs" c="dark.4">
              {t('review.incomplete')}
            </Text>
          )}
        </>
      }
    >
      <OrderHeader order={item.order} companyName={item.companyName} />
      <OrderSamples order={item.order} total={item.total} />
      <ReasonDialog
        danger={false}
        opened={returning}
        title={t('return.title')}
        consequence={t('return.consequence')}
        confirmLabel={t('return.confirm')}
        initialReason={outcome.kind === 'return' ? reviewReason(outcome.failed) : ''}
        onClose={() => setReturning(false)}
        onConfirm={async (reason) => {
          // The answers go with the return when all three are given (kept on the order).
          const answers = reviewAnswers(review);
          await back.runOrThrow(
            { orderId, reason, ...(answers ? { review: answers } : {}) },
            t('return.done'),
          );
          setReturning(false);
          onDone();
        }}
      />
    </ActionFrame>
  );
}
