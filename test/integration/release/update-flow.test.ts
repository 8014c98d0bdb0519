/**
 * The desktop's update flow in Node against the real server's feed (listening on a port): the
 * flow (main/services/update/flow.ts) over electron-updater's own AppImageUpdater, with Electron's
 * `app` replaced by a test double (electron-updater's AppAdapter) and its HTTP by builder-util's
 * Node executor. electron-updater loads without Electron: it requires 'electron' only in its
 * Electron adapter and HTTP executor, both replaced here.
 *
 * Check, available (with the release notes), download with progress, SHA-512 verified (a file
 * altered on the server's disk is refused), install deferred while the outbox is not empty or a
 * signing batch runs, installed once the work is done.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request, type ClientRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { AppImageUpdater } from 'electron-updater';
import { ElectronHttpExecutor } from 'electron-updater/out/electronHttpExecutor';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientHeaderValue, CLIENT_HEADER, INSTALL_ID_HEADER } from '../../../shared/api/releases';
import {
  feedUrl,
  UpdateFlow,
  type UpdaterPort,
  type UpdateStatus,
  type WorkInProgress,
} from '../../../main/services/update/flow';
import { ensureInstallId } from '../../../main/services/update/install-id';
import { API, startTestServer, suiteTempDir, type TestServer } from '../server/harness';
import { fakeRelease, multipartFiles, releaseParts, sha512 } from './support';

let ts: TestServer;
let baseUrl = '';
const root = suiteTempDir('sippt-update-');
const saved = { dir: process.env.SIPPT_RELEASES_DIR, appimage: process.env.APPIMAGE };
const installer = randomBytes(3 * 1024 * 1024);

beforeAll(async () => {
  process.env.SIPPT_RELEASES_DIR = join(root, 'releases');
  // The running AppImage electron-updater replaces (never touched: install is a spy here).
  process.env.APPIMAGE = join(root, 'SIPPT-Lab-1.0.0.AppImage');
  writeFileSync(process.env.APPIMAGE, 'old');
  ts = await startTestServer('sqlite');
  baseUrl = await ts.app.listen({ port: 0, host: '127.0.0.1' });
  const m = multipartFiles(
    releaseParts(
      fakeRelease('1.1.0', {
        platform: 'linux',
        data: installer,
        releaseNotes: 'Perbaikan: sinkronisasi lebih cepat.',
      }),
    ),
  );
  const res = await ts.request('POST', `${API}/releases`, {
    rawBody: m.body,
    headers: { 'content-type': m.contentType },
    token: await ts.token(ts.firstOf('admin_satker').username),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}, 120_000);
afterAll(async () => {
  await ts?.close();
  for (const [k, v] of [
    ['SIPPT_RELEASES_DIR', saved.dir],
    ['APPIMAGE', saved.appimage],
  ] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

/** electron-updater's own executor (its download, SHA-512 check and progress) over Node's http instead of Electron's net. */
class NodeExecutor extends ElectronHttpExecutor {
  override createRequest(
    options: RequestOptions,
    callback: (response: IncomingMessage) => void,
  ): ReturnType<ElectronHttpExecutor['createRequest']> {
    return request(options, callback) as ClientRequest as unknown as ReturnType<
      ElectronHttpExecutor['createRequest']
    >;
  }
  override addRedirectHandlers(): void {
    // the feed never redirects
  }
}

/** electron-updater's AppImageUpdater as an installed 1.0.0 would run it, Electron's app replaced. */
function installedApp(name: string) {
  const dir = join(root, name);
  mkdirSync(join(dir, 'userData'), { recursive: true });
  const configPath = join(dir, 'app-update.yml');
  writeFileSync(
    configPath,
    `provider: generic\nurl: ${feedUrl(baseUrl)}\nupdaterCacheDirName: sippt-lab-updater\n`,
  );
  const quits: string[] = [];
  const app = {
    version: '1.0.0',
    name: 'SIPPT Lab',
    isPackaged: true,
    appUpdateConfigPath: configPath,
    userDataPath: join(dir, 'userData'),
    baseCachePath: join(dir, 'cache'),
    whenReady: () => Promise.resolve(),
    relaunch: () => quits.push('relaunch'),
    quit: () => quits.push('quit'),
    onQuit: () => undefined,
  };
  const updater = new AppImageUpdater(null, app);
  (updater as unknown as { httpExecutor: NodeExecutor }).httpExecutor = new NodeExecutor();
  updater.logger = null;
  updater.autoDownload = false;
  updater.autoInstallOnAppQuit = false;
  updater.disableDifferentialDownload = true; // an AppImage's blockmap is inside the old AppImage, which is a stand-in here
  updater.requestHeaders = {
    [INSTALL_ID_HEADER]: ensureInstallId(app.userDataPath),
    [CLIENT_HEADER]: clientHeaderValue(app.version),
  };
  updater.setFeedURL({ provider: 'generic', url: feedUrl(baseUrl), channel: 'latest' });
  const installs: [boolean | undefined, boolean | undefined][] = [];
  const port: UpdaterPort = {
    checkForUpdates: () => updater.checkForUpdates(),
    downloadUpdate: () => updater.downloadUpdate(),
    quitAndInstall: (silent, runAfter) => installs.push([silent, runAfter]), // the real one replaces the AppImage and quits
    on: (event, listener) => updater.on(event, listener),
  };
  return { updater, port, installs, dir, app };
}

function flowOver(port: UpdaterPort, work: () => WorkInProgress) {
  const seen: UpdateStatus[] = [];
  const logs: string[] = [];
  const flow = new UpdateFlow({
    port,
    currentVersion: '1.0.0',
    work,
    emit: (s) => seen.push(s),
    // What went wrong (warn, error): the info lines of a good check are left out.
    logger: {
      info: () => {},
      warn: (m, f) => logs.push(`${m} ${JSON.stringify(f)}`),
      error: (m, f) => logs.push(`${m} ${JSON.stringify(f)}`),
    },
  });
  return { flow, seen, logs };
}

describe('update flow against the real feed', () => {
  it('refuses a download whose SHA-512 is not the feed’s (a file altered on the server’s disk)', async () => {
    const stored = join(
      process.env.SIPPT_RELEASES_DIR!,
      Buffer.from(sha512(installer), 'base64').toString('hex').slice(0, 2),
      Buffer.from(sha512(installer), 'base64').toString('hex'),
    );
    expect(existsSync(stored)).toBe(true);
    const altered = Buffer.from(installer);
    altered[12345] = altered[12345]! ^ 0xff;
    writeFileSync(stored, altered);
    try {
      const { port, installs, dir } = installedApp('tampered');
      const { flow, seen, logs } = flowOver(port, () => ({ pendingChanges: 0, signing: false }));
      await flow.check();
      expect(seen.map((s) => s.state)).toEqual(
        expect.arrayContaining(['checking', 'available', 'downloading', 'error']),
      );
      expect(flow.current.state).toBe('error');
      expect(logs.join('\n')).toMatch(/sha512 checksum mismatch/);
      expect(flow.current.message?.en).toMatch(/tried again later/);
      expect(installs).toEqual([]);
      // nothing downloaded was kept as the update
      const cache = join(dir, 'cache', 'sippt-lab-updater');
      const kept = existsSync(cache)
        ? readdirSync(cache, { recursive: true })
            .map(String)
            .filter((f) => f.endsWith('.AppImage'))
        : [];
      expect(kept).toEqual([]);
    } finally {
      writeFileSync(stored, installer);
    }
  }, 60_000);

  it('checks, finds 1.1.0 with its notes, downloads it with progress, verified; install waits for the outbox and the signing batch', async () => {
    const { port, installs, dir } = installedApp('good');
    let work: WorkInProgress = { pendingChanges: 2, signing: false };
    const { flow, seen, logs } = flowOver(port, () => work);
    await flow.check();
    expect(logs).toEqual([]);

    const states = seen.map((s) => s.state);
    expect(states.slice(0, 3)).toEqual(['checking', 'available', 'downloading']);
    expect(flow.current).toMatchObject({
      state: 'downloaded',
      version: '1.1.0',
      releaseNotes: 'Perbaikan: sinkronisasi lebih cepat.',
      percent: 100,
    });
    const progress = seen.filter((s) => s.state === 'downloading').map((s) => s.percent);
    expect(progress[0]).toBe(0);
    expect(progress.length).toBeGreaterThanOrEqual(2); // 0 and the transfer's own progress reports
    expect(Math.max(...(progress as number[]))).toBeGreaterThan(0);
    // The file electron-updater kept is the published one, byte for byte (it checked the SHA-512).
    const cache = join(dir, 'cache', 'sippt-lab-updater', 'pending');
    const file = readdirSync(cache).find((f) => f.endsWith('.AppImage'))!;
    expect(readFileSync(join(cache, file)).equals(installer)).toBe(true);

    // The user agrees, but two changes wait in the outbox: no restart.
    expect(await flow.install()).toMatchObject({
      installed: false,
      message: { en: expect.stringMatching(/2 change\(s\) have been sent/) },
    });
    expect(flow.current.state).toBe('waiting');
    expect(installs).toEqual([]);
    // Sent; now a signing batch runs: still no restart.
    work = { pendingChanges: 0, signing: true };
    expect(await flow.workChanged()).toBe(false);
    expect(flow.current.message?.en).toMatch(/signing batch/);
    expect(await flow.install()).toMatchObject({ installed: false });
    expect(installs).toEqual([]);
    // Done: ready again; the user agrees; installed on restart.
    work = { pendingChanges: 0, signing: false };
    expect(await flow.workChanged()).toBe(true);
    expect(await flow.install()).toEqual({ installed: true, message: null });
    expect(installs).toEqual([[false, true]]);
    expect(flow.current.state).toBe('installing');
  }, 60_000);
});
