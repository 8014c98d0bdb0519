/**
 * Re-timestamps archived E-LHU before their last timestamp's certificate ends (PAdES B-LTA), and
 * does any long-term work still pending (a TSA that was down):
 *
 *   npm run elhu:retimestamp -- [--within-days 365] [--data-dir ./data] [--demo-pki]
 *   (DATABASE_URL=postgres://... for PostgreSQL; SIPPT_TSA_URL names the unit's TSA)
 *
 * The same as POST /api/v1/elhu/retimestamp (Admin Satker). Exit 1 when a report could not be done.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { configFromEnv, defaultConfig } from '../server/config';
import { openDatabase } from '../server/db/connect';
import { loadDemoPki } from '../server/elhu/ltv/demo-pki';
import { ltvServiceFor } from '../server/elhu/ltv/routes';

const { values } = parseArgs({
  options: {
    'within-days': { type: 'string', default: '365' },
    'data-dir': { type: 'string' },
    'demo-pki': { type: 'boolean', default: false },
  },
  strict: true,
});
const withinDays = Number(values['within-days']);
if (!Number.isInteger(withinDays) || withinDays < 0) {
  console.error('--within-days harus bilangan bulat >= 0 / must be an integer >= 0');
  process.exit(2);
}
const config = defaultConfig({ ...configFromEnv(), demoPki: values['demo-pki'] === true });
const handle = await openDatabase({
  databaseUrl: process.env.DATABASE_URL ?? null,
  dataDir: resolve(values['data-dir'] ?? process.env.SIPPT_DATA_DIR ?? './data'),
});
const service = ltvServiceFor({ handle, config }, config.demoPki ? loadDemoPki({ now: config.now }) : null);
if (!service) {
  console.error('Tidak ada TSA: atur SIPPT_TSA_URL / no TSA: set SIPPT_TSA_URL (or --demo-pki for the demo)');
  await handle.close();
  process.exit(2);
}
await service.runDue();
const results = await service.retimestampExpiring(withinDays);
for (const r of results)
  console.log(
    `${r.ok ? 'OK   ' : 'GAGAL'} ${r.reportId} ${r.level} ${r.archiveUntil ?? ''} ${r.error ?? ''}`,
  );
console.log(
  `${results.length} laporan diperiksa (sertifikat cap waktu berakhir dalam ${withinDays} hari) / ${results.length} reports re-timestamped`,
);
await handle.close();
process.exit(results.every((r) => r.ok) ? 0 : 1);
