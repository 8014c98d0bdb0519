/** A sample's parameters with their tariffs, one a line, the amount on the right. */
import { Group, Stack, Text } from '@mantine/core';
import { formatRupiah } from '../../lib/format';

export interface TariffLine {
  id: string;
  name: string;
  tariff: number;
}

export function TariffLines({ lines, mt }: { lines: TariffLine[]; mt?: number }) {
  return (
    <Stack gap={2} mt={mt}>
      {lines.map((l) => (
        <Group key={l.id} justify="space-between" wrap="nowrap">
          <Text size="sm">{l.name}</Text>
          <Text size="sm" className="num">
            {formatRupiah(l.tariff)}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
