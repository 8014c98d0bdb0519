/** Where an order is in the SOP: its step chip, who holds it, and that step's standard time. */
import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ROLE_INFO, type Role } from '../../../shared/sop/roles';
import { stepByNumber } from '../../../shared/sop/steps';
import { formatDuration } from '../../lib/format';
import { StepChip } from '../../components/StepChip';

export function standardText(
  step: number,
  lang: string,
  t: (k: string, o?: Record<string, unknown>) => string,
): string {
  const s = stepByNumber(step).standard;
  if (s.unit === 'none') return t('standardNone');
  const time =
    s.unit === 'working_days'
      ? lang === 'en'
        ? `${s.value} working days`
        : `${s.value} hari kerja`
      : formatDuration(s.value * 60_000, lang);
  return t('standard', { time });
}

export function roleName(role: Role | string, lang: string): string {
  const info = ROLE_INFO[role as Role];
  if (!info) return role;
  return lang === 'en' ? info.labelEn : info.label;
}

export function WhereNow({
  step,
  holder,
  compact = false,
}: {
  step: number;
  holder: Role;
  compact?: boolean;
}) {
  const { t, i18n } = useTranslation('portal');
  return (
    <Group gap={6} wrap="wrap">
      <StepChip step={step} size={compact ? 'sm' : 'md'} />
      <Text size="sm" c="dark.6">
        {holder === 'pelanggan'
          ? t('order.actionTitle')
          : t('holder', { role: roleName(holder, i18n.language) })}
      </Text>
      {!compact && (
        <Text size="xs" c="dark.4" w="100%">
          {standardText(step, i18n.language, t)}
        </Text>
      )}
    </Group>
  );
}
