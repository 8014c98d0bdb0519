/** The SOP step as a chip: "14 · Pengujian", with the step's whole activity in the tooltip. */
import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SOP_STEPS } from '../../shared/sop/steps';

export interface StepChipProps {
  step: number | null | undefined;
  size?: 'xs' | 'sm' | 'md';
  /** Greyed (a step ahead, or a finished sample). */
  muted?: boolean;
}

/** "14 · Pengujian" in the given language. */
export function stepLabel(step: number, t: (k: string) => string): string {
  return `${step} · ${t(`components:step.${step}`)}`;
}

export function StepChip({ step, size = 'sm', muted = false }: StepChipProps) {
  const { t, i18n } = useTranslation('components');
  if (step === null || step === undefined) {
    return (
      <Badge size={size} variant="outline" color="gray" radius="sm">
        —
      </Badge>
    );
  }
  const info = SOP_STEPS[step - 1];
  const activity = info ? (i18n.language === 'en' ? info.activity.en : info.activity.id) : '';
  return (
    <Tooltip label={t('stepTitle', { n: step, activity })} openDelay={400} multiline maw={320}>
      <Badge
        size={size}
        variant={muted ? 'outline' : 'light'}
        color={muted ? 'gray' : 'sippt'}
        radius="sm"
        tt="none"
        fw={500}
        fz={size === 'md' ? 13 : size === 'sm' ? 12 : 11}
        h={size === 'md' ? 24 : size === 'sm' ? 20 : 18}
        style={{ fontVariantNumeric: 'tabular-nums', cursor: 'default' }}
      >
        {stepLabel(step, t)}
      </Badge>
    </Tooltip>
  );
}
