import type { ReactNode } from 'react';
import { Group, Text } from '@mantine/core';

/**
 * The top line of a list screen (the worklists, the front-office screens): its h1, how many rows
 * (read out when it changes), and the screen's tools at the right edge.
 */
export function ListTitleBar({
  title,
  count,
  children,
}: {
  title: string;
  /** Left out until the list has answered: no "0" before the rows are known. */
  count?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <Group justify="space-between" px="md" pt={10} pb={6} gap="sm" wrap="nowrap">
      <Group gap="sm" align="baseline" wrap="nowrap">
        <Text component="h1" fw={700} size="lg" m={0}>
          {title}
        </Text>
        {count !== undefined && (
          <Text size="sm" c="dimmed" className="num" aria-live="polite">
            {count}
          </Text>
        )}
      </Group>
      {children}
    </Group>
  );
}
