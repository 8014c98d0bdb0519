/** An empty list or screen that says what to do next (UI.md, "Honest states"). */
import type { ReactNode } from 'react';
import { Center, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';

export interface EmptyStateProps {
  title: string;
  /** What to do next. */
  hint?: ReactNode;
  icon?: ReactNode;
  action?: ReactNode;
  /** Height of the area it centres in. */
  h?: number | string;
}

export function EmptyState({ title, hint, icon, action, h = 240 }: EmptyStateProps) {
  return (
    <Center h={h} role="status">
      <Stack align="center" gap={6} maw={460} ta="center">
        <ThemeIcon variant="light" color="gray" size={40} radius="xl" aria-hidden>
          {icon ?? <IconInbox size={22} />}
        </ThemeIcon>
        <Text fw={600}>{title}</Text>
        {hint && (
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
        )}
        {action}
      </Stack>
    </Center>
  );
}
