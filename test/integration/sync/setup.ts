/**
 * The setup the sync integration test files share: one real server process for the whole file, in a
 * temporary folder of its own, with the office driving orders over HTTP; the proxies and desktops a
 * test opens are stopped and closed after the file, whatever the test did to them.
 *
 *   const { server, office, desktop } = realServerForThisFile('sippt-faults-', { http: { timeoutMs: 2000 } });
 *   const { core, proxy } = await desktop('analis.karet1');
 */
import { afterAll, beforeAll } from 'vitest';
import { DesktopServices, type DesktopServicesOptions } from '../../../main/services/desktop';
import type { Order } from '../../../shared/domain/entities';
import { tempDir, TEST_SCRYPT } from '../../unit/desktop/helpers';
import { Office, Proxy, runClient, ServerProcess, type ClientRun } from './harness';

/** What every desktop of these tests has: the cheap scrypt, and sync only when the test says so. */
export type DesktopOptions = Omit<DesktopServicesOptions, 'scrypt' | 'autoSync'>;

export interface RealServerFile {
  /** The file's temporary folder (the server's data is in `<dir>/server`). */
  readonly dir: string;
  readonly server: ServerProcess;
  readonly office: Office;
  /** A fresh data folder for one more desktop. */
  nextDataDir(): string;
  /** A proxy the test steers, in front of `target` (the file's server unless told). */
  proxy(target?: ServerProcess): Promise<Proxy>;
  /** A desktop with the given options, closed after the file. */
  open(options: DesktopOptions): DesktopServices;
  /** Closes `core`, a desktop the test made itself, after the file. */
  closeAfter(core: DesktopServices): DesktopServices;
  /**
   * One desktop installation (a fresh data folder) signed in as `username` through `proxy`, run as a
   * child process the test may kill: each `run` starts it again on the same folder with new steps.
   */
  desktopProcess(username: string, proxy: Proxy): { run(steps: unknown[]): ClientRun };
  /**
   * A desktop of its own (fresh data folder, own proxy), logged in as `username` and synced once,
   * with the file's desktop defaults overridden by `extra`.
   */
  desktop(
    username: string,
    extra?: Partial<DesktopOptions>,
  ): Promise<{ core: DesktopServices; proxy: Proxy; dataDir: string }>;
}

/**
 * A desktop process's first steps: log in, pull, and accept the first sample of each of `orders`
 * (an output line each, from line 2 on).
 */
export function loginPullAccept(...orders: Order[]): unknown[] {
  return [
    { do: 'login' },
    { do: 'pull' },
    ...orders.map((o) => ({ do: 'accept', orderId: o.id, sampleId: o.samples[0]!.id })),
  ];
}

export function realServerForThisFile(
  prefix: string,
  desktopDefaults: Partial<DesktopOptions> = {},
  serverOptions: ServerProcess['opts'] = {},
): RealServerFile {
  // Made while the file is collected, so the tests can hold the server and office as constants;
  // the process itself starts before the first test.
  const tmp = tempDir(prefix);
  const server = new ServerProcess(`${tmp.dir}/server`, serverOptions);
  const office = new Office(server);
  const proxies: Proxy[] = [];
  const desktops: DesktopServices[] = [];
  let n = 0;

  beforeAll(async () => {
    await server.start();
  });
  afterAll(async () => {
    for (const d of desktops) d.close();
    for (const p of proxies) await p.stop();
    await server.stop();
    tmp.cleanup();
  });

  const nextDataDir = () => `${tmp.dir}/pc-${++n}`;
  const proxy = async (target: ServerProcess = server) => {
    const p = await new Proxy(() => target.url).start();
    proxies.push(p);
    return p;
  };
  const closeAfter = (core: DesktopServices) => {
    desktops.push(core);
    return core;
  };
  const open = (options: DesktopOptions) =>
    closeAfter(new DesktopServices({ scrypt: TEST_SCRYPT, autoSync: false, ...options }));
  return {
    dir: tmp.dir,
    server,
    office,
    nextDataDir,
    proxy,
    open,
    closeAfter,
    desktopProcess(username, p) {
      const installation = {
        dataDir: nextDataDir(),
        serverUrl: p.url,
        username,
        password: server.demo!.password,
      };
      return { run: (steps) => runClient({ ...installation, steps }) };
    },
    async desktop(username, extra = {}) {
      const p = await proxy();
      const dataDir = nextDataDir();
      const core = open({ dataDir, serverUrl: p.url, ...desktopDefaults, ...extra });
      await core.login(username, server.demo!.password);
      await core.syncNow();
      return { core, proxy: p, dataDir };
    },
  };
}
