import type { ReactNode } from 'react';
import { Group, Text } from '@mantine/core';
import { flexRender, type Column, type Header } from '@tanstack/react-table';

/**
 * A header or cell of the worklist-style grids (the worklist, the online work tables): one line,
 * numbers pushed to the right edge.
 */
export function GridCell({
  role,
  align,
  children,
}: {
  role: 'columnheader' | 'gridcell';
  align?: string;
  children: ReactNode;
}) {
  return (
    <div
      role={role}
      className="worklist-cell"
      style={{ justifyContent: align === 'right' ? 'flex-end' : 'flex-start' }}
    >
      {children}
    </div>
  );
}

/** The alignment a column's definition carries in its `meta` (both grids put `align` there). */
export function columnAlign<T>(column: Column<T, unknown>): string | undefined {
  return (column.columnDef.meta as { align?: string } | undefined)?.align;
}

/**
 * The grid's first row, the column headers: it stays at the top while the rows scroll under it,
 * on the same track template as the rows so headers and cells line up.
 */
export function GridHeadRow<T>({ headers, template }: { headers: Header<T, unknown>[]; template: string }) {
  return (
    <div
      role="row"
      aria-rowindex={1}
      className="worklist-head"
      style={{
        display: 'grid',
        gridTemplateColumns: template,
        height: 30,
        position: 'sticky',
        top: 0,
        zIndex: 2,
      }}
    >
      {headers.map((h) => (
        <GridCell key={h.id} role="columnheader" align={columnAlign(h.column)}>
          {flexRender(h.column.columnDef.header, h.getContext())}
        </GridCell>
      ))}
    </div>
  );
}

/** The line under a grid that names its keys (the grid takes the keyboard, so they are not visible otherwise). */
export function GridKeysHint({ children }: { children: ReactNode }) {
  return (
    <Group px="md" h={24} gap="md" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
      <Text size="xs" c="dimmed">
        {children}
      </Text>
    </Group>
  );
}
