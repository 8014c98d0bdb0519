/**
 * electron-updater behind the update flow (main/services/update/flow.ts): the feed of the server
 * the desktop signs in to (generic provider), the install id and version sent with every feed
 * request, the unit's proxy on electron-updater's session, and the user's consent to restart in a
 * dialog that shows the release notes. The flow itself is tested in Node
 * (test/integration/release/update-flow.test.ts) against the real server's feed.
 */
import { app, dialog, session, type BrowserWindow } from 'electron';
import { autoUpdater } from 'electron-updater';
import { CLIENT_HEADER, clientHeaderValue, INSTALL_ID_HEADER } from '../../shared/api/releases';
import { feedUrl, proxyConfig, UpdateFlow, type UpdateStatus, type WorkInProgress } from '../services/update/flow';
import { ensureInstallId } from '../services/update/install-id';

export interface ShellUpdaterOptions {
  serverUrl: () => string | null;
  work: () => WorkInProgress;
  emit: (status: UpdateStatus) => void;
  window: () => BrowserWindow | null;
  log: (line: string) => void;
}

export interface ShellUpdater {
  start(): void;
  /** Sync or signing state changed: a waiting install may go ahead (the user is asked again). */
  workChanged(): void;
  stop(): void;
}

export function startShellUpdater(o: ShellUpdaterOptions): ShellUpdater | null {
  // Development runs (npm start) have no installer to update.
  if (!app.isPackaged) return null;
  const channel = process.env.SIPPT_UPDATE_CHANNEL === 'beta' ? 'beta' : 'latest';
  autoUpdater.autoDownload = false;
  autoUpdater.autoInstallOnAppQuit = false; // only when the user agrees, and only when nothing waits
  autoUpdater.allowPrerelease = channel === 'beta';
  autoUpdater.logger = { info: () => undefined, warn: (m: unknown) => o.log(`update: ${String(m)}`), error: (m: unknown) => o.log(`update: ${String(m)}`), debug: () => undefined };
  autoUpdater.requestHeaders = { [INSTALL_ID_HEADER]: ensureInstallId(app.getPath('userData')), [CLIENT_HEADER]: clientHeaderValue(app.getVersion()) };
  // electron-updater downloads through its own session: the unit's proxy (or the system's) there.
  void session.fromPartition('electron-updater', { cache: false }).setProxy(proxyConfig(process.env));

  let lastServer: string | null = null;
  const pointAtServer = () => {
    const server = o.serverUrl();
    if (!server || server === lastServer) return server !== null;
    lastServer = server;
    autoUpdater.setFeedURL({ provider: 'generic', url: feedUrl(server), channel });
    return true;
  };

  const flow = new UpdateFlow({
    port: {
      checkForUpdates: async () => (pointAtServer() ? autoUpdater.checkForUpdates() : null),
      downloadUpdate: () => autoUpdater.downloadUpdate(),
      quitAndInstall: (silent, runAfter) => autoUpdater.quitAndInstall(silent, runAfter),
      on: (event, listener) => autoUpdater.on(event, listener),
    },
    currentVersion: app.getVersion(),
    work: o.work,
    emit: (s) => {
      o.emit(s);
      if (s.state === 'downloaded') void ask();
    },
    log: o.log,
  });

  let asking = false;
  const ask = async () => {
    if (asking) return;
    asking = true;
    try {
      const s = flow.current;
      const options: Electron.MessageBoxOptions = {
        type: 'info',
        title: 'SIPPT Lab',
        message: `SIPPT Lab ${s.version} siap dipasang. / SIPPT Lab ${s.version} is ready to install.`,
        detail: `${s.releaseNotes ?? ''}\n\nAplikasi akan ditutup dan dibuka kembali. / The app closes and opens again.`.trim(),
        buttons: ['Pasang dan mulai ulang / Install and restart', 'Nanti / Later'],
        defaultId: 0,
        cancelId: 1,
      };
      const win = o.window();
      const r = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
      if (r.response === 0) await flow.install();
    } finally {
      asking = false;
    }
  };

  return {
    start: () => flow.start(),
    workChanged: () => {
      void flow.workChanged().then((ready) => {
        if (ready) void ask();
      });
    },
    stop: () => flow.stop(),
  };
}
