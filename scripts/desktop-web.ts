/**
 * `npm run desktop:web -- --server URL [--port P] [--data-dir DIR] [--no-build]`
 *
 * The SIPPT Lab desktop in a plain browser: builds the UI (unless --no-build), starts the desktop
 * engine in this Node process and serves it on 127.0.0.1 with a fresh token, then prints the
 * address to open (token included). The same engine the Electron app runs in its utility process.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openDesktopEngine } from '../main/host/engine';
import { hostLogger } from '../main/host/pino-logger';
import { startWebHost } from '../main/host/web';
import { viteBuild } from './vite-build';

const { values } = parseArgs({
  options: {
    server: { type: 'string' },
    port: { type: 'string' },
    'data-dir': { type: 'string' },
    'no-build': { type: 'boolean', default: false },
  },
});

const port = values.port === undefined ? 5180 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Port tidak valid: ${values.port} / invalid port`);
  process.exit(2);
}
const dataDir = resolve(
  values['data-dir'] ?? process.env.SIPPT_DESKTOP_DATA ?? join(homedir(), '.sippt-lab-web'),
);
const staticDir = resolve('dist/renderer/desktop');

if (!values['no-build']) {
  console.error('Membangun UI / building the UI…');
  viteBuild('renderer/vite.config.ts');
}

// The engine's records as JSON lines on stderr (pino); the address and folders below stay on stdout.
const logger = hostLogger();
const engine = openDesktopEngine({ dataDir, serverUrl: values.server ?? null, host: 'web', logger });
const host = await startWebHost({
  bridge: engine.bridge,
  staticDir,
  port,
  log: (line) => logger.error('desktop host: request failed', { detail: line }),
});

console.log(`SIPPT Lab desktop (browser): ${host.url}`);
console.log(`  data: ${dataDir}`);
if (values.server) console.log(`  server: ${values.server}`);

let closing = false;
const shutdown = async () => {
  if (closing) return;
  closing = true;
  await host.close();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
