/**
 * electron-updater behind the update flow (main/services/update/flow.ts): the feed of the server
 * the desktop signs in to (generic provider) on the channel the settings choose, the install id and
 * version sent with every feed request, the unit's proxy (settings, else environment) on
 * electron-updater's session, and the user's consent to restart in a
 * dialog that shows the release notes. The flow itself is tested in Node
 * (test/integration/release/update-flow.test.ts) against the real server's feed.
 */
import { app, dialog, session, type BrowserWindow } from 'electron';
import { autoUpdater } from 'electron-updater';
import { CLIENT_HEADER, clientHeaderValue, INSTALL_ID_HEADER } from '../../shared/api/releases';
import type { Settings } from '../../shared/bridge';
import type { Logger } from '../services/log/logger';
import { effectiveChannel, sessionProxy, updaterFeed } from '../services/settings/network';
import { UpdateFlow, type UpdateStatus, type WorkInProgress } from '../services/update/flow';
import { ensureInstallId } from '../services/update/install-id';
import { openElectronSettings } from './settings-electron';

export interface ShellUpdaterOptions {
  serverUrl: () => string | null;
  /** The settings as saved now (proxy and update channel from the settings screen); default: the app's settings file. */
  settings?: () => Settings;
  work: () => WorkInProgress;
  emit: (status: UpdateStatus) => void;
  window: () => BrowserWindow | null;
  logger: Logger;
}

export interface ShellUpdater {
  start(): void;
  /** Sync or signing state changed: a waiting install may go ahead (the user is asked again). */
  workChanged(): void;
  /** The user chose *Perbarui* in the window (the outdated-desktop banner): install a downloaded update, or check now. */
  install(): Promise<{ installed: boolean; message: { id: string; en: string } | null }>;
  stop(): void;
}

export function startShellUpdater(o: ShellUpdaterOptions): ShellUpdater | null {
  // Development runs (npm start) have no installer to update.
  if (!app.isPackaged) return null;
  const settings = o.settings ?? (() => openElectronSettings().get());
  autoUpdater.autoDownload = false;
  autoUpdater.autoInstallOnAppQuit = false; // only when the user agrees, and only when nothing waits
  // electron-updater's own lines: its warnings and errors (the flow logs each check's outcome itself).
  autoUpdater.logger = {
    info: () => undefined,
    warn: (m: unknown) => o.logger.warn('update: electron-updater', { detail: String(m) }),
    error: (m: unknown) => o.logger.error('update: electron-updater', { detail: String(m) }),
    debug: () => undefined,
  };
  autoUpdater.requestHeaders = {
    [INSTALL_ID_HEADER]: ensureInstallId(app.getPath('userData')),
    [CLIENT_HEADER]: clientHeaderValue(app.getVersion()),
  };
  // Read at every check, so what the settings screen saved applies to the next check.
  let last = '';
  const pointAtServer = async () => {
    const server = o.serverUrl();
    if (!server) return false;
    const s = settings();
    const channel = effectiveChannel(s, process.env);
    const proxy = sessionProxy(s, process.env);
    const key = JSON.stringify([server, channel, proxy]);
    if (key === last) return true;
    last = key;
    // electron-updater downloads through its own session: the unit's proxy (or the system's) there.
    await session.fromPartition('electron-updater', { cache: false }).setProxy(proxy);
    autoUpdater.allowPrerelease = channel === 'beta';
    autoUpdater.setFeedURL(updaterFeed(server, channel));
    return true;
  };

  const flow = new UpdateFlow({
    port: {
      checkForUpdates: async () => ((await pointAtServer()) ? autoUpdater.checkForUpdates() : null),
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
    logger: o.logger,
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
        detail:
          `${s.releaseNotes ?? ''}\n\nAplikasi akan ditutup dan dibuka kembali. / The app closes and opens again.`.trim(),
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
    install: async () => {
      const state = flow.current.state;
      if (state === 'downloaded' || state === 'waiting') return flow.install();
      if (state === 'idle' || state === 'error') void flow.check();
      return {
        installed: false,
        message:
          state === 'downloading' || state === 'checking' || state === 'available'
            ? {
                id: 'Pembaruan sedang diunduh; aplikasi menawarkan pemasangan begitu selesai.',
                en: 'The update is downloading; the app offers to install it once done.',
              }
            : {
                id: 'Belum ada pembaruan di server; pemeriksaan diulang sekarang. Bila tetap tidak ada, minta bagian TI memasang versi terbaru.',
                en: 'No update on the server yet; checking again now. If none comes, ask your IT staff to install the latest version.',
              },
      };
    },
  };
}
