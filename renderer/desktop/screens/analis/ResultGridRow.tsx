/**
 * One parameter of the grid: the read-only facts beside the value (method, unit, requirement,
 * detection limit), the two editable cells, the live mark and the save status. A problem with the
 * value or its save shows as one line under the row, tied to the cell for screen readers.
 */
import { memo, type ClipboardEvent, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QueuedCommandView } from '../../../../shared/bridge';
import type { Analysis } from '../../../../shared/domain/entities';
import { formatNumberId, formatRequirement } from '../../../../shared/elhu/judgment';
import { errorText, msg } from '../../../lib/message';
import { formatTime } from '../../../lib/format';
import { DashCell } from './DashCell';
import { MarkCell } from './MarkCell';
import { readResultText } from './result-reading';
import { readUncertaintyText, uncertaintyText } from '../../../../shared/elhu/uncertainty-text';
import { isDirty, type DraftField, type RowDraft } from './use-result-drafts';

export const COLUMN_COUNT = 10;
/** The line under a row spans the columns up to Hasil and ends under that cell: one line, next to it. */
const PROBLEM_COLUMNS = 6;
/** The editable columns, in Tab order. */
export const EDITABLE_FIELDS: readonly DraftField[] = ['value', 'uncertainty', 'notes'];

/** The method's detection limit, from the catalog (not a limit the analyst wrote as "<0,05"). */
export function detectionLimitOf(a: Analysis): number | null {
  return a.detectionLimit ?? null;
}

export interface CellHandlers {
  onKeyDown: (row: number, col: number, e: KeyboardEvent<HTMLInputElement>) => void;
  onFocus: (row: number, col: number, e: FocusEvent<HTMLInputElement>) => void;
  onMouseDown: (e: MouseEvent<HTMLInputElement>) => void;
  onChange: (analysisId: string, field: DraftField, text: string) => void;
  onBlur: (analysisId: string) => void;
  onPaste: (row: number, col: number, e: ClipboardEvent<HTMLInputElement>) => void;
  register: (row: number, col: number, el: HTMLInputElement | null) => void;
}

interface Props {
  analysis: Analysis;
  row: number;
  draft: RowDraft;
  savedAt: string | null;
  refused: QueuedCommandView | null;
  handlers: CellHandlers;
}

function StatusText({
  draft,
  savedAt,
  invalid,
}: {
  draft: RowDraft;
  savedAt: string | null;
  invalid: boolean;
}) {
  const { t, i18n } = useTranslation('analis');
  const lang = i18n.language;
  if (draft.saving)
    return (
      <Text size="xs" c="gray.7">
        {t('status.saving')}
      </Text>
    );
  if (draft.error)
    return (
      <Text size="xs" c="red.9" fw={600} style={{ whiteSpace: 'nowrap' }}>
        {t('status.failed')}
      </Text>
    );
  if (isDirty(draft)) {
    const why =
      draft.value.trim() === ''
        ? t('status.notSavedEmpty')
        : invalid
          ? t('status.notSavedInvalid')
          : t('status.typing');
    return (
      <Text size="xs" c={invalid ? 'red.9' : 'gray.8'} style={{ whiteSpace: 'nowrap' }}>
        {why}
      </Text>
    );
  }
  if (draft.value.trim() === '')
    return (
      <Text size="xs" c="gray.7">
        {t('status.empty')}
      </Text>
    );
  const at = draft.savedAt ?? savedAt;
  return (
    <Text size="xs" c="teal.9" style={{ whiteSpace: 'nowrap' }}>
      {at ? t('status.saved', { time: formatTime(at, lang) }) : t('status.saved', { time: '' }).trim()}
    </Text>
  );
}

export const ResultGridRow = memo(function ResultGridRow({
  analysis: a,
  row,
  draft,
  savedAt,
  refused,
  handlers,
}: Props) {
  const { t, i18n } = useTranslation('analis');
  const lang = i18n.language;
  const reading = readResultText(draft.value, a);
  const u = readUncertaintyText(draft.uncertainty, a.uncertainty?.coverageFactor ?? null);
  const invalid = reading.kind === 'invalid';
  const uInvalid = u.kind === 'invalid';
  const lod = detectionLimitOf(a);
  const req = formatRequirement(a.requirement);
  const markId = `mark-${a.id}`;
  const problemId = `problem-${a.id}`;
  const problems: string[] = [];
  if (reading.kind === 'invalid') problems.push(msg(reading.message, lang));
  if (u.kind === 'invalid') problems.push(msg(u.message, lang));
  if (draft.error) problems.push(t('saveFailed', { error: errorText(draft.error, lang) }));
  if (refused)
    problems.push(t('refused', { reason: msg(refused.rejection?.message, lang) || refused.lastError || '' }));

  const cell = (col: number, field: DraftField) => ({
    ref: (el: HTMLInputElement | null) => handlers.register(row, col, el),
    value: draft[field],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) =>
      handlers.onChange(a.id, field, e.currentTarget.value),
    onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => handlers.onKeyDown(row, col, e),
    onFocus: (e: FocusEvent<HTMLInputElement>) => handlers.onFocus(row, col, e),
    onMouseDown: handlers.onMouseDown,
    onBlur: () => handlers.onBlur(a.id),
    onPaste: (e: ClipboardEvent<HTMLInputElement>) => handlers.onPaste(row, col, e),
    'data-row': row,
    'data-col': col,
    size: 'xs' as const,
    autoComplete: 'off',
    spellCheck: false,
  });

  return (
    <>
      <Table.Tr data-analysis={a.id} data-invalid={invalid || undefined}>
        <Table.Td>
          <Text size="sm" fw={500} lineClamp={2} title={a.parameterName}>
            {a.parameterName}
          </Text>
        </Table.Td>
        <Table.Td>
          <Text size="xs" c="gray.7" lineClamp={2} title={a.method}>
            {a.method}
          </Text>
        </Table.Td>
        <DashCell text={a.unit} />
        <DashCell text={req} title={a.requirement?.source ?? undefined} />
        <DashCell text={lod !== null ? formatNumberId(lod) : null} className="num" />
        <Table.Td>
          <TextInput
            {...cell(0, 'value')}
            type="text"
            inputMode="decimal"
            aria-label={t('valueLabel', { parameter: a.parameterName })}
            aria-invalid={invalid || undefined}
            aria-describedby={problems.length > 0 ? `${markId} ${problemId}` : markId}
            error={invalid || Boolean(draft.error)}
            // Mantine colours an input in error light red (too faint at 13 px): keep the text dark red.
            styles={{
              input: {
                textAlign: 'right',
                fontVariantNumeric: 'tabular-nums',
                fontWeight: 600,
                color: invalid ? 'var(--mantine-color-red-9)' : undefined,
              },
            }}
          />
        </Table.Td>
        <Table.Td>
          <MarkCell reading={reading} requirement={a.requirement} id={markId} />
        </Table.Td>
        <Table.Td>
          <TextInput
            {...cell(1, 'uncertainty')}
            type="text"
            inputMode="decimal"
            // Empty: the method's U from the catalog applies, shown as the placeholder.
            placeholder={uncertaintyText(a.uncertainty) || undefined}
            aria-label={t('uncertaintyLabel', { parameter: a.parameterName })}
            aria-invalid={uInvalid || undefined}
            aria-describedby={problems.length > 0 ? problemId : undefined}
            error={uInvalid}
            styles={{
              input: {
                textAlign: 'right',
                fontVariantNumeric: 'tabular-nums',
                color: uInvalid ? 'var(--mantine-color-red-9)' : undefined,
              },
            }}
          />
        </Table.Td>
        <Table.Td>
          <TextInput
            {...cell(2, 'notes')}
            type="text"
            aria-label={t('notesLabel', { parameter: a.parameterName })}
          />
        </Table.Td>
        <Table.Td>
          <StatusText draft={draft} savedAt={savedAt} invalid={invalid || uInvalid} />
        </Table.Td>
      </Table.Tr>
      {problems.length > 0 ? (
        <Table.Tr className="result-problem">
          <Table.Td colSpan={PROBLEM_COLUMNS} pt={0}>
            <Text id={problemId} size="xs" c="red.9" role="status" ta="right">
              {problems.join(' ')}
            </Text>
          </Table.Td>
          <Table.Td colSpan={COLUMN_COUNT - PROBLEM_COLUMNS} p={0} />
        </Table.Tr>
      ) : null}
    </>
  );
});
