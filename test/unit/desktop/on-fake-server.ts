/**
 * The setup the desktop core's unit tests share: a fresh fake server and data folder for every
 * test, and the desktops a test opens closed after it.
 *
 *   const fake = onFakeServer('sippt-store-');
 *   fake.server.put(order);
 *   const c = await fake.signedIn(STAFF.penyelia);
 */
import { afterEach, beforeEach } from 'vitest';
import type { DesktopServices } from '../../../main/services/desktop';
import type { Order, Sample } from '../../../shared/domain/entities';
import { FakeServer } from './fake-server';
import { orderInLab, STAFF, type StaffUser } from './fixtures';
import { services, tempDir } from './helpers';

type Extra = Parameters<typeof services>[2];

export interface OnFakeServer {
  /** This test's server (a new one for every test). */
  readonly server: FakeServer;
  /** This test's data folder, the desktops' `dataDir`. */
  readonly dir: string;
  /** A desktop on this test's server and folder, not yet logged in. */
  client(extra?: Extra): DesktopServices;
  /** A desktop logged in as `user` that has pulled its bucket once. */
  signedIn(user: StaffUser, extra?: Extra): Promise<DesktopServices>;
  /**
   * An order in testing on the server, its one sample with `analyses` parameters all given to
   * STAFF.analis, and the analyst's desktop signed in.
   */
  analystInTesting(analyses: number): Promise<{ o: Order; s: Sample; c: DesktopServices }>;
}

export function onFakeServer(prefix?: string): OnFakeServer {
  let server: FakeServer | null = null;
  let tmp: ReturnType<typeof tempDir> | null = null;
  const open: DesktopServices[] = [];

  beforeEach(async () => {
    server = await new FakeServer().start();
    tmp = tempDir(prefix);
  });
  afterEach(async () => {
    for (const s of open.splice(0)) s.close();
    await server!.stop();
    tmp!.cleanup();
  });

  const client = (extra: Extra = {}) => {
    const s = services(tmp!.dir, server!.url, extra);
    open.push(s);
    return s;
  };
  return {
    get server() {
      return server!;
    },
    get dir() {
      return tmp!.dir;
    },
    client,
    async signedIn(user, extra = {}) {
      const c = client(extra);
      await c.login(user.username, user.password);
      await c.syncNow();
      return c;
    },
    async analystInTesting(analyses) {
      const o = orderInLab({ stage: 'in_testing', analyses });
      server!.put(o);
      const c = await this.signedIn(STAFF.analis);
      return { o, s: o.samples[0]!, c };
    },
  };
}
