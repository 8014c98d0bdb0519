/**
 * The kinds of column the records' tables are made of, so each register lists only its headers
 * and values: a row's leading number in bold, identifiers and dates on one line in tabular
 * figures, long names cut to one line (the whole on hover), counts and rupiah right-aligned.
 */
import type { ReactNode } from 'react';
import { Text } from '@mantine/core';
import { formatNumber, formatRupiah } from '../../../lib/format';
import type { RecordColumn } from './RecordTable';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** A name on one line (rows stay about 32 px), the whole of it on hover. */
export function OneLine({ text, w }: { text: string; w: number }) {
  return (
    <Text size="13px" truncate="end" maw={w} title={text}>
      {text}
    </Text>
  );
}

/** An identifier or a date in tabular figures, never wrapped; a dash where there is none. */
export function Code({ text, title }: { text: string | null | undefined; title?: string }) {
  return (
    <span className="num" style={NOWRAP} title={title}>
      {text ?? '—'}
    </span>
  );
}

/** The number that names the row (order, sample, LHU), in bold. */
export function leadColumn<T>(
  id: string,
  header: string,
  value: (row: T) => string,
  minWidth?: number,
): RecordColumn<T> {
  return {
    id,
    header,
    minWidth,
    cell: (x) => (
      <Text size="13px" fw={600} className="num" style={NOWRAP}>
        {value(x)}
      </Text>
    ),
  };
}

export function codeColumn<T>(
  id: string,
  header: string,
  value: (row: T) => string | null | undefined,
  minWidth?: number,
): RecordColumn<T> {
  return { id, header, minWidth, cell: (x) => <Code text={value(x)} /> };
}

/** A name cut to `w` px, at least `minWidth` wide. */
export function nameColumn<T>(
  id: string,
  header: string,
  [minWidth, w]: [number, number],
  value: (row: T) => string,
): RecordColumn<T> {
  return { id, header, minWidth, cell: (x) => <OneLine text={value(x)} w={w} /> };
}

/** Right-aligned (the table sets tabular figures on it). */
export function rightColumn<T>(id: string, header: string, cell: (row: T) => ReactNode): RecordColumn<T> {
  return { id, header, align: 'right', cell };
}

export function countColumn<T>(
  id: string,
  header: string,
  value: (row: T) => number,
  lang: string,
): RecordColumn<T> {
  return rightColumn(id, header, (x) => formatNumber(value(x), lang));
}

export function rupiahColumn<T>(id: string, header: string, value: (row: T) => number): RecordColumn<T> {
  return rightColumn(id, header, (x) => formatRupiah(value(x)));
}
