/**
 * The records calls (shared/bridge/records-calls.ts) through the bridge, against the real server:
 * a register read for a period holds the orders of that period and nothing outside it; an empty
 * period is an empty register; a role the table leaves out is refused and the session stays; an
 * export is saved by the host as a real XLSX or PDF file next to (never over) an earlier one; an
 * unreachable server answers `offline` and writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import ExcelJS from 'exceljs';
import { RECORD_CALLS, type SavedExport } from '../../../shared/bridge/records-calls';
import type { OrderRegister, RevenueReport } from '../../../shared/api/records';
import { USERS } from '../../integration/server/flow';
import { bridgesOnTestServer, expectOnlineWithSession, whileUnreachable } from './on-test-server';

const env = bridgesOnTestServer();
let exportsDir: string;
const previousExportDir = process.env.SIPPT_EXPORT_DIR;

/** The WIB calendar date of an instant. */
const wibDate = (iso: string) => new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 10);

beforeAll(() => {
  exportsDir = `${env.dir}/Unduhan`;
  process.env.SIPPT_EXPORT_DIR = exportsDir;
});
afterAll(() => {
  if (previousExportDir === undefined) delete process.env.SIPPT_EXPORT_DIR;
  else process.env.SIPPT_EXPORT_DIR = previousExportDir;
});

describe('records calls', () => {
  it('are in the contract, marked online, each needing a session', () => {
    expectOnlineWithSession(RECORD_CALLS);
  });

  it('CS reads the order register of a period: the orders submitted in it, none outside; an empty period is empty', async () => {
    const a = await env.flow.submit();
    const b = await env.flow.submit();
    const day = wibDate(a.submittedAt);
    const cs = await env.desktopAs(USERS.cs);
    const reg = await cs.call<OrderRegister>('online.records.get', { kind: 'orders', from: day, to: day });
    expect(reg.kind).toBe('orders');
    expect(reg.period).toMatchObject({ from: day, to: day, timeZone: 'WIB' });
    const ids = reg.rows.map((r) => r.orderId);
    expect(ids).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(reg.totals.orders).toBe(reg.rows.length);
    expect(reg.rows.find((r) => r.orderId === a.id)).toMatchObject({
      customerName: expect.any(String),
      sampleCount: 2,
      status: 'submitted',
    });

    const empty = await cs.call<OrderRegister>('online.records.get', {
      kind: 'orders',
      from: '2001-01-01',
      to: '2001-01-31',
    });
    expect(empty.rows).toEqual([]);
    expect(empty.totals.orders).toBe(0);
  });

  it('Bendahara reads the revenue but not the SOP performance: refused, and the session stays', async () => {
    const bendahara = await env.desktopAs(USERS.bendahara);
    const today = wibDate(env.server.clock.now().toISOString());
    const rev = await bendahara.call<RevenueReport>('online.records.get', {
      kind: 'revenue',
      from: today,
      to: today,
    });
    expect(rev.kind).toBe('revenue');
    const err = await bendahara.fails('online.records.get', { kind: 'performance', from: today, to: today });
    expect(err.code).toBe('forbidden');
    expect(bendahara.core.signedIn).toBe(true);
  });

  it('refuses a period that ends before it starts, and one longer than a year, saying what to fix', async () => {
    const cs = await env.desktopAs(USERS.cs);
    const backwards = await cs.fails('online.records.get', {
      kind: 'orders',
      from: '2026-03-31',
      to: '2026-03-01',
    });
    expect(backwards.code).toBe('invalid_payload');
    expect(backwards.message.id).toContain('tanggal awal');
    const long = await cs.fails('online.records.get', {
      kind: 'orders',
      from: '2024-01-01',
      to: '2025-12-31',
    });
    expect(long.message.en).toMatch(/366 days/);
  });

  it('saves an XLSX export that opens and holds the register, next to (not over) an earlier one; a PDF too', async () => {
    const o = await env.flow.submit();
    const day = wibDate(o.submittedAt);
    const cs = await env.desktopAs(USERS.cs);
    const first = await cs.call<SavedExport>('online.records.export', {
      kind: 'orders',
      from: day,
      to: day,
      format: 'xlsx',
    });
    expect(dirname(first.path)).toBe(exportsDir);
    expect(first.fileName).toMatch(/\.xlsx$/);
    expect(first.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const bytes = readFileSync(first.path);
    expect(bytes.byteLength).toBe(first.size);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = wb.worksheets.find((w) => w.name !== 'Ringkasan')!;
    // The same figures as the JSON register of that period: one numbered line per order, and the total.
    const reg = await cs.call<OrderRegister>('online.records.get', { kind: 'orders', from: day, to: day });
    const lines: (string | number | null)[][] = [];
    sheet.eachRow((row) => lines.push((row.values as (string | number | null)[]).slice(1)));
    const numbered = lines.filter((l) => typeof l[0] === 'number');
    expect(numbered).toHaveLength(reg.rows.length);
    expect(numbered.map((l) => l[3])).toEqual(reg.rows.map((r) => r.customerName));
    expect(lines.at(-1)).toContain(reg.totals.amount);

    const again = await cs.call<SavedExport>('online.records.export', {
      kind: 'orders',
      from: day,
      to: day,
      format: 'xlsx',
    });
    expect(again.path).not.toBe(first.path);
    expect(basename(again.path)).toMatch(/ \(2\)\.xlsx$/);
    expect(readFileSync(first.path).equals(bytes)).toBe(true);

    const pdf = await cs.call<SavedExport>('online.records.export', {
      kind: 'orders',
      from: day,
      to: day,
      format: 'pdf',
    });
    expect(readFileSync(pdf.path).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('answers offline when the server cannot be reached, and writes nothing', async () => {
    const cs = await env.desktopAs(USERS.cs);
    const before = existsSync(exportsDir) ? readdirSync(exportsDir).length : 0;
    const err = await whileUnreachable(cs.core, () =>
      cs.fails('online.records.export', {
        kind: 'orders',
        from: '2026-03-01',
        to: '2026-03-31',
        format: 'xlsx',
      }),
    );
    expect(err.code).toBe('offline');
    expect(existsSync(exportsDir) ? readdirSync(exportsDir).length : 0).toBe(before);
    expect(cs.core.signedIn).toBe(true);
  });
});
