/**
 * What the Kepala Balai signing tests share: the real server process for the file (demo data, real
 * E-LHU rendering), the office driving orders to the signature over HTTP, and Kepala Balai desktops
 * on it, each behind a proxy of its own so that a test can take its network away; all closed after
 * the file (or the describe block that calls `onSigningOffice`).
 */
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { DesktopServices } from '../../../../main/services/desktop';
import { SigningError } from '../../../../main/services/signing/errors';
import type { Order } from '../../../../shared/domain/entities';
import { currentReport } from '../../../../shared/domain/state';
import { services, tempDir } from '../../../unit/desktop/helpers';
import { Office, Proxy, ServerProcess } from '../../sync/harness';

type Extra = Parameters<typeof services>[2];

export interface KbDesktop {
  core: DesktopServices;
  proxy: Proxy;
  dataDir: string;
}

export interface SigningOffice {
  readonly server: ServerProcess;
  readonly office: Office;
  /** The file's temp folder. */
  readonly dir: string;
  /** The Kepala Balai logged in on a new desktop, its data in `<dir>/<name>`; not synced yet. */
  kbDesktop(name: string, extra?: Extra): Promise<KbDesktop>;
  /** Closes `core` with the others after the file (a desktop the test opened itself). */
  closeAfter(core: DesktopServices): DesktopServices;
}

export function onSigningOffice(prefix: string): SigningOffice {
  let tmp: ReturnType<typeof tempDir> | null = null;
  let server: ServerProcess | null = null;
  let office: Office | null = null;
  const proxies: Proxy[] = [];
  const desktops: DesktopServices[] = [];

  beforeAll(async () => {
    tmp = tempDir(prefix);
    server = await new ServerProcess(join(tmp.dir, 'server'), { realReports: true }).start();
    office = new Office(server);
  });
  afterAll(async () => {
    for (const d of desktops) d.close();
    for (const p of proxies) await p.stop();
    await server?.stop();
    tmp?.cleanup();
  });

  const closeAfter = (core: DesktopServices) => {
    desktops.push(core);
    return core;
  };
  return {
    get server() {
      return server!;
    },
    get office() {
      return office!;
    },
    get dir() {
      return tmp!.dir;
    },
    closeAfter,
    async kbDesktop(name, extra = {}) {
      const proxy = await new Proxy(() => server!.url).start();
      proxies.push(proxy);
      const dataDir = join(tmp!.dir, name);
      const core = closeAfter(services(dataDir, proxy.url, { http: { timeoutMs: 20_000 }, ...extra }));
      await core.login('kepala', server!.demo!.password);
      return { core, proxy, dataDir };
    },
  };
}

/** What `signReports` takes for every sample of `o`: the order, the sample and its current report. */
export const refsOf = (o: Order) =>
  o.samples.map((s) => ({ orderId: o.id, sampleId: s.id, reportId: currentReport(s)!.id }));

/** The SigningError `p` is refused with; anything else, or no refusal, fails the test. */
export async function signingError(p: Promise<unknown>): Promise<SigningError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SigningError) return e;
    throw e;
  }
  throw new Error('expected a SigningError');
}
