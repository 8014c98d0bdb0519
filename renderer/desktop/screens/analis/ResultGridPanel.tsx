/**
 * The Analis's result entry for one sample in testing (UI.md, "Analis: result entry"): one row per
 * parameter assigned to this analyst, keyboard first (grid-keys.ts), the mark as the value is typed,
 * drafts saved as typed, and *Kirim hasil* (Ctrl+Enter) once every value is there.
 */
import {
  useCallback,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type FocusEvent,
  type KeyboardEvent,
} from 'react';
import { Alert, Badge, Button, Group, Kbd, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useBridgeMutation } from '../../../bridge/hooks';
import type { SamplePanelProps } from '../sample/panel-props';
import { gridKey, parsePaste, pasteWrites, type GridState } from './grid-keys';
import { gridRows, lastSavedAt, readiness, refusedSave } from './grid-model';
import { readResultText } from './result-reading';
import { readUncertaintyText } from '../../../../shared/elhu/uncertainty-text';
import { ResultGridRow, EDITABLE_FIELDS, type CellHandlers } from './ResultGridRow';
import { SentRows } from './SentRows';
import { SubmitConfirm } from './SubmitConfirm';
import { useResultDrafts } from './use-result-drafts';

// Pixel strings: Mantine turns bare numbers into rem, and the app's rem is 14 px.
const HEADER_WIDTHS = [
  'auto', // parameter
  '13%', // method
  '56px', // unit
  '88px', // requirement
  '60px', // detection limit
  '112px', // Hasil
  '48px', // mark
  '100px', // U (k)
  '13%', // notes
  '132px', // status ("tersimpan 13.46" on one line)
] as const;

export function ResultGridPanel({ order, sample, session, changes }: SamplePanelProps) {
  const { t } = useTranslation('analis');
  const rows = useMemo(() => gridRows(sample, session.user.id), [sample, session.user.id]);
  const { editable } = rows;
  const canSave = useCallback(
    (id: string, value: string, uncertainty: string) => {
      const a = editable.find((x) => x.id === id);
      if (!a || readResultText(value, a).kind !== 'value') return null;
      const u = readUncertaintyText(uncertainty, a.uncertainty?.coverageFactor ?? null);
      if (u.kind === 'invalid') return null;
      return { uncertainty: u.kind === 'value' ? u.value : null };
    },
    [editable],
  );
  const { drafts, edit, flush, flushAll } = useResultDrafts(order.id, sample.id, editable, canSave);
  const size = useMemo(() => ({ rows: editable.length, cols: EDITABLE_FIELDS.length }), [editable.length]);

  const valueOf = useCallback((id: string) => drafts[id]?.value ?? '', [drafts]);
  const ready = useMemo(() => readiness(editable, valueOf), [editable, valueOf]);
  const filled = editable.length - ready.missing;

  // The cursor lives in refs: moving it must not re-render 60 rows.
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const active = useRef<GridState>({ row: 0, col: 0, mode: 'nav' });
  const origin = useRef('');
  const [pasteNote, setPasteNote] = useState<number>(0);

  const focusCell = useCallback((row: number, col: number) => {
    const el = inputs.current.get(`${row}:${col}`);
    if (!el) return;
    if (document.activeElement === el) {
      active.current = { row, col, mode: 'nav' };
      el.select();
    } else el.focus();
  }, []);

  // Confirmation and sending.
  const submit = useBridgeMutation('result.submit');
  const [confirmOpen, setConfirmOpen] = useState(false);
  const [draftState, setDraftState] = useState<'saving' | 'saved' | 'unsaved'>('saving');

  const openConfirm = useCallback(() => {
    if (!ready.complete) {
      // Not complete: take the analyst to the first cell that needs them, instead of a dead key.
      const i = editable.findIndex((a) => readResultText(drafts[a.id]?.value ?? '', a).kind !== 'value');
      if (i >= 0) focusCell(i, 0);
      return;
    }
    submit.reset();
    setDraftState('saving');
    setConfirmOpen(true);
    void flushAll().then((ok) => setDraftState(ok ? 'saved' : 'unsaved'));
  }, [ready, editable, drafts, focusCell, flushAll, submit]);

  const send = () => {
    const ids = editable.map((a) => a.id);
    submit.mutate(
      { orderId: order.id, sampleId: sample.id, analysisIds: ids },
      {
        onSuccess: () => {
          setConfirmOpen(false);
          notifications.show({
            color: 'green',
            message:
              session.mode === 'offline'
                ? `${t('submitted', { count: ids.length })} ${t('queuedOffline')}`
                : t('submitted', { count: ids.length }),
          });
        },
      },
    );
  };

  const handlers: CellHandlers = useMemo(
    () => ({
      register: (row, col, el) => {
        const key = `${row}:${col}`;
        if (el) inputs.current.set(key, el);
        else inputs.current.delete(key);
      },
      onMouseDown: (e) => {
        // As in a spreadsheet: the first click selects the cell (typing or a scanner replaces its
        // text); a click in the cell already selected puts the caret there (editing).
        const el = e.currentTarget;
        if (document.activeElement !== el) {
          e.preventDefault();
          el.focus();
        } else active.current = { ...active.current, mode: 'edit' };
      },
      onFocus: (row, col, e: FocusEvent<HTMLInputElement>) => {
        active.current = { row, col, mode: 'nav' };
        origin.current = e.currentTarget.value;
        e.currentTarget.select();
      },
      onChange: (id, field, text) => {
        active.current = { ...active.current, mode: 'edit' };
        edit(id, field, text);
      },
      onBlur: (id) => flush(id),
      onKeyDown: (row, col, e: KeyboardEvent<HTMLInputElement>) => {
        if (e.nativeEvent.isComposing) return;
        const here: GridState = { ...active.current, row, col };
        const out = gridKey(here, e, size);
        if (out.preventDefault) e.preventDefault();
        const a = editable[row];
        if (!a) return;
        if (out.revert) edit(a.id, EDITABLE_FIELDS[col]!, origin.current);
        if (out.commit) flush(a.id);
        active.current = out.state;
        if (out.submit) {
          e.stopPropagation();
          openConfirm();
          return;
        }
        if (out.state.row !== row || out.state.col !== col) focusCell(out.state.row, out.state.col);
        else if (out.state.mode === 'edit' && e.key === 'F2') {
          const el = e.currentTarget;
          el.setSelectionRange(el.value.length, el.value.length);
        } else if (out.commit && out.preventDefault) {
          // Enter on the last row: stay, confirmed, with the text selected for the next value.
          origin.current = e.currentTarget.value;
          e.currentTarget.select();
        } else if (out.revert) {
          const el = e.currentTarget;
          requestAnimationFrame(() => el.select());
        }
      },
      onPaste: (row, col, e: ClipboardEvent<HTMLInputElement>) => {
        const block = parsePaste(e.clipboardData.getData('text/plain'));
        if (!block) return; // one value: the ordinary paste into this cell
        e.preventDefault();
        const { writes, dropped } = pasteWrites({ row, col }, block, size);
        for (const w of writes) {
          const a = editable[w.row];
          if (a) edit(a.id, EDITABLE_FIELDS[w.col]!, w.text);
        }
        setPasteNote(dropped);
        const last = writes[writes.length - 1];
        if (last) requestAnimationFrame(() => focusCell(last.row, col));
      },
    }),
    [edit, flush, size, editable, focusCell, openConfirm],
  );

  const onPanelKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !confirmOpen) {
      e.preventDefault();
      openConfirm();
    }
  };

  if (editable.length === 0 && rows.sent.length === 0) {
    return (
      <Alert color="blue" title={t('emptyTitle')} m="md">
        {t('emptyBody')}
      </Alert>
    );
  }

  const disabledReason =
    ready.invalid > 0
      ? t('submitDisabledInvalid')
      : ready.missing > 0
        ? t('submitDisabledMissing', { count: ready.missing })
        : null;

  return (
    <Stack gap="xs" p="md" onKeyDown={onPanelKey}>
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Group gap="sm" wrap="nowrap">
          <Title order={3} size="h5">
            {t('title')}
          </Title>
          {editable.length > 0 ? (
            <>
              <Badge
                variant="light"
                color={ready.missing === 0 ? 'green' : 'gray'}
                c={ready.missing === 0 ? 'teal.9' : 'gray.8'}
                size="lg"
                radius="sm"
                tt="none"
              >
                {t('progress', { filled, total: editable.length })}
              </Badge>
              {ready.invalid > 0 ? (
                <Badge variant="light" color="red" c="red.9" size="lg" radius="sm" tt="none">
                  {t('invalidCount', { count: ready.invalid })}
                </Badge>
              ) : null}
              {ready.notMet.length > 0 ? (
                <Badge variant="outline" color="red" c="red.9" size="lg" radius="sm" tt="none">
                  ✗ {t('notMetCount', { count: ready.notMet.length })}
                </Badge>
              ) : null}
            </>
          ) : null}
        </Group>
        {editable.length > 0 ? (
          <Group gap="xs" wrap="nowrap">
            {disabledReason ? (
              <Text size="xs" c="gray.7" id="submit-reason">
                {disabledReason}
              </Text>
            ) : null}
            <Tooltip label={`${t('submit')} (${t('submitShortcut')})`}>
              <Button
                leftSection={<IconSend size={16} />}
                onClick={openConfirm}
                disabled={!ready.complete}
                aria-describedby={disabledReason ? 'submit-reason' : undefined}
              >
                {t('submit')}&nbsp;
                <Kbd size="xs">{t('submitShortcut')}</Kbd>
              </Button>
            </Tooltip>
          </Group>
        ) : null}
      </Group>

      {editable.length === 0 ? (
        <Alert color="green" title={t('allSentTitle')}>
          {t('allSentBody')}
        </Alert>
      ) : (
        <Table
          layout="fixed"
          withTableBorder
          highlightOnHover={false}
          verticalSpacing={4}
          horizontalSpacing={6}
          aria-label={t('gridLabel')}
        >
          <Table.Thead>
            <Table.Tr>
              {(
                [
                  'parameter',
                  'method',
                  'unit',
                  'requirement',
                  'detectionLimit',
                  'value',
                  'mark',
                  'uncertainty',
                  'notes',
                  'status',
                ] as const
              ).map((c, i) => (
                <Table.Th
                  key={c}
                  w={HEADER_WIDTHS[i]}
                  className={
                    c === 'detectionLimit' || c === 'value' || c === 'uncertainty' ? 'num' : undefined
                  }
                  style={c === 'mark' ? { textAlign: 'center' } : undefined}
                >
                  <Text size="xs" fw={700}>
                    {t(`col.${c}`)}
                  </Text>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {editable.map((a, i) => {
              const d = drafts[a.id];
              if (!d) return null;
              return (
                <ResultGridRow
                  key={a.id}
                  analysis={a}
                  row={i}
                  draft={d}
                  savedAt={lastSavedAt(a, changes)}
                  refused={refusedSave(a.id, changes)}
                  handlers={handlers}
                />
              );
            })}
          </Table.Tbody>
        </Table>
      )}

      {editable.length > 0 ? (
        <Text size="xs" c="gray.7">
          {t('keysHint')}
        </Text>
      ) : null}
      {pasteNote > 0 ? (
        <Text size="xs" c="gray.8" role="status">
          {t('pasteDropped', { count: pasteNote })}
        </Text>
      ) : null}
      {rows.others > 0 ? (
        <Text size="xs" c="gray.7">
          {t('othersNote', { count: rows.others })}
        </Text>
      ) : null}

      <SentRows analyses={rows.sent} />

      <SubmitConfirm
        opened={confirmOpen}
        count={editable.length}
        readiness={ready}
        drafts={draftState}
        sending={submit.isPending}
        error={submit.error}
        onSend={send}
        onClose={() => setConfirmOpen(false)}
      />
    </Stack>
  );
}
