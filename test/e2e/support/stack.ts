/**
 * The whole product on one machine for end-to-end tests: a SIPPT server with demo data (a child
 * process, so a test can stop it to go offline and start it again on the same database) and the
 * desktop's browser host against it (scripts/desktop-web.ts). Addresses are read from what each
 * prints, exactly as a person would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');
const TSX = resolve(ROOT, 'node_modules/tsx/dist/cli.mjs');

/**
 * The desktop hosts run with this folder as their working directory, and serve the UI that
 * global-setup built into E2E_UI_DIR (scripts/desktop-web.ts serves `dist/renderer/desktop` of its
 * working directory): the tests' own copy, untouched by other builds in the tree.
 */
// SIPPT_E2E_OUT gives a run its own folder, so two runs in one working tree do not rebuild each other's UI.
export const E2E_OUT = resolve(ROOT, process.env.SIPPT_E2E_OUT ?? 'test-results');
export const E2E_UI_ROOT = resolve(E2E_OUT, 'e2e-ui');
export const E2E_UI_DIR = resolve(E2E_UI_ROOT, 'dist/renderer/desktop');

export const DEMO_PASSWORD = 'SipptDemo2025';

export async function freePort(): Promise<number> {
  return new Promise((ok, bad) => {
    const s = createServer();
    s.once('error', bad);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => ok(port));
    });
  });
}

export interface Proc {
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/** Start `node tsx <args>`, wait for a line matching `ready`, answer its first group. */
async function run(
  args: string[],
  ready: RegExp,
  env: NodeJS.ProcessEnv = {},
  timeoutMs = 90_000,
  cwd = ROOT,
): Promise<{ proc: Proc; match: string }> {
  const child = spawn(process.execPath, [TSX, ...args], {
    cwd,
    env: { ...process.env, TSX_TSCONFIG_PATH: resolve(ROOT, 'tsconfig.json'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const proc: Proc = {
    child,
    output: () => out,
    stop: () =>
      new Promise((ok) => {
        if (child.exitCode !== null || child.signalCode !== null) return ok();
        child.once('exit', () => ok());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
  const match = await new Promise<string>((ok, bad) => {
    const timer = setTimeout(
      () => bad(new Error(`not ready in ${timeoutMs} ms: ${args.join(' ')}\n${out}`)),
      timeoutMs,
    );
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = ready.exec(out);
      if (m) {
        clearTimeout(timer);
        ok(m[1] ?? m[0]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      bad(new Error(`exited ${code}: ${args.join(' ')}\n${out}`));
    });
  });
  return { proc, match };
}

const SERVER_ENV = { SIPPT_TOKEN_SECRET: 'e2e-token-secret-0123456789abcdef', LOG_LEVEL: 'warn' };

export interface ServerHandle {
  url: string;
  port: number;
  dataDir: string;
  proc: Proc;
  /** Stop the server (the desktop goes offline). */
  stop(): Promise<void>;
  /** Start it again on the same port and database (no demo reseed). */
  restart(): Promise<void>;
}

/** A demo server on a free port with its own data folder. */
export async function startDemoServer(): Promise<ServerHandle> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'sippt-e2e-server-'));
  const first = await run(
    ['server/cli.ts', '--demo', '--port', String(port), '--data-dir', dataDir, '--log-level', 'warn'],
    /SIPPT server: (http:\/\/\S+)/,
    SERVER_ENV,
  );
  const handle: ServerHandle = {
    url: first.match,
    port,
    dataDir,
    proc: first.proc,
    stop: () => handle.proc.stop(),
    async restart() {
      // --demo keeps its database in <data-dir>/demo; without --demo the same file is opened as is.
      const again = await run(
        ['server/cli.ts', '--port', String(port), '--data-dir', join(dataDir, 'demo'), '--log-level', 'warn'],
        /SIPPT server: (http:\/\/\S+)/,
        SERVER_ENV,
      );
      handle.proc = again.proc;
    },
  };
  return handle;
}

export interface DesktopHandle {
  /** The address to open, token included. */
  url: string;
  /** The server this desktop syncs with. */
  serverUrl: string;
  origin: string;
  token: string;
  dataDir: string;
  proc: Proc;
  stop(): Promise<void>;
}

/** The desktop's browser host against `serverUrl`, on the UI already built (globalSetup builds it). */
export async function startDesktop(
  serverUrl: string,
  dataDir = mkdtempSync(join(tmpdir(), 'sippt-e2e-desktop-')),
): Promise<DesktopHandle> {
  const port = await freePort();
  // Only in a Playwright run (global-setup says so); a bench or script using these helpers serves the tree's own dist/.
  const uiBuilt = process.env.SIPPT_E2E_UI === E2E_UI_ROOT && existsSync(resolve(E2E_UI_DIR, 'index.html'));
  const { proc, match } = await run(
    [
      resolve(ROOT, 'scripts/desktop-web.ts'),
      '--server',
      serverUrl,
      '--port',
      String(port),
      '--data-dir',
      dataDir,
      '--no-build',
    ],
    /SIPPT Lab desktop \(browser\): (http:\/\/\S+)/,
    {},
    90_000,
    uiBuilt ? E2E_UI_ROOT : ROOT,
  );
  const url = new URL(match);
  return {
    url: match,
    serverUrl,
    origin: url.origin,
    token: /token=([^&]+)/.exec(url.hash)?.[1] ?? '',
    dataDir,
    proc,
    stop: () => proc.stop(),
  };
}

export interface ProxyHandle {
  /** Give this to the desktop as its server address. */
  url: string;
  /** Cut the line: connections are dropped and new ones refused (this desktop goes offline). */
  cut(): Promise<void>;
  /** Connect again on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A TCP relay in front of the server, so one desktop can go offline while the server (and the
 * other desktops, and the test's API calls) stay up: the network cable of one workstation.
 */
export async function startProxy(targetUrl: string): Promise<ProxyHandle> {
  const target = new URL(targetUrl);
  const port = await freePort();
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  const listen = () =>
    new Promise<void>((ok, bad) => {
      const s = createServer((client) => {
        const upstream = connect(Number(target.port), target.hostname);
        sockets.add(client);
        sockets.add(upstream);
        const drop = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        client.on('error', drop).on('close', drop);
        upstream.on('error', drop).on('close', drop);
        client.pipe(upstream);
        upstream.pipe(client);
      });
      s.once('error', bad);
      s.listen(port, '127.0.0.1', () => {
        server = s;
        ok();
      });
    });
  const cut = () =>
    new Promise<void>((ok) => {
      for (const s of sockets) s.destroy();
      sockets.clear();
      if (!server) return ok();
      server.close(() => ok());
      server = null;
    });
  await listen();
  return { url: `http://127.0.0.1:${port}`, cut, restore: listen, close: cut };
}
