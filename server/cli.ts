/**
 * SIPPT server command line.
 *   npm run server -- [--port 8080] [--host 127.0.0.1] [--data-dir ./data]   (DATABASE_URL=postgres://... for PostgreSQL)
 *   npm run demo   -- [--port 8080] [--demo-orders=false]   demo data on a fresh embedded database (./data/demo), demo accounts printed;
 *                     demo orders at every SOP step unless --demo-orders=false
 *   npm run server -- --restore BACKUP.sqlite [--data-dir ./data]   put a backup of the SQLite database back, then start
 *   npm run server -- --new-epoch   after restoring the database by other means (PostgreSQL: pg_restore)
 *   Both start a new history epoch: every desktop rebuilds its copy and re-sends what the server lost.
 */
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ROLE_INFO, type Role } from '../shared/sop/roles';
import { configFromEnv, defaultConfig } from './config';
import { newHistoryEpoch, openDatabase, type DbHandle } from './db/connect';
import { seedDemo } from './demo';
import { formatDemoOrdersSummary, seedDemoOrders } from './demo-orders';
import { buildServer } from './http/app';
import { elhuReportServices } from './reports/elhu';

const { values } = parseArgs({
  options: {
    demo: { type: 'boolean', default: false },
    'demo-orders': { type: 'string', default: 'true' },
    port: { type: 'string' },
    host: { type: 'string' },
    'data-dir': { type: 'string' },
    'log-level': { type: 'string' },
    restore: { type: 'string' },
    'new-epoch': { type: 'boolean', default: false },
  },
  strict: true,
});

const port = Number(values.port ?? process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error('Port tidak valid / invalid port');
  process.exit(2);
}
const host = values.host ?? process.env.HOST ?? '127.0.0.1';
const logLevel = values['log-level'] ?? process.env.LOG_LEVEL ?? 'info';
const demo = values.demo === true;
const demoOrders = !['false', '0', 'no'].includes(String(values['demo-orders']).toLowerCase());
const dataDir = resolve(values['data-dir'] ?? process.env.SIPPT_DATA_DIR ?? './data');

let fromEnv: ReturnType<typeof configFromEnv>;
try {
  fromEnv = configFromEnv();
} catch (e) {
  // One message naming every bad variable, before anything is opened or written.
  console.error((e as Error).message);
  process.exit(2);
}
const config = defaultConfig({
  publicBaseUrl: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
  ...fromEnv,
  ...(demo
    ? { paymentNotifySecret: process.env.SIPPT_PAYMENT_SECRET ?? 'demo-payment-secret', demoPki: true }
    : {}),
});

let handle: DbHandle;
if (demo) {
  const dir = join(dataDir, 'demo');
  rmSync(dir, { recursive: true, force: true });
  handle = await openDatabase({ dataDir: dir });
} else {
  const databaseUrl = process.env.DATABASE_URL ?? null;
  if (values.restore) {
    if (databaseUrl) {
      console.error(
        '--restore is for the SQLite database; for PostgreSQL restore with pg_restore, then start with --new-epoch',
      );
      process.exit(2);
    }
    if (!existsSync(values.restore)) {
      console.error(`Cadangan tidak ditemukan / backup not found: ${values.restore}`);
      process.exit(2);
    }
    // The WAL of the later history must not be replayed onto the restored file.
    const file = join(dataDir, 'sippt.sqlite');
    for (const f of [`${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    copyFileSync(values.restore, file);
  }
  handle = await openDatabase({ databaseUrl, dataDir });
  if (values.restore || values['new-epoch']) await newHistoryEpoch(handle);
}

// The real E-LHU: rendered by shared/elhu, signatures checked against the registered certificate.
const reports = elhuReportServices({ requireRegisteredCertificate: true });
const seeded = demo ? await seedDemo({ handle, config, reports }) : null;
const seededOrders = seeded && demoOrders ? await seedDemoOrders({ handle, config, reports }, seeded) : null;
const app = await buildServer({ db: handle, config, logger: { level: logLevel }, reports });
const logger = app.log;
const address = await app.listen({ port, host });
const url = address.replace('[::1]', '127.0.0.1');

const out = process.stdout;
out.write(`\nSIPPT server: ${url}  (API ${url}/api/v1, OpenAPI ${url}/api/v1/openapi.json)\n`);
out.write(`Basis data / database: ${handle.dialect} ${handle.location}\n`);
if (seeded) {
  out.write('\nAkun demo / demo accounts (satu per peran / one per role):\n');
  const seen = new Set<Role>();
  for (const u of seeded.users) {
    if (seen.has(u.role)) continue;
    seen.add(u.role);
    out.write(`  ${ROLE_INFO[u.role].label.padEnd(24)} ${u.username.padEnd(18)} ${u.password}\n`);
  }
  out.write(`  (semua akun demo / every demo account: ${seeded.users.map((u) => u.username).join(', ')})\n`);
  if (seededOrders) {
    out.write(`${formatDemoOrdersSummary(seededOrders)}\n`);
    out.write(
      `  (pelanggan order demo / demo order customers, kata sandi sama / same password: ${seededOrders.customers.join(', ')})\n`,
    );
  }
  out.write(`Rahasia notifikasi pembayaran / payment notification secret: ${config.paymentNotifySecret}\n`);
}
out.write('\n');

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  logger.info({ signal }, 'shutting down: finishing requests in flight');
  const force = setTimeout(() => {
    logger.error('shutdown timed out');
    process.exit(1);
  }, 15_000);
  force.unref();
  // Keep-alive connections that go idle after their last answer are closed as they do.
  const sweep = setInterval(() => app.server.closeIdleConnections(), 100);
  sweep.unref();
  try {
    await app.close();
    await handle.close();
    process.exit(0);
  } catch (err) {
    logger.error({ err }, 'shutdown failed');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
