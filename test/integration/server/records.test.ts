/**
 * Records and reports (GET /api/v1/records/*): on the demo Balai (server/demo-orders.ts: orders at
 * every step over the past weeks, with controlled times) plus orders walked to "finished" here with
 * a late tariff approval and their surveys, the JSON figures equal the ones computed here straight
 * from the database (counts, sums, medians and 90th percentiles, the IKM); the XLSX opens with
 * exceljs and holds the same figures; the PDF parses with pdf-lib and pdftotext shows the figures;
 * customers and the lab's roles are refused.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  IkmResponseSchema,
  OrderRegisterResponseSchema,
  PerformanceResponseSchema,
  ReportRegisterResponseSchema,
  RevenueResponseSchema,
  SampleRegisterResponseSchema,
} from '../../../shared/api/records';
import type { Order } from '../../../shared/domain/entities';
import { stepTimings, type StepTiming } from '../../../shared/sla';
import { describeEachDialect, startDemoOrdersServer, type TestServer } from './harness';
import { Flow, namedScores, ok, USERS } from './flow';

const MIN = 60_000;
const DAY = 86_400_000;
/** The WIB calendar date of an instant, computed here on its own. */
const wibDate = (at: string) => new Date(Date.parse(at) + 7 * 3_600_000).toISOString().slice(0, 10);
const inRange = (at: string | null | undefined, from: string, to: string) =>
  !!at && wibDate(at) >= from && wibDate(at) <= to;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const sortNum = (xs: number[]) => [...xs].sort((a, b) => a - b);
const med = (xs: number[]) => {
  if (xs.length === 0) return null;
  const s = sortNum(xs);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const p90 = (xs: number[]) => (xs.length === 0 ? null : sortNum(xs)[Math.ceil(0.9 * xs.length) - 1]!);
const active = (o: Order) =>
  o.samples.flatMap((s) => s.analyses.filter((a) => a.status !== 'retest').map((a) => ({ s, a })));
const fmtInt = (n: number) => new Intl.NumberFormat('id-ID').format(n);

describeEachDialect('records and reports', (dialect) => {
  let s: TestServer;
  let flow: Flow;
  let from: string;
  let to: string;
  const SURVEYS = [
    [4, 4, 4, 4, 3, 4, 4, 4, 4],
    [3, 3, 2, 3, 3, 4, 3, 3, 3],
  ];

  beforeAll(async () => {
    s = (await startDemoOrdersServer(dialect)).server;
    flow = new Flow(s);
    // Two orders walked to the end here: the tariff approved 25 minutes late (over its 10), surveys given.
    for (const scores of SURVEYS) {
      const o = await flow.submit(USERS.customer, flow.oneSample());
      await flow.validate(o.id);
      s.clock.advance(25 * MIN);
      await flow.approveTariff(o.id);
      await flow.requestBilling(o.id);
      await flow.issueBilling(o.id);
      const billed = await flow.order(o.id);
      expect(
        (
          await flow.notifyPayment(
            billed.billings[0]!.code,
            `NTPN${o.id.replace(/-/g, '').slice(0, 12).toUpperCase()}`,
          )
        ).status,
      ).toBe(200);
      await flow.sampleTo(o.id, 0, 'released');
      ok(
        await s
          .as(USERS.customer)
          .post(`orders/${o.id}/survey`, { scores: namedScores(scores), comment: 'Terima kasih.' }),
      );
      ok(await s.as(USERS.customer).post(`orders/${o.id}/finish`));
    }
    to = wibDate(s.clock.now().toISOString());
    from = wibDate(new Date(s.clock.now().getTime() - 120 * DAY).toISOString());
  }, 180_000);
  afterAll(async () => s?.close());

  const get = (who: string, kind: string, q: string) => s.as(who).get(`records/${kind}?${q}`);
  const period = (f = from, t = to) => `from=${f}&to=${t}`;

  /** Every order as stored. */
  const storedOrders = async (): Promise<Order[]> =>
    (await s.handle.db.selectFrom('order_data').select('data').execute()).map(
      (r) => JSON.parse(r.data) as Order,
    );
  const customerNames = async () =>
    new Map(
      (await s.handle.db.selectFrom('customers').select(['id', 'company_name']).execute()).map((c) => [
        c.id,
        c.company_name,
      ]),
    );
  const typeLabs = async () =>
    new Map(
      (await s.handle.db.selectFrom('sample_types').select(['id', 'lab_id']).execute()).map((t) => [
        t.id,
        t.lab_id,
      ]),
    );

  /** Step timings from the audit trail: per order, and per customer account. */
  const timingsFromAudit = async (): Promise<(StepTiming & { orderId: string | null })[]> => {
    const rows = await s.handle.db
      .selectFrom('audit_log')
      .select(['order_id', 'entity', 'entity_id', 'at', 'step', 'sample_id'])
      .orderBy('seq')
      .orderBy('idx')
      .execute();
    const flows = new Map<
      string,
      { at: string; step: number | null; sampleId: string | null; entity: 'account' | 'order' }[]
    >();
    for (const r of rows) {
      const key = r.order_id ? `o:${r.order_id}` : r.entity === 'account' ? `a:${r.entity_id}` : null;
      if (!key) continue;
      const list = flows.get(key) ?? [];
      flows.set(key, list);
      list.push({ at: r.at, step: r.step, sampleId: r.sample_id, entity: r.entity as 'order' });
    }
    return [...flows].flatMap(([key, events]) =>
      stepTimings(events).map((t) => ({ ...t, orderId: key.startsWith('o:') ? key.slice(2) : null })),
    );
  };

  describe('JSON figures match the database', () => {
    for (const [label, f, t] of [
      ['the whole seeded period', () => from, () => to],
      [
        'a window of the past weeks (boundaries)',
        () => wibDate(new Date(s.clock.now().getTime() - 20 * DAY).toISOString()),
        () => wibDate(new Date(s.clock.now().getTime() - 2 * DAY).toISOString()),
      ],
    ] as const) {
      it(`order, sample and LHU registers: ${label}`, async () => {
        const [a, b] = [f(), t()];
        const orders = await storedOrders();
        const names = await customerNames();

        const reg = OrderRegisterResponseSchema.parse(ok(await get(USERS.cs, 'orders', period(a, b))));
        const expected = orders.filter((o) => inRange(o.submittedAt, a, b));
        expect(expected.length).toBeGreaterThan(0);
        expect(reg.rows.map((r) => r.orderId).sort()).toEqual(expected.map((o) => o.id).sort());
        expect(reg.totals.orders).toBe(expected.length);
        expect(reg.totals.samples).toBe(sum(expected.map((o) => o.samples.length)));
        expect(reg.totals.amount).toBe(
          sum(expected.map((o) => o.tariffTotal ?? sum(active(o).map((x) => x.a.tariff)))),
        );
        for (const r of reg.rows) expect(r.customerName).toBe(names.get(r.customerId));
        // Oldest first.
        expect(reg.rows.map((r) => r.submittedAt)).toEqual(
          [...reg.rows.map((r) => r.submittedAt)].sort((x, y) => Date.parse(x) - Date.parse(y)),
        );

        const samples = SampleRegisterResponseSchema.parse(ok(await get(USERS.cs, 'samples', period(a, b))));
        const expSamples = orders.flatMap((o) => o.samples.filter((x) => inRange(x.receivedAt, a, b)));
        expect(samples.rows.map((r) => r.sampleId).sort()).toEqual(expSamples.map((x) => x.id).sort());
        expect(samples.totals.parameters).toBe(
          sum(expSamples.map((x) => x.analyses.filter((an) => an.status !== 'retest').length)),
        );
        for (const r of samples.rows)
          expect(r.number).toBe(expSamples.find((x) => x.id === r.sampleId)!.number);

        const lhu = ReportRegisterResponseSchema.parse(ok(await get(USERS.ketua, 'reports', period(a, b))));
        const expReports = orders.flatMap((o) =>
          o.samples.flatMap((x) => x.reports.filter((r) => inRange(r.numberedAt, a, b))),
        );
        expect(lhu.rows.map((r) => r.number).sort()).toEqual(expReports.map((r) => r.number).sort());
        // The numbers are the ones the reports table holds.
        const table = new Map(
          (await s.handle.db.selectFrom('reports').select(['id', 'number']).execute()).map((r) => [
            r.id,
            r.number,
          ]),
        );
        for (const r of lhu.rows) expect(table.get(r.reportId)).toBe(r.number);
      });
    }

    it('PNBP revenue: paid e-billings of the period, by lab and by parameter', async () => {
      const orders = (await storedOrders()).filter((o) =>
        o.billings.some((b) => b.status === 'paid' && inRange(b.paidAt, from, to)),
      );
      expect(orders.length).toBeGreaterThanOrEqual(3);
      const rev = RevenueResponseSchema.parse(ok(await get(USERS.bendahara, 'revenue', period())));
      expect(rev.totals.orders).toBe(orders.length);
      expect(rev.totals.billed).toBe(
        sum(orders.map((o) => o.billings.find((b) => b.status === 'paid')!.amount)),
      );
      const lines = orders.flatMap(active);
      expect(rev.totals.amount).toBe(sum(lines.map((x) => x.a.tariff)));
      expect(rev.totals.amount).toBe(rev.totals.billed);
      const labs = await typeLabs();
      const byLab = new Map<string, number>();
      for (const { s: smp, a } of lines) {
        const lab = smp.labId ?? labs.get(smp.sampleTypeId)!;
        byLab.set(lab, (byLab.get(lab) ?? 0) + a.tariff);
      }
      expect(Object.fromEntries(rev.byLab.map((l) => [l.labId, l.amount]))).toEqual(
        Object.fromEntries(byLab),
      );
      const byParam = new Map<string, { count: number; amount: number }>();
      for (const { a } of lines) {
        const p = byParam.get(a.parameterId) ?? { count: 0, amount: 0 };
        byParam.set(a.parameterId, { count: p.count + 1, amount: p.amount + a.tariff });
      }
      expect(
        Object.fromEntries(rev.byParameter.map((p) => [p.parameterId, { count: p.count, amount: p.amount }])),
      ).toEqual(Object.fromEntries(byParam));
      for (const x of [...rev.byLab, ...rev.byParameter, ...rev.payments])
        expect(Number.isInteger(x.amount)).toBe(true);
    });

    it('SOP performance: per step count, median, P90 and overruns from the audit trail', async () => {
      const perf = PerformanceResponseSchema.parse(ok(await get(USERS.admin, 'performance', period())));
      const timings = (await timingsFromAudit()).filter((t) => inRange(t.finishedAt, from, to));
      for (const step of perf.steps) {
        const mine = timings.filter((t) => t.step === step.step);
        // A customer's registration and first order start where nothing is recorded: counted, not timed.
        const values = mine
          .filter((t) => !((t.step === 2 || t.step === 4) && t.startedAt === t.finishedAt))
          .map((t) => t.actual);
        expect({
          step: step.step,
          count: step.count,
          measured: step.measured,
          median: step.median,
          p90: step.p90,
          over: step.over,
        }).toEqual({
          step: step.step,
          count: mine.length,
          measured: values.length,
          median: med(values),
          p90: p90(values),
          over: mine.filter((t) => t.over).length,
        });
      }
      expect(perf.steps[0]!.count).toBe(0);
      expect([perf.steps[1]!.count > 0, perf.steps[1]!.measured, perf.steps[1]!.median]).toEqual([
        true,
        0,
        null,
      ]);
      // The demo's late activations (50 min against 10) and the tariffs approved late here.
      expect(perf.steps[2]!.over).toBeGreaterThan(0);
      expect(perf.steps[5]!.over).toBeGreaterThanOrEqual(2);
      expect(perf.steps[13]!.unit).toBe('working_days');
      expect(perf.overruns).toHaveLength(timings.filter((t) => t.over).length);
      const late = perf.overruns.filter((o) => o.step === 6);
      expect(late.every((o) => o.actual > 10 && o.standard === 10 && o.orderNumber !== null)).toBe(true);
      expect(perf.totals.ordersOver).toBe(
        new Set(timings.filter((t) => t.over && t.orderId).map((t) => t.orderId)).size,
      );
    });

    it('IKM: index (mean of the nine elements x 25), its PermenPANRB category, per element and per month', async () => {
      const surveys = (await storedOrders())
        .filter((o) => o.survey && inRange(o.survey.submittedAt, from, to))
        .map((o) => o.survey!.scores);
      expect(surveys.length).toBeGreaterThanOrEqual(3);
      const ikm = IkmResponseSchema.parse(ok(await get(USERS.cs, 'ikm', period())));
      expect(ikm.count).toBe(surveys.length);
      const means = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => sum(surveys.map((x) => x[i]!)) / surveys.length);
      ikm.elements.forEach((e, i) => expect(e.mean).toBeCloseTo(means[i]!, 10));
      const index = Math.round((sum(means) / 9) * 25 * 100) / 100;
      expect(ikm.index).toBeCloseTo(index, 10);
      const grade = index >= 88.31 ? 'A' : index >= 76.61 ? 'B' : index >= 65 ? 'C' : 'D';
      expect(ikm.category?.grade).toBe(grade);
      expect(sum(ikm.byMonth.map((m) => m.count))).toBe(surveys.length);
      expect(ikm.responses).toHaveLength(surveys.length);
    });

    it('an empty period: empty registers, no IKM, every step with no figures', async () => {
      const q = period('2020-01-01', '2020-01-31');
      expect(ok(await get(USERS.cs, 'orders', q)).rows).toEqual([]);
      const ikm = ok(await get(USERS.cs, 'ikm', q));
      expect([ikm.count, ikm.index, ikm.category]).toEqual([0, null, null]);
      const perf = ok(await get(USERS.admin, 'performance', q));
      expect(
        perf.steps.every((x: { count: number; median: number | null }) => x.count === 0 && x.median === null),
      ).toBe(true);
      expect(perf.overruns).toEqual([]);
      const pdf = await get(USERS.admin, 'performance', `${q}&format=pdf`);
      expect(pdf.status).toBe(200);
      expect((await PDFDocument.load(pdf.raw)).getPageCount()).toBeGreaterThanOrEqual(1);
    });
  });

  describe('exports', () => {
    const xlsx = async (who: string, kind: string) => {
      const res = await get(who, kind, `${period()}&format=xlsx`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      expect(String(res.headers['content-disposition'])).toMatch(
        new RegExp(`attachment; filename=".+_${from}_${to}\\.xlsx"`),
      );
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.raw as unknown as ArrayBuffer);
      return wb;
    };
    /** The data rows of a table sheet (header on row 4, totals row last when `footer`). */
    const dataRows = (ws: ExcelJS.Worksheet, footer: boolean) => {
      const rows: ExcelJS.CellValue[][] = [];
      ws.eachRow((row, n) => {
        if (n > 4) rows.push((row.values as ExcelJS.CellValue[]).slice(1));
      });
      return footer ? rows.slice(0, -1) : rows;
    };

    it('the order register as XLSX: every order, the same totals, WIB date-times', async () => {
      const reg = ok(await get(USERS.cs, 'orders', period()));
      const wb = await xlsx(USERS.cs, 'orders');
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Ringkasan', 'Register Order']);
      const ws = wb.getWorksheet('Register Order')!;
      expect(ws.getRow(4).getCell(2).value).toBe('No. Order');
      const rows = dataRows(ws, true);
      expect(rows).toHaveLength(reg.rows.length);
      expect(sum(rows.map((r) => r[7] as number))).toBe(reg.totals.amount);
      expect(ws.lastRow!.getCell(8).value).toBe(reg.totals.amount);
      rows.forEach((r, i) => {
        expect(r[1]).toBe(reg.rows[i].number ?? '(belum bernomor)');
        // A spreadsheet has no time zone: the cell shows the WIB wall clock.
        expect((r[2] as Date).toISOString().slice(0, 16)).toBe(
          new Date(Date.parse(reg.rows[i].submittedAt) + 7 * 3_600_000).toISOString().slice(0, 16),
        );
      });
      const summary = wb.getWorksheet('Ringkasan')!;
      expect(summary.getCell('A1').value).toBe(reg.unit.name);
    });

    it('revenue, performance (with the chart data) and IKM as XLSX hold the JSON figures', async () => {
      const rev = ok(await get(USERS.bendahara, 'revenue', period()));
      const rwb = await xlsx(USERS.bendahara, 'revenue');
      const byLab = dataRows(rwb.getWorksheet('Per Laboratorium')!, true);
      expect(byLab.map((r) => [r[0], r[3]])).toEqual(
        rev.byLab.map((l: { labName: string; amount: number }) => [l.labName, l.amount]),
      );
      expect(sum(dataRows(rwb.getWorksheet('Per Parameter')!, true).map((r) => r[4] as number))).toBe(
        rev.totals.amount,
      );

      const perf = ok(await get(USERS.admin, 'performance', period()));
      const pwb = await xlsx(USERS.admin, 'performance');
      const steps = dataRows(pwb.getWorksheet('Kinerja per Langkah')!, true);
      expect(steps).toHaveLength(22);
      steps.forEach((r, i) => {
        expect(r[0]).toBe(i + 1);
        expect(r[5]).toBe(perf.steps[i].count);
        expect(r[6]).toBe(perf.steps[i].measured);
        expect(r[7] ?? null).toBe(perf.steps[i].median);
        expect(r[8] ?? null).toBe(perf.steps[i].p90);
        expect(r[11]).toBe(perf.steps[i].over);
      });
      expect(dataRows(pwb.getWorksheet('Melebihi Waktu Baku')!, false)).toHaveLength(perf.overruns.length);
      const chart = pwb.getWorksheet('Grafik')!;
      const charted = perf.steps.filter(
        (x: { standard: { unit: string }; measured: number }) => x.standard.unit !== 'none' && x.measured > 0,
      );
      const chartRows: ExcelJS.CellValue[][] = [];
      chart.eachRow((row, n) => {
        if (n >= 4 && typeof row.getCell(1).value === 'number')
          chartRows.push((row.values as ExcelJS.CellValue[]).slice(1));
      });
      expect(chartRows.map((r) => r[0])).toEqual(charted.map((x: { step: number }) => x.step));
      const step6 = perf.steps[5];
      expect(chartRows.find((r) => r[0] === 6)![1]).toBeCloseTo((step6.median / 10) * 100, 1);

      const ikm = ok(await get(USERS.cs, 'ikm', period()));
      const iwb = await xlsx(USERS.cs, 'ikm');
      const el = iwb.getWorksheet('Per Unsur')!;
      expect(el.lastRow!.getCell(4).value).toBe(ikm.index);
      expect(dataRows(iwb.getWorksheet('Responden')!, false)).toHaveLength(ikm.count);
    });

    it('the PDFs are valid A4 landscape with page x of y, and pdftotext shows the figures', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'sippt-records-'));
      try {
        const text = async (who: string, kind: string) => {
          const res = await get(who, kind, `${period()}&format=pdf`);
          expect(res.status).toBe(200);
          expect(res.headers['content-type']).toBe('application/pdf');
          const doc = await PDFDocument.load(res.raw);
          const pages = doc.getPages();
          for (const p of pages) {
            const { width, height } = p.getSize();
            expect([Math.round(width), Math.round(height)]).toEqual([842, 595]);
          }
          const file = join(dir, `${kind}.pdf`);
          writeFileSync(file, res.raw);
          const out = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
          expect(out).toContain(`Halaman 1 dari ${pages.length}`);
          expect(out).toContain(`Halaman ${pages.length} dari ${pages.length}`);
          return out.replace(/\s+/g, ' ');
        };
        const reg = ok(await get(USERS.cs, 'orders', period()));
        const orders = await text(USERS.cs, 'orders');
        expect(orders).toContain(reg.unit.name);
        expect(orders).toContain('Register Order Pengujian');
        expect(orders).toContain(fmtInt(reg.totals.amount));
        for (const r of reg.rows.filter((x: { number: string | null }) => x.number))
          expect(orders).toContain(r.number);

        const lhu = ok(await get(USERS.cs, 'reports', period()));
        const lhuText = await text(USERS.cs, 'reports');
        for (const r of lhu.rows) expect(lhuText).toContain(r.number);

        const rev = ok(await get(USERS.bendahara, 'revenue', period()));
        const revText = await text(USERS.bendahara, 'revenue');
        expect(revText).toContain(fmtInt(rev.totals.amount));
        for (const l of rev.byLab) expect(revText).toContain(fmtInt(l.amount));

        const perfText = await text(USERS.admin, 'performance');
        expect(perfText).toContain('Median dan persentil ke-90');
        expect(perfText).toContain('Waktu baku (100%)');

        const ikm = ok(await get(USERS.cs, 'ikm', period()));
        const ikmText = await text(USERS.cs, 'ikm');
        expect(ikmText).toContain(
          new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 }).format(ikm.index),
        );
        expect(ikmText).toContain(`${ikm.category.grade} (${ikm.category.label.id})`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('access', () => {
    const kinds = ['orders', 'samples', 'reports', 'revenue', 'performance', 'ikm'];
    it('a customer and the lab roles are refused every record and format', async () => {
      for (const who of [USERS.customer, USERS.penyeliaKaret, USERS.mtKaret, USERS.analisKaret1]) {
        for (const kind of kinds) {
          for (const format of ['json', 'xlsx', 'pdf']) {
            const res = await get(who, kind, `${period()}&format=${format}`);
            expect([who, kind, format, res.status, res.body?.error?.code]).toEqual([
              who,
              kind,
              format,
              403,
              'forbidden',
            ]);
          }
        }
        expect(ok(await s.as(who).get('records')).kinds).toEqual([]);
      }
    });

    it('each office role reads what its work needs, and only that', async () => {
      const expectKinds = {
        [USERS.cs]: ['orders', 'samples', 'reports', 'ikm'],
        [USERS.bendahara]: ['orders', 'revenue'],
        [USERS.ketua]: kinds,
        [USERS.admin]: kinds,
        [USERS.kepala]: kinds,
      };
      for (const [who, allowed] of Object.entries(expectKinds)) {
        expect(ok(await s.as(who).get('records')).kinds).toEqual(allowed);
        for (const kind of kinds)
          expect([who, kind, (await get(who, kind, period())).status]).toEqual([
            who,
            kind,
            allowed.includes(kind) ? 200 : 403,
          ]);
      }
    });

    it('without a session 401; a bad period 400; documented in the OpenAPI document', async () => {
      expect((await s.request('GET', `/api/v1/records/orders?${period()}`)).status).toBe(401);
      expect((await get(USERS.cs, 'orders', period(to, from === to ? to : from))).status).toBe(
        from === to ? 200 : 400,
      );
      expect((await get(USERS.cs, 'orders', period('2024-01-01', '2025-01-01'))).status).toBe(400);
      expect((await get(USERS.cs, 'orders', period('2024-01-01', '2024-12-31'))).status).toBe(200);
      expect((await get(USERS.cs, 'orders', `${period()}&format=csv`)).status).toBe(400);
      expect((await get(USERS.cs, 'orders', 'from=2025-02-30&to=2025-03-01')).status).toBe(400);
      const doc = ok(await s.request('GET', '/api/v1/openapi.json'));
      const op = doc.paths['/api/v1/records/performance'].get;
      expect(op.responses['200'].content['application/json'].schema.properties.steps).toBeDefined();
      expect(op.parameters.map((p: { name: string }) => p.name)).toEqual(['from', 'to', 'format']);
      expect(op.description).toContain('kepala_balai');
    });
  });
});
