/**
 * A front-office list (UI.md, "Worklists"): TanStack Table for the columns, rows 32 px, the
 * worklist's keys (arrows, PgUp/PgDn, Home/End move; Enter opens the row in the detail panel).
 * Lists here are a few hundred rows at most (the server's order list), so every row is drawn.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { Text } from '@mantine/core';
import { listKey } from '../worklist/keys';
import { columnAlign, GridCell, GridHeadRow } from '../worklist/GridCell';

export interface WorkColumn<T> {
  id: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** CSS grid track: '120px', 'minmax(120px, 1fr)'. */
  width: string;
  align?: 'right';
}

/**
 * A column that shows one line of text, cut with an ellipsis when too long (the row opens in the
 * panel, which shows it whole). `strong` for the row's name or number, `num` for digits that line up.
 */
export function textColumn<T>(
  id: string,
  header: string,
  width: string,
  text: (row: T) => string | null | undefined,
  style: { strong?: boolean; num?: boolean; align?: 'right' } = {},
): WorkColumn<T> {
  return {
    id,
    header,
    width,
    ...(style.align ? { align: style.align } : {}),
    cell: (row) => (
      <Text size="sm" fw={style.strong ? 600 : undefined} className={style.num ? 'num' : undefined} truncate>
        {text(row) || '—'}
      </Text>
    ),
  };
}

export interface WorkTableProps<T> {
  label: string;
  rows: T[];
  rowKey: (row: T) => string;
  columns: WorkColumn<T>[];
  /** The row shown in the detail panel. */
  openKey: string | null;
  onOpen: (row: T) => void;
  /** data-overdue on rows over their standard time (red edge). */
  overdue?: (row: T) => boolean;
}

const ROW_H = 32;

export function WorkTable<T>({ label, rows, rowKey, columns, openKey, onOpen, overdue }: WorkTableProps<T>) {
  const [active, setActive] = useState(-1);
  const grid = useRef<HTMLDivElement>(null);
  const defs = useMemo<ColumnDef<T>[]>(
    () =>
      columns.map((c) => ({
        id: c.id,
        header: c.header,
        cell: ({ row }) => c.cell(row.original),
        meta: { width: c.width, align: c.align },
      })),
    [columns],
  );
  const table = useReactTable({
    data: rows,
    columns: defs,
    getCoreRowModel: getCoreRowModel(),
    getRowId: rowKey,
  });
  const template = columns.map((c) => c.width).join(' ');

  // Keep the active row on the open one when the list reloads.
  useEffect(() => {
    if (openKey === null) return;
    const i = rows.findIndex((r) => rowKey(r) === openKey);
    if (i >= 0) setActive(i);
  }, [openKey, rows, rowKey]);

  const scrollTo = (i: number) =>
    grid.current?.querySelector(`[data-index="${i}"]`)?.scrollIntoView({ block: 'nearest' });
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget) return;
    const page = Math.max(1, Math.floor((grid.current?.clientHeight ?? 320) / ROW_H) - 1);
    const a = listKey(e.key, active, rows.length, page);
    if (a.kind === 'none' || a.kind === 'toggle') return;
    e.preventDefault();
    if (a.kind === 'move') {
      setActive(a.index);
      scrollTo(a.index);
    } else {
      const r = rows[a.index];
      if (r) onOpen(r);
    }
  };
  const activeRow = rows[active];
  return (
    <div
      role="grid"
      aria-label={label}
      aria-rowcount={rows.length + 1}
      aria-activedescendant={activeRow ? `fo-row-${rowKey(activeRow)}` : undefined}
      tabIndex={0}
      ref={grid}
      onKeyDown={onKeyDown}
      onFocus={() => active < 0 && rows.length > 0 && setActive(0)}
      className="worklist-grid"
      style={{
        flex: 1,
        minHeight: 0,
        overflow: 'auto',
        fontSize: 13,
        borderTop: '1px solid var(--mantine-color-gray-3)',
      }}
    >
      <GridHeadRow headers={table.getHeaderGroups()[0]?.headers ?? []} template={template} />
      {table.getRowModel().rows.map((r, i) => {
        const key = rowKey(r.original);
        return (
          <div
            key={key}
            id={`fo-row-${key}`}
            data-index={i}
            role="row"
            aria-rowindex={i + 2}
            aria-selected={key === openKey}
            data-active={i === active || undefined}
            data-selected={key === openKey || undefined}
            data-overdue={overdue?.(r.original) || undefined}
            className="worklist-row"
            onClick={() => {
              setActive(i);
              onOpen(r.original);
            }}
            style={{ display: 'grid', gridTemplateColumns: template, height: ROW_H }}
          >
            {r.getVisibleCells().map((c) => (
              <GridCell key={c.id} role="gridcell" align={columnAlign(c.column)}>
                {flexRender(c.column.columnDef.cell, c.getContext())}
              </GridCell>
            ))}
          </div>
        );
      })}
    </div>
  );
}
