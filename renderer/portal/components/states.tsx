/** Honest states of a page: a skeleton while loading, an error with "Coba lagi", a status badge. */
import { Alert, Badge, Group, Skeleton, Stack, Text } from '@mantine/core';
import {
  IconAlertCircle,
  IconCircleCheck,
  IconClock,
  IconCircleX,
  IconInfoCircle,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { STATUS_LABELS, type OrderStatus } from '../../../shared/domain/states';
import { ErrorState } from '../../components/ErrorState';
import { errorMessage } from '../api/client';

export function PageSkeleton({ rows = 4 }: { rows?: number }) {
  const { t } = useTranslation('portal');
  return (
    <Stack gap="sm" aria-busy="true" aria-label={t('loading')}>
      <Skeleton h={28} w="60%" />
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} h={72} radius="md" />
      ))}
    </Stack>
  );
}

/** A page that could not be loaded, in the portal's words; the shared error state, stacked for a phone. */
export function LoadError({
  error,
  onRetry,
  retrying,
}: {
  error: unknown;
  onRetry: () => void;
  retrying?: boolean;
}) {
  const { t, i18n } = useTranslation('portal');
  return (
    <ErrorState
      error={errorMessage(error, i18n.language)}
      title={t('loadError')}
      onRetry={onRetry}
      retrying={retrying}
      stacked
    />
  );
}

/** A refusal or a failed send, said where the form is; nothing while there is none. */
export function ErrorLine({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <Alert color="red" icon={<IconAlertCircle size={18} aria-hidden />} role="alert">
      {error}
    </Alert>
  );
}

type Tone = 'done' | 'action' | 'wait' | 'bad' | 'info';
const TONE: Record<Tone, { color: string; icon: typeof IconClock }> = {
  done: { color: 'teal', icon: IconCircleCheck },
  action: { color: 'orange', icon: IconAlertCircle },
  wait: { color: 'sippt', icon: IconClock },
  bad: { color: 'red', icon: IconCircleX },
  info: { color: 'gray', icon: IconInfoCircle },
};

/**
 * Dark text on the tinted badge: even the darkest orange and teal are below 4.5:1 on their own light
 * tint. The tint and the icon (in the colour's darkest shade) carry the colour; the words the meaning.
 */
function darkText(_color: string): React.CSSProperties {
  return { ['--badge-color' as string]: 'var(--mantine-color-dark-7)' };
}

/** Colour with an icon and words, never colour alone (UI.md, "Visual language"). */
export function toneOfOrder(status: OrderStatus): Tone {
  switch (status) {
    case 'finished':
      return 'done';
    case 'cancelled':
      return 'bad';
    case 'returned_to_customer':
    case 'tariff_approved':
    case 'awaiting_payment':
    case 'reports_released':
    case 'survey_completed':
      return 'action';
    default:
      return 'wait';
  }
}

export function StatusBadge({ status, tone }: { status: OrderStatus; tone?: Tone }) {
  const { i18n } = useTranslation();
  const label = STATUS_LABELS[status];
  return (
    <ToneBadge tone={tone ?? toneOfOrder(status)} wrap>
      {i18n.language === 'en' ? label.en : label.id}
    </ToneBadge>
  );
}

export function ToneBadge({
  tone,
  wrap = false,
  children,
}: {
  tone: Tone;
  /** Long words (a status) may take a second line. */
  wrap?: boolean;
  children: React.ReactNode;
}) {
  const tn = TONE[tone];
  const Icon = tn.icon;
  return (
    <Badge
      color={tn.color}
      variant="light"
      radius="sm"
      tt="none"
      fw={600}
      size="lg"
      leftSection={<Icon size={14} aria-hidden color={`var(--mantine-color-${tn.color}-9)`} />}
      style={
        wrap
          ? { whiteSpace: 'normal', height: 'auto', minHeight: 26, ...darkText(tn.color) }
          : darkText(tn.color)
      }
    >
      {children}
    </Badge>
  );
}

/** A label and its value on one line; a long value (an e-mail, a company's full name) wraps, never pushes the label into a column of single words or runs off the card. */
export function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
      <Text size="sm" c="dark.4" className="portal-row-label">
        {label}
      </Text>
      <Text size="sm" fw={600} ta="right" className="portal-row-value">
        {children}
      </Text>
    </Group>
  );
}
