/**
 * What the Kepala Balai signing tests share: the sync tests' real server for the file, here with the
 * real E-LHU rendering, and Kepala Balai desktops on it, each behind a proxy of its own so that a
 * test can take its network away.
 */
import { join } from 'node:path';
import type { DesktopServices } from '../../../../main/services/desktop';
import { SigningError } from '../../../../main/services/signing/errors';
import type { Order } from '../../../../shared/domain/entities';
import { currentReport } from '../../../../shared/domain/state';
import { services } from '../../../unit/desktop/helpers';
import type { Proxy } from '../../sync/harness';
import { realServerForThisFile, type RealServerFile } from '../../sync/setup';

type Extra = Parameters<typeof services>[2];

export interface KbDesktop {
  core: DesktopServices;
  proxy: Proxy;
  dataDir: string;
}

export interface SigningOffice extends RealServerFile {
  /** The Kepala Balai logged in on a new desktop, its data in `<dir>/<name>`; not synced yet. */
  kbDesktop(name: string, extra?: Extra): Promise<KbDesktop>;
}

export function onSigningOffice(prefix: string): SigningOffice {
  const file = realServerForThisFile(prefix, {}, { realReports: true });
  return {
    ...file,
    async kbDesktop(name, extra = {}) {
      const proxy = await file.proxy();
      const dataDir = join(file.dir, name);
      const core = file.closeAfter(services(dataDir, proxy.url, { http: { timeoutMs: 20_000 }, ...extra }));
      await core.login('kepala', file.server.demo!.password);
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
