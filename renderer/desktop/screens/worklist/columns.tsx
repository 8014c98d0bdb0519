/**
 * The worklist's columns (UI.md, "Worklists"), as TanStack Table column definitions. The cells
 * are pure of the row: what changes while the list is open (the selection, the clock's "now")
 * comes through the table's `meta`, so the definitions stay the same object for the whole screen
 * and a memoised row (WorklistRow) redraws only when its own data, state or the clock moved.
 * No Mantine Tooltip per cell: a row is drawn dozens of times a second while scrolling, and a
 * Tooltip instance is most of a cell's cost; the explanations are native titles instead.
 */
import type { ColumnDef } from '@tanstack/react-table';
import { Badge, Checkbox, Group, Text } from '@mantine/core';
import { IconClockUp, IconLock } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import type { WorklistRowView } from '../../../../shared/bridge';
import { SopClockBar } from '../../../components/SopClockBar';
import { StepChip } from '../../../components/StepChip';
import { nextActionText } from './next-action';

export interface WorklistColumnMeta {
  /** A CSS grid track: the header and every row share the same template. */
  width: string;
  align?: 'right';
}

/** What the cells read that is not the row itself. */
export interface WorklistTableMeta {
  selected: ReadonlySet<string>;
  now: Date;
  toggle: (id: string) => void;
}

type Col = ColumnDef<WorklistRowView> & { meta: WorklistColumnMeta };

const metaOf = (table: { options: { meta?: unknown } }) => table.options.meta as WorklistTableMeta;

/**
 * Widths for 1366 px (1142 px beside the navigation, seen in screenshots): fixed tracks for what
 * has a known length (sample numbers "SPL/PLG/2026/00001", the step chip, the clock's "11 / 14 hari
 * kerja") and the rest shared by the sample type, the customer and the next action, so common
 * names ("Karet remah SIR 20") show whole.
 */
export function worklistColumns(t: TFunction, lang: string, isAnalis: boolean): Col[] {
  const cols: Col[] = [
    {
      id: 'select',
      header: () => <span className="visually-hidden">{t('col.select')}</span>,
      cell: ({ row, table }) => {
        const m = metaOf(table);
        return (
          <Checkbox
            size="xs"
            tabIndex={-1}
            aria-label={`${t('col.select')} ${row.original.sample_number ?? ''}`}
            checked={m.selected.has(row.original.id)}
            onChange={() => m.toggle(row.original.id)}
            onClick={(e) => e.stopPropagation()}
          />
        );
      },
      meta: { width: '30px' },
    },
    {
      id: 'number',
      header: t('col.number'),
      cell: ({ row }) => (
        <Text size="sm" fw={600} className="num" style={{ textAlign: 'left' }} truncate>
          {row.original.sample_number ?? row.original.order_number ?? '—'}
        </Text>
      ),
      meta: { width: '176px' },
    },
    {
      id: 'type',
      header: t('col.type'),
      cell: ({ row }) => (
        <Text size="sm" truncate title={row.original.sample_type_name}>
          {row.original.sample_type_name}
        </Text>
      ),
      meta: { width: 'minmax(140px, 1fr)' },
    },
  ];
  if (!isAnalis) {
    cols.push({
      id: 'customer',
      header: t('col.customer'),
      cell: ({ row }) => (
        <Text size="sm" truncate title={row.original.customer_label} c="dark.5">
          {row.original.customer_label || '—'}
        </Text>
      ),
      meta: { width: 'minmax(100px, 0.8fr)' },
    });
  }
  cols.push(
    {
      id: 'params',
      header: t('col.params'),
      cell: ({ row }) => {
        const r = row.original;
        const text =
          isAnalis || (r.analyses_mine > 0 && r.analyses_mine < r.analyses_total)
            ? t('paramsMine', { mine: r.analyses_mine, total: r.analyses_total })
            : String(r.analyses_total);
        return (
          <Text
            size="sm"
            className="num"
            title={t('paramsTip', {
              total: r.analyses_total,
              mine: r.analyses_mine,
              open: r.analyses_open_mine,
            })}
          >
            {text}
          </Text>
        );
      },
      meta: { width: isAnalis ? '72px' : '60px', align: 'right' },
    },
    {
      id: 'step',
      header: t('col.step'),
      cell: ({ row }) => <StepChip step={row.original.step ?? null} size="sm" nativeTip />,
      meta: { width: '168px' },
    },
    {
      id: 'clock',
      header: t('col.clock'),
      cell: ({ row, table }) => (
        <SopClockBar
          step={row.original.step}
          startedAt={row.original.step_started_at}
          now={metaOf(table).now}
          compact
          barWidth={40}
          nativeTip
        />
      ),
      meta: { width: '212px' },
    },
    {
      id: 'next',
      header: t('col.next'),
      // The sync markers sit beside the next action: they are rare, and a column of their own
      // took 120 px from the names on every row.
      cell: ({ row }) => {
        const n = nextActionText(row.original, lang);
        const text = n.mine
          ? t(n.key)
          : n.key === 'waitingFor'
            ? t('waitingFor', { role: n.role })
            : t('done');
        return (
          <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
            <Text size="sm" truncate fw={n.mine ? 500 : 400} c={n.mine ? 'sippt.8' : 'dimmed'} title={text}>
              {text}
            </Text>
            <SyncMarkers row={row.original} t={t} />
          </Group>
        );
      },
      meta: { width: 'minmax(150px, 1.2fr)' },
    },
  );
  return cols;
}

/** Changes of this user's on the sample: waiting to be sent, or held behind a rejected one. */
function SyncMarkers({ row, t }: { row: WorklistRowView; t: TFunction }) {
  const blocked = row.blocked_commands ?? 0;
  if (blocked > 0) {
    return (
      <MarkerBadge color="red" Icon={IconLock} fw={600} title={t('marker.blockedTip')}>
        {t('marker.blocked')}
      </MarkerBadge>
    );
  }
  if (row.pending_commands > 0) {
    return (
      <MarkerBadge
        color="orange"
        Icon={IconClockUp}
        fw={500}
        title={t('marker.pendingTip', { count: row.pending_commands })}
      >
        {t('marker.pending')}
      </MarkerBadge>
    );
  }
  return null;
}

/** A small badge beside the next action: it never shrinks, so the action's text is what gets cut. */
function MarkerBadge({
  color,
  Icon,
  fw,
  title,
  children,
}: {
  color: string;
  Icon: typeof IconLock;
  fw: number;
  title: string;
  children: string;
}) {
  return (
    <Badge
      size="sm"
      color={color}
      variant="light"
      leftSection={<Icon size={11} aria-hidden />}
      tt="none"
      fw={fw}
      style={{ flexShrink: 0 }}
      title={title}
    >
      {children}
    </Badge>
  );
}
