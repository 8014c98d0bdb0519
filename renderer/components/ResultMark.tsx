/**
 * The mark of a result against its requirement: ✓ memenuhi (green), ✗ tidak memenuhi (red),
 * ! dekat batas (amber), — tanpa syarat. Icon and word together, with a tooltip that explains
 * the requirement and the decision rule (UI.md, "Analis: result entry").
 */
import { Group, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconMinus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Requirement } from '../../shared/domain/entities';
import { formatRequirement } from '../../shared/elhu/judgment';

export type MarkKind = 'meets' | 'fails' | 'warning' | 'none';

/** The shared judgment's words ('met' / 'not_met' / 'none') as a mark. */
export function markFromJudgment(j: 'met' | 'not_met' | 'none', nearLimit = false): MarkKind {
  if (j === 'not_met') return 'fails';
  if (j === 'met') return nearLimit ? 'warning' : 'meets';
  return 'none';
}

export interface ResultMarkProps {
  mark: MarkKind;
  requirement?: Requirement | null;
  /** Only the icon (the word stays for screen readers and in the tooltip). */
  iconOnly?: boolean;
  size?: 'xs' | 'sm';
}

/**
 * The icon in the mark's colour; the word in a shade that keeps 4.5:1 at 12 px on white and on the
 * light row tints (WCAG AA, axe color-contrast): teal.8 / orange.9 / dimmed stay under it, so the
 * word goes a step darker (orange as a dark burnt orange, #9a3412, 7:1).
 */
const LOOK: Record<MarkKind, { color: string; text: string; Icon: typeof IconCheck }> = {
  meets: { color: 'teal', text: 'teal.9', Icon: IconCheck },
  fails: { color: 'red', text: 'red.9', Icon: IconX },
  warning: { color: 'orange', text: '#9a3412', Icon: IconAlertTriangle },
  none: { color: 'gray', text: 'gray.7', Icon: IconMinus },
};

export function ResultMark({ mark, requirement = null, iconOnly = false, size = 'sm' }: ResultMarkProps) {
  const { t } = useTranslation('components');
  const { color, text, Icon } = LOOK[mark];
  const req = requirement
    ? [formatRequirement(requirement), requirement.source ? `(${requirement.source})` : '']
        .filter(Boolean)
        .join(' ')
    : '';
  const tip =
    mark === 'none' && !req ? t('mark.noneTip') : `${t(`mark.${mark}Tip`, { req })}. ${t('mark.rule')}`;
  const word = t(`mark.${mark}`);
  return (
    <Tooltip label={tip} multiline maw={320} openDelay={300}>
      <Group
        gap={4}
        wrap="nowrap"
        component="span"
        style={{ display: 'inline-flex' }}
        aria-label={word}
        tabIndex={-1}
      >
        <Icon
          size={size === 'xs' ? 13 : 15}
          stroke={2.5}
          color={`var(--mantine-color-${color}-7)`}
          aria-hidden
        />
        {iconOnly ? (
          <span className="visually-hidden">{word}</span>
        ) : (
          <Text span size={size} c={text} fw={mark === 'fails' ? 600 : 500}>
            {word}
          </Text>
        )}
      </Group>
    </Tooltip>
  );
}
