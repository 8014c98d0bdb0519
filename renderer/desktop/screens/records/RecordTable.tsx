/**
 * A record's table (TanStack Table): a sticky header, rows about 32 px, numbers right-aligned in
 * tabular figures, an optional totals row. Registers of a period hold at most a few thousand rows;
 * the first RECORD_ROWS_SHOWN are drawn and the rest are in the export (the screen says so).
 */
import { useMemo, type ReactNode } from 'react';
import { ScrollArea, Table, Text } from '@mantine/core';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';

export interface RecordColumn<T> {
  id: string;
  header: string;
  cell: (row: T) => ReactNode;
  align?: 'right';
  /** Minimum width in px (long names wrap, numbers never do). */
  minWidth?: number;
}

export const RECORD_ROWS_SHOWN = 500;

export function RecordTable<T>({
  label,
  rows,
  columns,
  footer,
  maxHeight,
  moreText,
}: {
  label: string;
  rows: readonly T[];
  columns: RecordColumn<T>[];
  footer?: ReactNode[];
  maxHeight?: number | string;
  /** Said under the table when it holds more rows than are drawn. */
  moreText?: string;
}) {
  const data = useMemo(() => rows.slice(0, RECORD_ROWS_SHOWN), [rows]);
  const defs = useMemo<ColumnDef<T>[]>(
    () =>
      columns.map((c) => ({ id: c.id, header: c.header, cell: (ctx) => c.cell(ctx.row.original), meta: c })),
    [columns],
  );
  const table = useReactTable({ data, columns: defs, getCoreRowModel: getCoreRowModel() });
  const metaOf = (id: string) => columns.find((c) => c.id === id);
  return (
    // The scrolling viewport takes focus (arrow keys scroll it; axe: scrollable-region-focusable).
    <ScrollArea.Autosize
      mah={maxHeight ?? '100%'}
      type="auto"
      offsetScrollbars
      viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': label }}
    >
      <Table
        stickyHeader
        striped
        highlightOnHover
        verticalSpacing={5}
        horizontalSpacing="sm"
        fz={13}
        aria-label={label}
      >
        <Table.Thead>
          {table.getHeaderGroups().map((g) => (
            <Table.Tr key={g.id}>
              {g.headers.map((h) => {
                const m = metaOf(h.column.id);
                return (
                  <Table.Th
                    key={h.id}
                    ta={m?.align ?? 'left'}
                    style={{ minWidth: m?.minWidth, whiteSpace: 'nowrap' }}
                  >
                    {flexRender(h.column.columnDef.header, h.getContext())}
                  </Table.Th>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Thead>
        <Table.Tbody>
          {table.getRowModel().rows.map((r) => (
            <Table.Tr key={r.id}>
              {r.getVisibleCells().map((c) => {
                const m = metaOf(c.column.id);
                return (
                  <Table.Td
                    key={c.id}
                    ta={m?.align ?? 'left'}
                    className={m?.align === 'right' ? 'num' : undefined}
                    style={m?.align === 'right' ? { whiteSpace: 'nowrap' } : undefined}
                  >
                    {flexRender(c.column.columnDef.cell, c.getContext())}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
        {footer && (
          <Table.Tfoot>
            <Table.Tr>
              {footer.map((f, i) => (
                <Table.Th
                  key={i}
                  ta={columns[i]?.align ?? 'left'}
                  className={columns[i]?.align === 'right' ? 'num' : undefined}
                >
                  {f}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Tfoot>
        )}
      </Table>
      {rows.length > RECORD_ROWS_SHOWN && (
        <Text size="xs" c="dark.4" px="sm" py={4}>
          {moreText}
        </Text>
      )}
    </ScrollArea.Autosize>
  );
}
