/**
 * Step 5 (CS): the order review (kaji ulang permintaan) and then validate, which numbers the order
 * and forwards it to the Ketua Tim; or send it back to the customer with a reason. A "Tidak bisa"
 * fills the reason with that answer, for CS to complete.
 */
import { useState } from 'react';
import { Button, Group, Radio, Stack, Text } from '@mantine/core';
import { IconArrowBackUp, IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { msg } from '../../../lib/message';
import { OrderHeader, OrderSamples } from '../online/OrderFacts';
import { useOnlineAction } from '../online/useOnlineAction';
import { ActionFrame } from '../parts/ActionPanel';
import { useStepAction } from '../parts/panel-action';
import { PanelReasonDialog } from '../parts/ReasonAction';
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
  const back = useOnlineAction('online.order.return');
  const [review, setReview] = useState<Review>({});
  const [returning, setReturning] = useState(false);
  const outcome = reviewOutcome(review);
  const returnAnswered = outcome.kind === 'return';
  const orderId = item.order.id;
  // Sent only once every answer is "bisa"; a "tidak bisa" turns Ctrl+Enter into the return.
  const validate = useStepAction('online.order.validate', onDone, () =>
    outcome.kind === 'validate'
      ? { input: { orderId, review: reviewAnswers(review) }, success: t('validate.done') }
      : null,
  );

  return (
    <ActionFrame
      title={t('validate.title')}
      {...validate}
      submit={() => (returnAnswered ? setReturning(true) : void validate.submit())}
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
            {!returnAnswered && (
              <Button
                leftSection={<IconCheck size={16} />}
                disabled={outcome.kind !== 'validate'}
                loading={validate.action.busy}
                onClick={() => void validate.submit()}
              >
                {t('validate.submit')} (Ctrl+Enter)
              </Button>
            )}
            {/* Once the review says "tidak bisa", the return is the step's answer: orange, Ctrl+Enter. */}
            <Button
              variant="default"
              leftSection={
                <IconArrowBackUp
                  size={16}
                  color={returnAnswered ? 'var(--mantine-color-orange-8)' : undefined}
                />
              }
              onClick={() => setReturning(true)}
            >
              {returnAnswered ? `${t('validate.returnReview')} (Ctrl+Enter)` : t('validate.return')}
            </Button>
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
      <PanelReasonDialog
        opened={returning}
        onClose={() => setReturning(false)}
        title={t('return.title')}
        confirmLabel={t('return.confirm')}
        initialReason={outcome.kind === 'return' ? reviewReason(outcome.failed) : ''}
        consequence={t('return.consequence')}
        send={(reason) => {
          // The answers go with the return when all three are given (kept on the order).
          const answers = reviewAnswers(review);
          return back.runOrThrow(
            { orderId, reason, ...(answers ? { review: answers } : {}) },
            t('return.done'),
          );
        }}
        onDone={onDone}
      />
    </ActionFrame>
  );
}
