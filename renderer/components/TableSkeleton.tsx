/** A table while it loads: rows of grey bars at the table's row height, not a spinner on a blank page. */
import { Box, Group, Skeleton } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface TableSkeletonProps {
  rows?: number;
  /** Relative widths of the columns. */
  columns?: number[];
  rowHeight?: number;
}

export function TableSkeleton({
  rows = 12,
  columns = [2, 3, 3, 1, 2, 2, 3],
  rowHeight = 32,
}: TableSkeletonProps) {
  const { t } = useTranslation('components');
  const total = columns.reduce((a, b) => a + b, 0);
  return (
    <Box role="status" aria-live="polite" aria-busy="true" px="sm">
      <span className="visually-hidden">{t('loadingTable')}</span>
      {Array.from({ length: rows }, (_, r) => (
        <Group
          key={r}
          gap="md"
          wrap="nowrap"
          h={rowHeight}
          style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
          aria-hidden
        >
          {columns.map((w, c) => (
            <Box key={c} style={{ flex: `${w} 1 ${(w / total) * 100}%`, minWidth: 0 }}>
              <Skeleton height={10} radius="sm" width={`${55 + ((r * 7 + c * 13) % 40)}%`} />
            </Box>
          ))}
        </Group>
      ))}
    </Box>
  );
}
