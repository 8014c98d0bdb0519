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

/** Filled before the first test of the file (see `onSigningOffice`). */
export class SigningOffice {
  server!: ServerProcess;
  office!: Office;
  /** The file's temp folder. */
  dir!: string;
  private readonly proxies: Proxy[] = [];
  private readonly desktops: DesktopServices[] = [];

  /** The Kepala Balai logged in on a new desktop, its data in `<dir>/<name>`; not synced yet. */
  async kbDesktop(name: string, extra: Extra = {}): Promise<KbDesktop> {
    const proxy = await new Proxy(() => this.server.url).start();
    this.proxies.push(proxy);
    const dataDir = join(this.dir, name);
    const core = this.closeAfter(services(dataDir, proxy.url, { http: { timeoutMs: 20_000 }, ...extra }));
    await core.login('kepala', this.server.demo!.password);
    return { core, proxy, dataDir };
  }

  /** Closes `core` with the others after the file (a desktop the test opened itself). */
  closeAfter(core: DesktopServices): DesktopServices {
    this.desktops.push(core);
    return core;
  }

  async close(): Promise<void> {
    for (const d of this.desktops) d.close();
    for (const p of this.proxies) await p.stop();
    await this.server?.stop();
  }
}

export function onSigningOffice(prefix: string): SigningOffice {
  const at = new SigningOffice();
  let tmp: ReturnType<typeof tempDir> | null = null;
  beforeAll(async () => {
    tmp = tempDir(prefix);
    at.dir = tmp.dir;
    at.server = await new ServerProcess(join(tmp.dir, 'server'), { realReports: true }).start();
    at.office = new Office(at.server);
  });
  afterAll(async () => {
    await at.close();
    tmp?.cleanup();
  });
  return at;
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
