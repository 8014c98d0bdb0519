import { Table, Text } from '@mantine/core';

/**
 * A small read-only cell of the result tables (unit, requirement, LoD, where a sent result stands).
 * Nothing to show is a dash: a blank cell reads as not loaded yet.
 */
export function DashCell({
  text,
  title,
  className,
}: {
  text: string | null | undefined;
  /** The full text, on hover, where the cell shows a short form. */
  title?: string;
  className?: string;
}) {
  return (
    <Table.Td className={className}>
      <Text size="xs" title={title}>
        {text || '—'}
      </Text>
    </Table.Td>
  );
}
