/**
 * A demo SIPPT server inside the test process, with the server's clock in the test's hands
 * (config.now, as the integration suites move it): an e-billing issued today expires when the test
 * moves the clock past its 7 days. It serves the portal built by global-setup (SIPPT_PORTAL_DIR).
 * The other portal specs use the real `server/cli.ts --demo` process (support/stack.ts); this one
 * exists because a child process's clock cannot be moved.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { defaultConfig } from '../../../server/config';
import { openDatabase } from '../../../server/db/connect';
import { seedDemo } from '../../../server/demo';
import { seedDemoOrders } from '../../../server/demo-orders';
import { buildServer } from '../../../server/http/app';
import { elhuReportServices } from '../../../server/reports/elhu';

export interface ClockServer {
  url: string;
  /** Move the server's clock forward. */
  advance(ms: number): void;
  /** The server's "now". */
  now(): Date;
  stop(): Promise<void>;
}

export async function startClockServer(): Promise<ClockServer> {
  const dir = mkdtempSync(join(tmpdir(), 'sippt-e2e-clock-'));
  let offsetMs = 0;
  const now = () => new Date(Date.now() + offsetMs);
  const handle = await openDatabase({ dataDir: dir });
  const config = defaultConfig({
    tokenSecret: 'e2e-token-secret-0123456789abcdef',
    paymentNotifySecret: 'demo-payment-secret',
    now,
    ...(process.env.SIPPT_PORTAL_DIR ? { portalDir: resolve(process.env.SIPPT_PORTAL_DIR) } : {}),
  });
  // The real E-LHU services, as server/cli.ts has them (the demo orders include signed reports), on this thread.
  const reports = elhuReportServices({ requireRegisteredCertificate: true, inProcess: true });
  const seeded = await seedDemo({ handle, config, reports });
  await seedDemoOrders({ handle, config, reports }, seeded);
  const app = await buildServer({ db: handle, config, logger: false, reports });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    advance: (ms) => {
      offsetMs += ms;
    },
    now,
    async stop() {
      await app.close();
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
