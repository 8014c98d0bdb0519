/**
 * The Tanda cell: ✓ memenuhi / ✗ tidak memenuhi / ! dekat batas / — tanpa syarat, always an icon
 * and a word for screen readers beside the colour, with a tooltip that states the rule.
 * (Swap for renderer/components ResultMark once it lands.)
 */
import { Group, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconMinus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Requirement } from '../../../../shared/domain/entities';
import { formatRequirement } from '../../../../shared/elhu/judgment';
import type { CellReading } from './result-reading';

const ICON = { met: IconCheck, not_met: IconX, warn: IconAlertTriangle, none: IconMinus } as const;
const COLOR = { met: 'green.8', not_met: 'red.8', warn: 'yellow.9', none: 'gray.6' } as const;

/** The tooltip's lines: the requirement, its source, and the decision rule. */
function useMarkTip(reading: CellReading, requirement: Requirement | null): string {
  const { t } = useTranslation('analis');
  if (!requirement) return t('markTip.noRequirement');
  const lines = [t('markTip.requirement', { requirement: formatRequirement(requirement) })];
  if (requirement.source) lines.push(t('markTip.source', { source: requirement.source }));
  if (reading.kind === 'empty') lines.push(t('markTip.empty'));
  else if (reading.kind === 'value' && reading.mark === 'none') lines.push(t('markTip.unjudged'));
  lines.push(t('markTip.rule'));
  return lines.join('\n');
}

export function markWord(reading: CellReading, requirement: Requirement | null, t: (k: string) => string): string {
  if (reading.kind !== 'value') return '';
  if (reading.mark === 'none') return requirement ? t('mark.unjudged') : t('mark.none');
  return t(`mark.${reading.mark}`);
}

export function MarkCell({ reading, requirement, id }: { reading: CellReading; requirement: Requirement | null; id: string }) {
  const { t } = useTranslation('analis');
  const tip = useMarkTip(reading, requirement);
  const word = markWord(reading, requirement, t);
  const Icon = ICON[reading.mark];
  return (
    <Tooltip label={tip} multiline w={320} withArrow openDelay={200} style={{ whiteSpace: 'pre-line' }}>
      <Group gap={4} wrap="nowrap" justify="center" data-mark={reading.kind === 'value' ? reading.mark : 'empty'}>
        {reading.kind === 'value' ? <Icon size={18} stroke={2.4} aria-hidden color={`var(--mantine-color-${COLOR[reading.mark].replace('.', '-')})`} /> : null}
        <Text span id={id} className="visually-hidden">
          {word}
        </Text>
      </Group>
    </Tooltip>
  );
}
