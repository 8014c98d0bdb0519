/**
 * The SOP clock of a step: time used against the step's standard time (mutu baku). A bar, amber
 * from 80 %, red when over with the time over ("lewat 2 jam"); the tone is always said in words
 * and with an icon too, never by colour alone.
 */
import { Group, Progress, Text } from '@mantine/core';
import { IconAlertTriangle, IconClock, IconClockExclamation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../lib/format';
import { clockView, type ClockTone } from './clock-view';
import { WithTip } from './WithTip';

export interface SopClockBarProps {
  step: number | null | undefined;
  startedAt: string | null | undefined;
  now: Date;
  /** Narrow: the bar and a short text, for table cells. */
  compact?: boolean;
  /** Width of the bar in px. */
  barWidth?: number;
  /** The explanation as the browser's own title, not a Mantine Tooltip (rows drawn while scrolling). */
  nativeTip?: boolean;
}

const COLOR: Record<ClockTone, string> = {
  ok: 'teal',
  near: 'orange',
  over: 'red',
  none: 'gray',
  unknown: 'gray',
};

/** The words a shade darker than the bar: 12 px keeps 4.5:1 on white and on the active row's blue. */
const TEXT: Record<ClockTone, string> = {
  ok: 'dimmed',
  near: '#9a3412',
  over: 'red.9',
  none: 'dimmed',
  unknown: 'dimmed',
};

export function SopClockBar({
  step,
  startedAt,
  now,
  compact = false,
  barWidth = 64,
  nativeTip = false,
}: SopClockBarProps) {
  const { t, i18n } = useTranslation('components');
  const v = clockView(step, startedAt, now, i18n.language);

  if (v.tone === 'unknown') {
    return (
      <Text size="xs" c="dimmed">
        {t('clock.noClock')}
      </Text>
    );
  }
  if (v.tone === 'none') {
    return (
      <Group gap={4} wrap="nowrap">
        <IconClock size={14} aria-hidden color="var(--mantine-color-gray-6)" />
        <Text size="xs" c="dimmed">
          {t('clock.running', { used: v.used })} · {t('clock.none')}
        </Text>
      </Group>
    );
  }

  const text = compact
    ? v.tone === 'over'
      ? t('clock.over', { by: v.short })
      : v.short
    : v.tone === 'over'
      ? t('clock.over', { by: v.overBy })
      : t('clock.ofStandard', { used: v.used, standard: v.standard });
  const tip = [
    t('clock.tooltip', { n: step, standard: v.standard, used: v.used }),
    v.dueAt ? t('clock.tooltipDue', { due: formatDateTime(v.dueAt, i18n.language) }) : null,
  ]
    .filter(Boolean)
    .join(' ');
  const Icon = v.tone === 'over' ? IconClockExclamation : v.tone === 'near' ? IconAlertTriangle : IconClock;
  const color = COLOR[v.tone];

  const bar = (
    <Group
      gap={6}
      wrap="nowrap"
      aria-label={`${text}. ${tip}`}
      title={nativeTip ? tip : undefined}
      role="group"
      style={{ minWidth: 0 }}
    >
      <Progress
        value={v.percent ?? 0}
        color={color}
        size="sm"
        w={barWidth}
        radius="xl"
        aria-hidden
        style={{ flexShrink: 0 }}
      />
      <Icon size={14} aria-hidden color={`var(--mantine-color-${color}-7)`} style={{ flexShrink: 0 }} />
      <Text
        size="xs"
        c={TEXT[v.tone]}
        fw={v.tone === 'over' ? 600 : 400}
        truncate
        className="num"
        style={{ textAlign: 'left' }}
      >
        {text}
      </Text>
    </Group>
  );
  return (
    <WithTip tip={tip} native={nativeTip}>
      {bar}
    </WithTip>
  );
}
