/**
 * A front-office list screen (the released E-LHUs, the payments, the customer accounts): the page
 * with its title and tools, the list in its loading / error / empty states, and, for a list whose
 * rows open, the open row's panel on the right.
 */
import { Fragment, useState, type ReactNode } from 'react';
import { OnlinePage, SidePanel, WithSidePanel } from '../online/OnlinePage';
import { WorkListBody, type ListQuery } from '../online/WorkListBody';
import { WorkTable, type WorkColumn } from '../online/WorkTable';

export interface RowPanel<T> {
  /** The panel's accessible name for this row. */
  label: (row: T) => string;
  width?: number;
  /** The row's panel; `onDone` closes it. */
  render: (row: T, onDone: () => void) => ReactNode;
}

export function ListScreen<T>({
  title,
  tools,
  query,
  rows,
  rowKey,
  columns,
  empty,
  skeletonRows,
  panel,
  closeOn,
}: {
  title: string;
  tools?: ReactNode;
  query: ListQuery;
  /** The rows to show (after any filter). */
  rows: T[];
  rowKey: (row: T) => string;
  columns: WorkColumn<T>[];
  empty: { title: string; hint?: string };
  skeletonRows?: number;
  /** Without it the rows do not open. */
  panel?: RowPanel<T>;
  /** A value (the filter) whose change closes the open row, which it may have hidden. */
  closeOn?: unknown;
}) {
  const [openKey, setOpenKey] = useState<string | null>(null);
  const [shownFor, setShownFor] = useState(closeOn);
  if (shownFor !== closeOn) {
    setShownFor(closeOn);
    setOpenKey(null);
  }
  const open = panel ? (rows.find((r) => rowKey(r) === openKey) ?? null) : null;
  const page = (
    <OnlinePage title={title} error={query.error} onRetry={() => void query.refetch()} tools={tools}>
      <WorkListBody query={query} count={rows.length} empty={empty} skeletonRows={skeletonRows}>
        <WorkTable
          label={title}
          rows={rows}
          rowKey={rowKey}
          columns={columns}
          openKey={panel ? openKey : null}
          onOpen={(r) => {
            if (panel) setOpenKey(rowKey(r));
          }}
        />
      </WorkListBody>
    </OnlinePage>
  );
  if (!panel) return page;
  return (
    <WithSidePanel
      panel={
        open && (
          <SidePanel label={panel.label(open)} width={panel.width}>
            {/* Keyed by row: another row starts a fresh panel. */}
            <Fragment key={rowKey(open)}>{panel.render(open, () => setOpenKey(null))}</Fragment>
          </SidePanel>
        )
      }
    >
      {page}
    </WithSidePanel>
  );
}
