/** The SOP step as a chip: "14 · Pengujian", with the step's whole activity in the tooltip. */
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SOP_STEPS } from '../../shared/sop/steps';
import { WithTip } from './WithTip';

export interface StepChipProps {
  step: number | null | undefined;
  size?: 'xs' | 'sm' | 'md';
  /** Greyed (a step ahead, or a finished sample). */
  muted?: boolean;
  /**
   * The activity as the browser's own title instead of a Mantine Tooltip: for rows drawn by the
   * dozen while scrolling, where a Tooltip instance per chip is most of the row's cost.
   */
  nativeTip?: boolean;
}

/** "14 · Pengujian" in the given language. */
export function stepLabel(step: number, t: (k: string) => string): string {
  return `${step} · ${t(`components:step.${step}`)}`;
}

export function StepChip({ step, size = 'sm', muted = false, nativeTip = false }: StepChipProps) {
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
  const tip = t('stepTitle', { n: step, activity });
  const chip = (
    <Badge
      title={nativeTip ? tip : undefined}
      size={size}
      variant={muted ? 'outline' : 'light'}
      color={muted ? 'gray' : 'sippt'}
      // Darker than the variant's own text: 12 px must keep 4.5:1 on the active row's and the
      // search result's light blue as well as on white (axe color-contrast).
      c={muted ? 'gray.7' : 'sippt.8'}
      radius="sm"
      tt="none"
      fw={500}
      fz={size === 'md' ? 13 : size === 'sm' ? 12 : 11}
      h={size === 'md' ? 24 : size === 'sm' ? 20 : 18}
      style={{ fontVariantNumeric: 'tabular-nums', cursor: 'default' }}
    >
      {stepLabel(step, t)}
    </Badge>
  );
  return (
    <WithTip tip={tip} native={nativeTip}>
      {chip}
    </WithTip>
  );
}
