/**
 * A front-office list screen (the released E-LHUs, the payments, the customer accounts): the page
 * with its title and tools, the list in its loading / error / empty states, and, for a list whose
 * rows open, the open row's panel on the right. QueryPage is that page around any body drawn from
 * one query (the Admin Satker's tables, the catalog's tabs, the certificate cards).
 */
import { Fragment, useState, type ReactNode } from 'react';
import { Text } from '@mantine/core';
import { OnlinePage, SidePanel, WithSidePanel } from '../online/OnlinePage';
import { WorkListBody, type ListQuery } from '../online/WorkListBody';
import { WorkTable, type WorkColumn } from '../online/WorkTable';

/** The panel open on the right of a page. */
export interface OpenPanel {
  /** Its accessible name. */
  label: string;
  width?: number;
  content: ReactNode;
}

export function QueryPage({
  title,
  tools,
  query,
  hint,
  intro,
  skeletonRows,
  list,
  side,
  children,
}: {
  title: string;
  tools?: ReactNode;
  /** The query the body draws: its failure says "perlu koneksi" or the error, with a retry. */
  query: ListQuery;
  /** What the page is for, under its title. */
  hint?: string;
  /** What else stands above the body in every state (the filter, an action's refusal). */
  intro?: ReactNode;
  skeletonRows?: number;
  /**
   * The rows to show (after any filter) and what an empty list says; without it, the body is
   * drawn even with none (an editable list, tabs of several tables).
   */
  list?: { count: number; empty: { title: string; hint?: string } };
  /** For a page whose rows open: the open one's panel, or null while none is. */
  side?: OpenPanel | null;
  children: ReactNode;
}) {
  const page = (
    <OnlinePage title={title} error={query.error} onRetry={() => void query.refetch()} tools={tools}>
      {hint && (
        <Text size="xs" c="dark.4" px="md">
          {hint}
        </Text>
      )}
      {intro}
      {list ? (
        <WorkListBody query={query} skeletonRows={skeletonRows} count={list.count} empty={list.empty}>
          {children}
        </WorkListBody>
      ) : (
        <WorkListBody query={query} skeletonRows={skeletonRows}>
          {children}
        </WorkListBody>
      )}
    </OnlinePage>
  );
  if (side === undefined) return page;
  return (
    <WithSidePanel
      panel={
        side && (
          <SidePanel label={side.label} width={side.width}>
            {side.content}
          </SidePanel>
        )
      }
    >
      {page}
    </WithSidePanel>
  );
}

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
  return (
    <QueryPage
      title={title}
      tools={tools}
      query={query}
      list={{ count: rows.length, empty }}
      skeletonRows={skeletonRows}
      side={
        panel
          ? open && {
              label: panel.label(open),
              width: panel.width,
              // Keyed by row: another row starts a fresh panel.
              content: <Fragment key={rowKey(open)}>{panel.render(open, () => setOpenKey(null))}</Fragment>,
            }
          : undefined
      }
    >
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
    </QueryPage>
  );
}
