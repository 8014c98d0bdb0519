/**
 * One worklist row, memoised (row-equal.ts): while scrolling only the rows coming into view are
 * drawn, and moving the active row redraws the two rows concerned, not every visible one.
 * The callbacks must be stable (the screen passes `setActive` and a memoised `open`).
 */
import { memo } from 'react';
import { flexRender, type Row } from '@tanstack/react-table';
import type { WorklistRowView } from '../../../../shared/bridge';
import type { WorklistColumnMeta } from './columns';
import { sameRow, type RowMemoProps } from './row-equal';

export const ROW_H = 32;

export interface WorklistRowProps extends RowMemoProps {
  data: WorklistRowView;
  /** The table's row for `data` (its cells render through the column definitions). */
  row: Row<WorklistRowView>;
  onActivate: (index: number) => void;
  onOpen: (r: WorklistRowView) => void;
}

function WorklistRowImpl({
  data,
  row,
  index,
  start,
  active,
  selected,
  now,
  template,
  onActivate,
  onOpen,
}: WorklistRowProps) {
  return (
    <div
      id={`wl-row-${data.id}`}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-active={active || undefined}
      data-selected={selected || undefined}
      data-overdue={data.due_at && Date.parse(data.due_at) < now.getTime() ? true : undefined}
      className="worklist-row"
      onClick={() => onActivate(index)}
      onDoubleClick={() => onOpen(data)}
      style={{
        display: 'grid',
        gridTemplateColumns: template,
        position: 'absolute',
        top: 0,
        left: 0,
        right: 0,
        height: ROW_H,
        transform: `translateY(${start}px)`,
      }}
    >
      {row.getVisibleCells().map((c) => {
        const align = (c.column.columnDef.meta as WorklistColumnMeta | undefined)?.align;
        return (
          <div
            key={c.column.id}
            role="gridcell"
            className="worklist-cell"
            style={align === 'right' ? { justifyContent: 'flex-end' } : undefined}
          >
            {flexRender(c.column.columnDef.cell, c.getContext())}
          </div>
        );
      })}
    </div>
  );
}

export const WorklistRow = memo(
  WorklistRowImpl,
  (a, b) => sameRow(a, b) && a.onActivate === b.onActivate && a.onOpen === b.onOpen,
);
