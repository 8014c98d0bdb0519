/**
 * A sample's results as a table (TanStack Table): parameter, value, unit, requirement, mark,
 * analyst, time entered, notes, status. The Penyelia's verification uses it with a retest
 * selection; the MT's validation shows it read-only. Retested results stay in the table, greyed,
 * with the reason, under the analysis that repeats them.
 *
 * Keys: one row is in the Tab order at a time (roving focus); ↑/↓, Home/End, PgUp/PgDn move; Space
 * selects the focused row for retest.
 */
import { useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Checkbox, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconClockHour4, IconUserExclamation } from '@tabler/icons-react';
import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import type { Analysis } from '../../../../shared/domain/entities';
import { formatRequirement, formatResult } from '../../../../shared/elhu/judgment';
import { ResultMark } from '../../../components/ResultMark';
import { IconNote } from '../../../components/IconNote';
import { formatDate, formatDateTime, formatTime } from '../../../lib/format';
import { analysisMark } from './analysis-mark';
import { compactDateTime, rowState, type ResultRow, type ResultRowState } from './results-rows';
import { rowKeyAction } from './row-keys';

export interface RetestSelection {
  selected: ReadonlySet<string>;
  onToggle: (analysisId: string) => void;
  /** Whether the row may be chosen (the permission table's answer). */
  selectable: (a: Analysis) => boolean;
}

export interface ResultsTableProps {
  rows: ResultRow[];
  /** Analyst names by user id. */
  analystNames: ReadonlyMap<string, string>;
  /** The sample's number, for the table's accessible name. */
  sampleLabel: string;
  /** The Penyelia's retest selection; without it the table is read-only (MT). */
  selection?: RetestSelection;
  /** Rows this user may not verify (they entered them): a line says why. */
  isOwn?: (a: Analysis) => boolean;
}

const STATE_COLOR: Record<ResultRowState, string> = {
  // Dark shades: 12 px text needs 4.5:1 on white (the icon beside carries the colour too).
  waiting: 'dark.6',
  ready: 'sippt.8',
  verified: 'teal.9',
  validated: 'teal.9',
  retested: 'gray.7',
};

const col = createColumnHelper<ResultRow>();
type ShownColumn = 'value' | 'unit' | 'requirement' | 'mark' | 'analyst' | 'entered' | 'notes' | 'status';

/** The dash of a cell with nothing to show yet (no mark, no entry time, no notes). */
function NoValue({ size }: { size: 'sm' | 'xs' }) {
  return (
    <Text size={size} c="gray.7">
      —
    </Text>
  );
}

export function ResultsTable({ rows, analystNames, sampleLabel, selection, isOwn }: ResultsTableProps) {
  const { t, i18n } = useTranslation('results');
  const lang = i18n.language;
  const [focus, setFocus] = useState(0);
  const rowRefs = useRef<(HTMLTableRowElement | null)[]>([]);

  const columns = useMemo(() => {
    /** A column headed by its name in the `col.` keys, its cell drawn from the row. */
    const column = (id: ShownColumn, cell: (r: ResultRow) => ReactNode) =>
      col.display({ id, header: () => t(`col.${id}`), cell: ({ row }) => cell(row.original) });
    return [
      ...(selection
        ? [
            col.display({
              id: 'select',
              header: () => <span className="visually-hidden">{t('col.select')}</span>,
              cell: ({ row }) => {
                const a = row.original.analysis;
                const can = row.original.kind === 'current' && selection.selectable(a);
                if (row.original.kind !== 'current') return null;
                const box = (
                  <Checkbox
                    size="xs"
                    tabIndex={-1}
                    checked={selection.selected.has(a.id)}
                    disabled={!can}
                    onChange={() => selection.onToggle(a.id)}
                    aria-label={t('selectRow', { name: a.parameterName })}
                  />
                );
                return can ? box : <Tooltip label={t('notSelectable')}>{<span>{box}</span>}</Tooltip>;
              },
            }),
          ]
        : []),
      col.accessor((r) => r.analysis.parameterName, {
        id: 'parameter',
        header: () => t('col.parameter'),
        cell: ({ row }) => {
          const { analysis: a, kind, retestReason } = row.original;
          const own = kind === 'current' && isOwn?.(a);
          if (kind === 'retested') {
            // The repeat sits right above: the name once, in grey, then why it was sent back.
            return (
              <Stack gap={0}>
                <Text size="xs" c="gray.7" lineClamp={1} title={a.parameterName}>
                  {a.parameterName}
                </Text>
                <Text size="xs" c="gray.7" fs="italic" style={{ overflowWrap: 'anywhere' }}>
                  {t('retestedBecause', { reason: retestReason ?? '' })}
                </Text>
              </Stack>
            );
          }
          return (
            <Stack gap={0}>
              <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                {a.parameterName}
              </Text>
              <Text size="xs" c="gray.7" lineClamp={1} title={a.method}>
                {a.method}
              </Text>
              {retestReason && (
                <Text size="xs" fs="italic" style={{ overflowWrap: 'anywhere' }}>
                  {t('retestOf', { reason: retestReason })}
                </Text>
              )}
              {own && (
                <IconNote icon={IconUserExclamation} color="var(--mantine-color-orange-8)" size={14} gap={4}>
                  <Text size="xs" fw={500}>
                    {t('ownRow')}
                  </Text>
                </IconNote>
              )}
            </Stack>
          );
        },
      }),
      column('value', (r) => {
        // A draft the analyst has not sent is not a result yet: not shown to the Penyelia or MT.
        const result = rowState(r.analysis) === 'waiting' ? null : r.analysis.result;
        return (
          <Text
            size="sm"
            className="num"
            fw={r.kind === 'current' ? 600 : 400}
            td={r.kind === 'retested' ? 'line-through' : undefined}
          >
            {result ? formatResult(result) : t('noResult')}
          </Text>
        );
      }),
      column('unit', ({ analysis: a }) => <Text size="sm">{a.unit || '—'}</Text>),
      column('requirement', ({ analysis: a }) => (
        <Text size="sm">{formatRequirement(a.requirement) || '—'}</Text>
      )),
      column('mark', ({ analysis: a }) => {
        const mark = rowState(a) === 'waiting' ? null : analysisMark(a);
        return mark ? (
          <span style={{ whiteSpace: 'nowrap' }}>
            <ResultMark mark={mark} requirement={a.requirement} size="xs" />
          </span>
        ) : (
          <NoValue size="sm" />
        );
      }),
      column('analyst', ({ analysis: a }) => (
        <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
          {a.analystId ? (analystNames.get(a.analystId) ?? t('unknownAnalyst')) : t('noAnalyst')}
        </Text>
      )),
      column('entered', ({ analysis: a }) => {
        const at = a.submittedAt;
        if (!at) return <NoValue size="xs" />;
        return (
          <Text
            size="xs"
            style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
            title={formatDateTime(at, lang)}
          >
            {compactDateTime(at, lang, formatDate, formatTime)}
          </Text>
        );
      }),
      column('notes', ({ analysis: a }) => {
        const notes = rowState(a) === 'waiting' ? '' : (a.result?.notes?.trim() ?? '');
        return notes ? (
          <Text size="xs" lineClamp={2} title={notes} style={{ overflowWrap: 'anywhere' }}>
            {notes}
          </Text>
        ) : (
          <NoValue size="xs" />
        );
      }),
      column('status', ({ analysis: a }) => {
        const s = rowState(a);
        return (
          <Group gap={4} wrap="nowrap" align="flex-start">
            {s === 'waiting' && (
              <IconClockHour4
                size={14}
                color="var(--mantine-color-orange-8)"
                aria-hidden
                style={{ flexShrink: 0, marginTop: 1 }}
              />
            )}
            <Text size="xs" c={STATE_COLOR[s]} fw={500}>
              {t(`state.${s}`)}
            </Text>
          </Group>
        );
      }),
    ];
  }, [t, lang, selection, isOwn, analystNames]);

  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (r) => r.analysis.id,
  });
  const focusRow = (i: number) => {
    setFocus(i);
    rowRefs.current[i]?.focus();
  };
  const onKey = (e: KeyboardEvent<HTMLTableRowElement>, i: number, r: ResultRow) => {
    if (e.target !== e.currentTarget) return;
    const act = rowKeyAction(e.key, i, rows.length);
    if (!act) return;
    if (act.type === 'move') {
      e.preventDefault();
      focusRow(act.to);
    } else if (selection && r.kind === 'current' && selection.selectable(r.analysis)) {
      e.preventDefault();
      selection.onToggle(r.analysis.id);
    }
  };

  if (rows.length === 0) {
    return (
      <Text size="sm" c="gray.7" p="md">
        {t('empty')}
      </Text>
    );
  }

  const current = Math.min(focus, rows.length - 1);
  return (
    <Table.ScrollContainer minWidth={900} type="native">
      <Table
        aria-label={t('tableLabel', { sample: sampleLabel })}
        striped={false}
        highlightOnHover
        withTableBorder
        layout="fixed"
        verticalSpacing={5}
        horizontalSpacing={8}
      >
        <colgroup>
          {selection && <col style={{ width: 34 }} />}
          <col />
          <col style={{ width: 76 }} />
          <col style={{ width: 72 }} />
          <col style={{ width: 96 }} />
          <col style={{ width: 128 }} />
          <col style={{ width: 132 }} />
          <col style={{ width: 92 }} />
          <col style={{ width: 112 }} />
          <col style={{ width: 120 }} />
        </colgroup>
        <Table.Thead>
          {table.getHeaderGroups().map((hg) => (
            <Table.Tr key={hg.id}>
              {hg.headers.map((h) => (
                <Table.Th
                  key={h.id}
                  className={h.column.id === 'value' ? 'num' : undefined}
                  fz="xs"
                  c="gray.7"
                  fw={600}
                >
                  {flexRender(h.column.columnDef.header, h.getContext())}
                </Table.Th>
              ))}
            </Table.Tr>
          ))}
        </Table.Thead>
        <Table.Tbody>
          {table.getRowModel().rows.map((row, i) => {
            const r = row.original;
            const selected = selection?.selected.has(r.analysis.id) ?? false;
            return (
              <Table.Tr
                key={row.id}
                ref={(el) => {
                  rowRefs.current[i] = el;
                }}
                tabIndex={i === current ? 0 : -1}
                onFocus={() => setFocus(i)}
                onKeyDown={(e) => onKey(e, i, r)}
                data-kind={r.kind}
                style={{
                  // Greyed by colour, not opacity, so the text keeps a readable contrast.
                  color: r.kind === 'retested' ? 'var(--mantine-color-gray-7)' : undefined,
                  background: selected
                    ? 'var(--mantine-color-orange-0)'
                    : r.kind === 'retested'
                      ? 'var(--mantine-color-gray-0)'
                      : undefined,
                  verticalAlign: 'top',
                }}
              >
                {row.getVisibleCells().map((cell) => (
                  <Table.Td key={cell.id}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </Table.Td>
                ))}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
