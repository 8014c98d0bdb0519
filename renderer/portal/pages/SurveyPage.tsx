/**
 * The satisfaction survey (SOP step 21, IKM of PermenPANRB 14/2017): the nine elements by name, each
 * on a four-point scale in words (Tidak baik … Sangat baik) as radio buttons, one group per element
 * for keyboards and screen readers. The E-LHU download opens once it is sent.
 */
import { useState } from 'react';
import { Alert, Anchor, Button, Card, Radio, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { IKM_ELEMENTS } from '../../../shared/domain/entities';
import { formatDateTime } from '../../lib/format';
import { useSend } from '../../components/use-send';
import { errorMessage } from '../api/client';
import { order as fetchOrder, submitSurvey } from '../api/endpoints';
import { PageTitle } from '../components/headings';
import { ErrorLine, LoadError, PageSkeleton } from '../components/states';
import { PATHS } from '../lib/paths';

export function SurveyPage({ orderId }: { orderId: string }) {
  const { t, i18n } = useTranslation('portal');
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const q = useQuery({ queryKey: ['order', orderId], queryFn: () => fetchOrder(orderId) });
  const [scores, setScores] = useState<(number | null)[]>(() => IKM_ELEMENTS.map(() => null));
  const [comment, setComment] = useState('');
  const [showMissing, setShowMissing] = useState(false);
  const { busy, failure, send: sendForm } = useSend(errorMessage);
  if (q.isPending) return <PageSkeleton rows={5} />;
  if (q.isError)
    return <LoadError error={q.error} onRetry={() => void q.refetch()} retrying={q.isFetching} />;
  const order = q.data.order;
  const scale = t('surveyPage.scale', { returnObjects: true }) as string[];
  const name = (e: (typeof IKM_ELEMENTS)[number]) => (i18n.language === 'en' ? e.en : e.id);
  const back = (
    <Anchor component={Link} href={PATHS.order(order.id)} size="sm">
      ← {order.number ?? t('order.unnumbered')}
    </Anchor>
  );
  if (order.survey) {
    return (
      <Stack gap="md">
        {back}
        <Alert color="teal" icon={<IconCircleCheck size={18} aria-hidden />}>
          {t('surveyPage.done', { time: formatDateTime(order.survey.submittedAt, i18n.language) })}
        </Alert>
      </Stack>
    );
  }
  if (order.status !== 'reports_released') {
    return (
      <Stack gap="md">
        {back}
        <Alert color="blue">{t('surveyPage.notYet')}</Alert>
      </Stack>
    );
  }
  const missing = IKM_ELEMENTS.filter((_, i) => scores[i] === null);
  const send = async () => {
    if (missing.length > 0) {
      setShowMissing(true);
      document
        .getElementById(`ikm-${IKM_ELEMENTS.findIndex((_, i) => scores[i] === null)}`)
        ?.querySelector('input')
        ?.focus();
      return;
    }
    await sendForm(async () => {
      const res = await submitSurvey(order.id, scores as number[], comment.trim());
      queryClient.setQueryData(['order', order.id], { order: res.order, totals: res.totals });
      await queryClient.invalidateQueries({ queryKey: ['orders'] });
      notifications.show({ color: 'teal', message: t('surveyPage.sent') });
      navigate(PATHS.order(order.id));
    });
  };
  return (
    <Stack gap="md">
      {back}
      <PageTitle>{t('surveyPage.title')}</PageTitle>
      <Text size="sm">{t('surveyPage.lead')}</Text>
      {IKM_ELEMENTS.map((e, i) => (
        <Card key={e.key} withBorder radius="md" padding="sm" id={`ikm-${i}`}>
          <Radio.Group
            label={t('surveyPage.element', { n: i + 1, name: name(e) })}
            value={scores[i] === null ? null : String(scores[i])}
            onChange={(v) => setScores((old) => old.map((x, j) => (j === i ? Number(v) : x)))}
            required
            error={showMissing && scores[i] === null ? t('register.required') : undefined}
          >
            <Stack gap={8} mt="xs">
              {scale.map((word, k) => (
                <Radio key={k} value={String(k + 1)} label={`${k + 1} · ${word}`} size="md" />
              ))}
            </Stack>
          </Radio.Group>
        </Card>
      ))}
      <Textarea
        label={t('surveyPage.comment')}
        value={comment}
        onChange={(e) => setComment(e.currentTarget.value)}
        maxLength={2000}
        autosize
        minRows={3}
        size="md"
      />
      <ErrorLine
        error={
          showMissing && missing.length > 0
            ? t('surveyPage.missing', { what: missing.map(name).join(', ') })
            : null
        }
      />
      <ErrorLine error={failure} />
      <Button size="md" onClick={() => void send()} loading={busy}>
        {t('surveyPage.submit')}
      </Button>
    </Stack>
  );
}
