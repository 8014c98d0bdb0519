/**
 * A lab step's panel on the sample screen: its title (which names the section) and one-line
 * intro, then what the step needs.
 */
import type { ReactNode } from 'react';
import { Paper, Stack, Text, Title } from '@mantine/core';

export function StepHeading({ id, title, intro }: { id: string; title: string; intro: string }) {
  return (
    <div>
      <Title order={3} id={id} fz="lg">
        {title}
      </Title>
      <Text size="sm" c="gray.7">
        {intro}
      </Text>
    </div>
  );
}

export function StepSection({
  id,
  title,
  intro,
  children,
}: {
  id: string;
  title: string;
  intro: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <StepHeading id={id} title={title} intro={intro} />
        {children}
      </Stack>
    </Paper>
  );
}
