/**
 * The portal's heading levels: one h1 per page, an h2 per card (screen readers list them in that
 * order), each drawn a size smaller than its level's default so a phone shows more than the title.
 */
import type { ReactNode } from 'react';
import { Title } from '@mantine/core';

export function PageTitle({ children }: { children: ReactNode }) {
  return (
    <Title order={1} size="h2">
      {children}
    </Title>
  );
}

export function SectionTitle({ children }: { children: ReactNode }) {
  return (
    <Title order={2} size="h4">
      {children}
    </Title>
  );
}

/** The h1 of a page that is one narrow card (log in, register, a forgotten password): sized to the card. */
export function CardPageTitle({ children }: { children: ReactNode }) {
  return (
    <Title order={1} size="h3">
      {children}
    </Title>
  );
}
