import type { ReactNode } from 'react';
import { Group } from '@mantine/core';
import type { TablerIcon } from '@tabler/icons-react';

/**
 * A note led by a small icon (a warning, a returned step, the user's own row). The icon sits at the
 * first line of the text, not centred on a note that wraps, and a long text never squeezes it.
 */
export function IconNote({
  icon: Icon,
  color,
  size = 16,
  gap = 6,
  iconTop = 2,
  children,
}: {
  icon: TablerIcon;
  /** A CSS colour, e.g. 'var(--mantine-color-orange-7)'. */
  color: string;
  size?: number;
  gap?: number;
  /** Pixels down to the first line's middle, for the text's size beside it. */
  iconTop?: number;
  children: ReactNode;
}) {
  return (
    <Group gap={gap} wrap="nowrap" align="flex-start">
      <Icon size={size} color={color} aria-hidden style={{ flexShrink: 0, marginTop: iconTop }} />
      {children}
    </Group>
  );
}
