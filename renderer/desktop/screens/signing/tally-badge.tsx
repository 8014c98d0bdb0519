import type { BadgeProps } from '@mantine/core';
import type { TablerIcon } from '@tabler/icons-react';

/**
 * The look of the signing counts (signed, failed, waiting for upload): a large light badge with its
 * icon, the words in the colour's dark shade (`text`) for contrast on the tint. Props rather than a
 * component, so a Tooltip can still hold the Badge itself.
 */
export function tallyBadge(color: string, text: string, Icon: TablerIcon): BadgeProps {
  return {
    color,
    c: text,
    variant: 'light',
    size: 'lg',
    radius: 'sm',
    tt: 'none',
    leftSection: <Icon size={14} />,
  };
}
