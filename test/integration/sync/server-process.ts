/**
 * The real SIPPT server in its own process, for the sync integration tests: the server's own
 * build function, database and demo seed, with test settings (cheap password hashing, no login
 * rate limit, a fixed token secret so tokens survive a restart, a chosen access-token lifetime).
 *
 *   tsx server-process.ts --data-dir DIR [--seed] [--real-reports] [--port N] [--access-ttl S] [--refresh-ttl S] [--token-secret X]
 *
 * Prints one JSON line {"url", "demo"} on stdout once listening. SIGKILL it to "crash" the server;
 * start it again on the same data dir (without --seed) to bring it back.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_RATE_LIMITS, defaultConfig } from '../../../server/config';
import { openDatabase } from '../../../server/db/connect';
import { seedDemo } from '../../../server/demo';
import { buildServer } from '../../../server/http/app';
import { elhuReportServices } from '../../../server/reports/elhu';
import { placeholderReportServices } from '../../../server/reports/placeholder';
import { writeBenchOrders } from './bench-orders';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    seed: { type: 'boolean', default: false },
    port: { type: 'string', default: '0' },
    'access-ttl': { type: 'string', default: '900' },
    'refresh-ttl': { type: 'string', default: String(30 * 86400) },
    'token-secret': { type: 'string', default: 'sync-integration-tests-token-secret-0123456789' },
    /** Benchmark data: N orders (2 samples x 10 analyses each) in testing, written straight into the database. */
    'bench-orders': { type: 'string', default: '0' },
    /** The real E-LHU services (render with shared/elhu, verify PAdES against registered certificates) instead of the placeholder. */
    'real-reports': { type: 'boolean', default: false },
  },
});

const config = defaultConfig({
  scrypt: { N: 1 << 10, r: 8, p: 1 },
  tokenSecret: values['token-secret']!,
  accessTokenTtlSeconds: Number(values['access-ttl']),
  refreshTokenTtlSeconds: Number(values['refresh-ttl']),
  login: { maxFailures: 50, lockMinutes: 1, ipMaxRequests: 1_000_000, ipWindowSeconds: 60 },
  // The model test signs hundreds of desktops in from one address in minutes: not what the limit is for.
  rateLimits: { ...DEFAULT_RATE_LIMITS, session: { max: 1_000_000, windowSeconds: 300 } },
  paymentNotifySecret: 'sync-test-payment-secret',
  bodyLimit: 16 * 1024 * 1024,
});
const reports = values['real-reports']
  ? elhuReportServices({ requireRegisteredCertificate: true })
  : placeholderReportServices;
const handle = await openDatabase({ dataDir: values['data-dir']! });
const demo = values.seed ? await seedDemo({ handle, config, reports }) : null;
const benchOrders = Number(values['bench-orders']);
if (demo && benchOrders > 0) {
  // Straight into the database through the server's own writer (bucket members, change feed), not
  // through 75,000 commands: the benchmark measures the desktop's pull, not the seeding.
  await writeBenchOrders(handle, demo, config.unitCode, benchOrders);
}
const app = await buildServer({ db: handle, config, logger: false, reports });
const address = await app.listen({ port: Number(values.port), host: '127.0.0.1' });
process.stdout.write(`${JSON.stringify({ url: address, demo })}\n`);

const stop = async () => {
  await app.close();
  await handle.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
