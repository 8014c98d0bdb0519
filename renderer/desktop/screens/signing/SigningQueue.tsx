/**
 * The queue of LHUs waiting for this Kepala Balai's signature: one row per report, the previewed
 * one highlighted, checkboxes for a batch. A roving tab stop: the queue is one Tab stop, arrows
 * move the preview, Space chooses, Ctrl+A chooses every ready report.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Checkbox, Table, Text, Tooltip } from '@mantine/core';
import { IconCloudDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SigningQueueItemView } from '../../../../shared/bridge';
import { formatDateTime, formatDuration } from '../../../lib/format';
import {
  allState,
  moveActive,
  toggle,
  toggleAll,
  type QueueEntry,
  type QueueSelection,
} from './queue-selection';

interface Props {
  items: SigningQueueItemView[];
  selection: QueueSelection;
  onSelection: (s: QueueSelection) => void;
  /** Ctrl+Enter: sign what is chosen. */
  onSign: () => void;
}

/** Minute ticks for "waiting since" (no need to re-render every second). */
function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(id);
  }, []);
  return now;
}

export const entriesOf = (items: readonly SigningQueueItemView[]): QueueEntry[] =>
  items.map((i) => ({ reportId: i.reportId, ready: i.documentReady }));

export function SigningQueue({ items, selection, onSelection, onSign }: Props) {
  const now = useMinuteClock();
  const { t, i18n } = useTranslation('signing');
  const lang = i18n.language;
  const entries = entriesOf(items);
  const rows = useRef(new Map<string, HTMLTableRowElement>());
  const moved = useRef(false);

  // Keyboard moves bring focus along; clicks and first loads leave it where it is.
  useEffect(() => {
    if (!moved.current || !selection.active) return;
    moved.current = false;
    rows.current.get(selection.active)?.focus();
  }, [selection.active]);

  const onKey = (e: KeyboardEvent<HTMLTableElement>) => {
    const ctrl = e.ctrlKey || e.metaKey;
    const move = (to: 'next' | 'prev' | 'first' | 'last') => {
      moved.current = true;
      onSelection(moveActive(selection, entries, to));
    };
    if (e.key === 'ArrowDown') move('next');
    else if (e.key === 'ArrowUp') move('prev');
    else if (e.key === 'Home') move('first');
    else if (e.key === 'End') move('last');
    else if (e.key === ' ') {
      const entry = entries.find((x) => x.reportId === selection.active);
      if (entry) onSelection(toggle(selection, entry));
    } else if (ctrl && (e.key === 'a' || e.key === 'A')) onSelection(toggleAll(selection, entries));
    else if (ctrl && e.key === 'Enter') onSign();
    else return;
    e.preventDefault();
  };

  const all = allState(selection, entries);
  const anyReady = entries.some((e) => e.ready);

  return (
    <Table
      role="grid"
      aria-label={t('queueLabel')}
      aria-multiselectable
      onKeyDown={onKey}
      highlightOnHover
      stickyHeader
      verticalSpacing={5}
      horizontalSpacing={8}
      layout="fixed"
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="36px">
            <Checkbox
              size="xs"
              aria-label={t('selectAll')}
              checked={all === 'all'}
              indeterminate={all === 'some'}
              disabled={!anyReady}
              onChange={() => onSelection(toggleAll(selection, entries))}
              tabIndex={-1}
            />
          </Table.Th>
          <Table.Th w="40%">{t('col.report')}</Table.Th>
          <Table.Th>{t('col.sample')}</Table.Th>
          <Table.Th w="112px">{t('col.waiting')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => {
          const active = item.reportId === selection.active;
          const chosen = selection.chosen.has(item.reportId);
          const entry = { reportId: item.reportId, ready: item.documentReady };
          return (
            <Table.Tr
              key={item.reportId}
              ref={(el) => {
                if (el) rows.current.set(item.reportId, el);
                else rows.current.delete(item.reportId);
              }}
              tabIndex={active || (selection.active === null && item === items[0]) ? 0 : -1}
              aria-selected={chosen}
              data-active={active || undefined}
              onClick={() => onSelection({ ...selection, active: item.reportId })}
              style={{
                cursor: 'pointer',
                background: active ? 'var(--mantine-color-sippt-0)' : undefined,
                boxShadow: active ? 'inset 3px 0 0 var(--mantine-color-sippt-6)' : undefined,
              }}
            >
              <Table.Td>
                {item.documentReady ? (
                  <Checkbox
                    size="xs"
                    tabIndex={-1}
                    checked={chosen}
                    aria-label={t('selectRow', { number: item.reportNumber })}
                    onClick={(e) => e.stopPropagation()}
                    onChange={() => onSelection(toggle(selection, entry))}
                  />
                ) : (
                  <Tooltip label={t('notReadyTip')} multiline w={280}>
                    <IconCloudDownload
                      size={16}
                      color="var(--mantine-color-yellow-8)"
                      aria-label={t('notReady')}
                    />
                  </Tooltip>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={600} truncate title={item.reportNumber}>
                  {item.reportNumber}
                </Text>
                <Text size="xs" c="gray.7" truncate title={item.orderNumber ?? undefined}>
                  {item.orderNumber ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" truncate title={item.sampleNumber ?? undefined}>
                  {item.sampleNumber ?? '—'}
                </Text>
                {!item.documentReady ? (
                  <Text size="xs" c="gray.8" fw={500}>
                    {t('notReady')}
                  </Text>
                ) : (
                  // The customer's own marking of the sample (the queue item carries no customer name).
                  <Text
                    size="xs"
                    c="gray.7"
                    truncate
                    title={`${item.sampleTypeName} · ${item.customerLabel}`}
                  >
                    {item.sampleTypeName} · {item.customerLabel}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="xs" title={formatDateTime(item.issuedAt, lang)}>
                  {item.issuedAt ? formatDuration(now - Date.parse(item.issuedAt), lang) : '—'}
                </Text>
                {/* Who asked for the signature (CS), under how long it has waited. */}
                <Text size="xs" c="gray.7" truncate title={item.requestedBy ?? undefined}>
                  {item.requestedBy ? t('requestedBy', { name: item.requestedBy }) : ''}
                </Text>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
