import { DEFAULT_NUMBER_FORMATS, formatNumber, numberingYear, type NumberKind } from '../../shared/numbering';
import type { DialectName } from '../db/connect';
import type { Trx } from '../db/schema';

/**
 * Order, sample and LHU numbers: one sequence per unit, kind and year. A number is *reserved*
 * inside the command's transaction (the sequence row is locked on PostgreSQL, SQLite transactions
 * are serialised) and *taken* only when the command is accepted, so a rejected command leaves no
 * gap and two server processes never hand out the same number.
 */
export interface Reservation {
  number: string;
  take(): Promise<void>;
}

export async function numberFormats(trx: Trx, unit: string): Promise<Record<NumberKind, string>> {
  const row = await trx
    .selectFrom('units')
    .select('number_formats')
    .where('code', '=', unit)
    .executeTakeFirst();
  const custom = row ? (JSON.parse(row.number_formats) as Partial<Record<NumberKind, string>>) : {};
  return { ...DEFAULT_NUMBER_FORMATS, ...custom };
}

export async function reserveNumber(
  trx: Trx,
  dialect: DialectName,
  unit: string,
  kind: NumberKind,
  now: Date,
  utcOffsetMinutes: number,
): Promise<Reservation> {
  const { year, month } = numberingYear(now, utcOffsetMinutes);
  await trx
    .insertInto('sequences')
    .values({ unit, kind, year, last: 0 })
    .onConflict((oc) => oc.columns(['unit', 'kind', 'year']).doNothing())
    .execute();
  let q = trx
    .selectFrom('sequences')
    .select('last')
    .where('unit', '=', unit)
    .where('kind', '=', kind)
    .where('year', '=', year);
  if (dialect === 'postgres') q = q.forUpdate();
  const { last } = await q.executeTakeFirstOrThrow();
  const formats = await numberFormats(trx, unit);
  const seq = last + 1;
  const number = formatNumber(formats[kind], { unit, year, month, seq });
  return {
    number,
    async take() {
      const res = await trx
        .updateTable('sequences')
        .set({ last: seq })
        .where('unit', '=', unit)
        .where('kind', '=', kind)
        .where('year', '=', year)
        .where('last', '=', last)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1)
        throw new Error(`sequence ${unit}/${kind}/${year} moved under a held lock`);
    },
  };
}
