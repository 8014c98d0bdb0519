/**
 * Group `records`: the register export the issue asks of group `ui` ("a register export of 10,000
 * orders to XLSX: under 5 s"), measured where it runs: the SIPPT server. 10,000 orders (2 samples x
 * 10 analyses each, submitted over one month) are written straight into a SQLite database through
 * the server's own writer (as test/bench/sync.ts's server does), then the order register of that
 * month is fetched over HTTP as XLSX by CS: from the request to the last byte, the query, the
 * register and the workbook included. The file is read back to check it holds the 10,000 rows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { defaultConfig } from '../../server/config';
import { openDatabase } from '../../server/db/connect';
import { seedDemo } from '../../server/demo';
import { buildServer } from '../../server/http/app';
import { placeholderReportServices } from '../../server/reports/placeholder';
import { writeBenchOrders } from '../integration/sync/bench-orders';
import { percentile, type BenchRow } from './target';

const ORDERS = 10_000;
/** The port given to this work; 0 (any) when it is taken. */
const PORT = 7219;

export async function run(report: (row: BenchRow) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sippt-bench-records-'));
  const handle = await openDatabase({ dataDir: dir });
  try {
    const config = defaultConfig({
      scrypt: { N: 1 << 10, r: 8, p: 1 },
      login: { maxFailures: 50, lockMinutes: 1, ipMaxRequests: 1_000_000, ipWindowSeconds: 60 },
    });
    const demo = await seedDemo({ handle, config, reports: placeholderReportServices });
    // One month of orders: 2026-03-01 .. 2026-03-31 WIB.
    const start = Date.parse('2026-03-01T00:00:00+07:00');
    const spread = 31 * 86_400_000 - 60_000;
    const seedStart = performance.now();
    await writeBenchOrders(handle, demo, config.unitCode, ORDERS, (i) =>
      new Date(start + Math.floor((i / ORDERS) * spread)).toISOString(),
    );
    console.error(`  (seeded ${ORDERS} orders in ${((performance.now() - seedStart) / 1000).toFixed(1)} s)`);

    const app = await buildServer({ db: handle, config, logger: false, reports: placeholderReportServices });
    let url: string;
    try {
      url = await app.listen({ port: PORT, host: '127.0.0.1' });
    } catch {
      url = await app.listen({ port: 0, host: '127.0.0.1' });
    }
    try {
      const login = await fetch(`${url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'cs1', password: demo.password }),
      });
      const { accessToken } = (await login.json()) as { accessToken: string };
      const exportOnce = async () => {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        const res = await fetch(`${url}/api/v1/records/orders?from=2026-03-01&to=2026-03-31&format=xlsx`, {
          headers: { authorization: `Bearer ${accessToken}` },
        });
        const body = Buffer.from(await res.arrayBuffer());
        const ms = performance.now() - t0;
        const cpu = process.cpuUsage(c0);
        if (res.status !== 200)
          throw new Error(`export: ${res.status} ${body.toString('utf8').slice(0, 300)}`);
        return { ms, cpuMs: (cpu.user + cpu.system) / 1000, body };
      };
      const times: number[] = [];
      const cpus: number[] = [];
      let last: Buffer | null = null;
      for (let i = 0; i < 3; i++) {
        const r = await exportOnce();
        times.push(r.ms);
        cpus.push(r.cpuMs);
        last = r.body;
      }
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(last! as unknown as ArrayBuffer);
      const rows = wb.getWorksheet('Register Order')!.rowCount - 5; // 4 heading rows, 1 totals row
      if (rows !== ORDERS) throw new Error(`the register holds ${rows} rows, expected ${ORDERS}`);
      // The first export (a cold server: nothing cached, fonts and modules loaded once) is the figure.
      report({ name: 'register_export_10000_orders_xlsx', value: times[0]!, unit: 'ms', target: '< 5000' });
      report({
        name: 'register_export_10000_orders_xlsx_warm_p50',
        value: percentile(times.slice(1), 50),
        unit: 'ms',
        target: '',
      });
      report({
        name: 'register_export_10000_orders_xlsx_size',
        value: last!.length / 1024,
        unit: 'KiB',
        target: '',
      });
      // CPU time of this process (server and client) for the first export: the figure a busy machine does not inflate.
      report({ name: 'register_export_10000_orders_xlsx_cpu', value: cpus[0]!, unit: 'ms', target: '' });
      report({ name: 'load_average_1min', value: loadavg()[0]!, unit: '', target: '' });
    } finally {
      await app.close();
    }
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
