/**
 * `npm run demo`: the whole product on one machine with demo data on the embedded database: the
 * SIPPT server (API, verification page, and the customer portal once built) and the SIPPT Lab
 * desktop, in Electron where its binary exists, otherwise in the browser through the loopback
 * host. Prints every address and the demo accounts.
 *
 *   npm run demo -- [--port 8080] [--desktop-port 5180] [--data-dir ./data]
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openDesktopEngine } from '../main/host/engine';
import { hostLogger } from '../main/host/pino-logger';
import { startWebHost } from '../main/host/web';
import { viteBuild } from './vite-build';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8080' },
    'desktop-port': { type: 'string', default: '5180' },
    'data-dir': { type: 'string', default: './data' },
  },
  strict: false,
});
const dataDir = resolve(String(values['data-dir']));

console.log('Membangun UI / building the UI…');
viteBuild('renderer/vite.config.ts');
// The customer portal, which the server serves at / from dist/renderer/portal.
viteBuild('renderer/vite.portal.config.ts');

// The server runs as its own process, as it would on the unit's server machine.
const server = spawn(
  process.execPath,
  [
    resolve('node_modules/tsx/dist/cli.mjs'),
    'server/cli.ts',
    '--demo',
    '--port',
    String(values.port),
    '--data-dir',
    dataDir,
  ],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const serverUrl = await new Promise<string>((ok, bad) => {
  let out = '';
  server.stdout!.on('data', (d: Buffer) => {
    process.stdout.write(d);
    out += d.toString();
    const m = /SIPPT server: (http:\/\/\S+)/.exec(out);
    if (m?.[1]) ok(m[1]);
  });
  server.once('exit', (code) => bad(new Error(`server exited ${code}`)));
});

// The desktop's working copies live beside the demo server's data, wiped with it.
const engine = openDesktopEngine({
  dataDir: join(dataDir, 'demo-desktop'),
  serverUrl,
  host: 'web',
  fresh: true,
  logger: hostLogger(),
});
const host = await startWebHost({
  bridge: engine.bridge,
  staticDir: resolve('dist/renderer/desktop'),
  port: Number(values['desktop-port']),
});

console.log(`Portal pelanggan: ${serverUrl}/`);
console.log('  (customer portal; masuk sebagai / log in as pelanggan, kata sandi / password SipptDemo2025)');
console.log(
  'SIPPT Lab desktop (peramban / browser, tanpa Electron di mesin ini / no Electron binary on this machine):',
);
console.log(`  ${host.url}`);
console.log(
  '  Masuk dengan akun demo di atas / sign in with a demo account above (penyelia.karet, mt.karet, analis.karet1, kepala).',
);
console.log('Ctrl+C menghentikan semuanya / stops everything.\n');

let closing = false;
const shutdown = async () => {
  if (closing) return;
  closing = true;
  await host.close();
  server.kill('SIGTERM');
  server.once('exit', () => process.exit(0));
};
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
