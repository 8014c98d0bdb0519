/**
 * SIPPT Lab desktop: the Electron main process. It owns the one window, the `app://` protocol, the
 * settings file and the dialogs; the engine (DesktopServices behind the bridge) runs in a utility
 * process (services-process.ts), so SQLite, pulls and signing never freeze the window.
 *
 * Bundled to dist/main/app.cjs (scripts/build.ts), beside preload.cjs and utility.cjs; the built
 * renderer is dist/renderer/desktop.
 */
import { app, BrowserWindow, dialog, ipcMain, protocol, screen, session, utilityProcess } from 'electron';
import electronLog from 'electron-log/node';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { IPC_CHANNELS, type Settings } from '../../shared/bridge';
import { resolveAppRequest } from './app-protocol';
import { securityHeaders } from './csp';
import { shellLogger } from './electron-logger';
import { handleInvoke, UNTRUSTED_SENDER } from './ipc-handler';
import {
  KEYSTORE_DIALOG_FILTERS,
  MAX_KEYSTORE_BYTES,
  readAtMost,
  type PickedKeystore,
} from './keystore-pick';
import { installAppSecurity, installSessionSecurity } from './security';
import { ServicesProcess } from './services-process';
import { openElectronSettings } from './settings-electron';
import { APP_ENTRY_URL, APP_SCHEME, isTrustedUrl } from './trusted-url';
import { startShellUpdater } from './updater';
import { checklistViolations, windowOptions, windowSize } from './window-options';

const here = __dirname; // dist/main once bundled
const RENDERER_DIR = join(here, '..', 'renderer', 'desktop');
const PRELOAD = join(here, 'preload.cjs');
const ENGINE = join(here, 'utility.cjs');

// Before `ready`: `app://` behaves like https (secure context, fetch, a real origin for 'self').
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);
installAppSecurity();

// One log file for the shell and the engine (its records are relayed here), in the app's logs folder.
const logger = shellLogger(electronLog, { logsDir: () => app.getPath('logs'), console: !app.isPackaged });
const log = (line: string) => logger.error(`shell: ${line}`);

// A separate profile (tests, a second unit on one PC). Before the lock: the lock lives in userData.
if (process.env.SIPPT_USER_DATA) app.setPath('userData', process.env.SIPPT_USER_DATA);

if (!app.requestSingleInstanceLock()) {
  // Two engines on one working copy would fight over its SQLite files: the first instance wins.
  app.quit();
} else {
  let win: BrowserWindow | null = null;
  const settings = openElectronSettings();

  /** Development only: better-sqlite3 built for Electron's ABI by `npm run electron:native`. */
  const sqliteBinding = (): string | null => {
    if (app.isPackaged) return null; // electron-builder rebuilt node_modules for Electron
    const p = join(app.getAppPath(), 'build', 'electron-native', 'better_sqlite3.node');
    return existsSync(p) ? p : null;
  };
  /** Development only: pkcs11js (token signing) built for Electron's ABI, a whole package copy. */
  const pkcs11jsDir = (): string | null => {
    if (app.isPackaged) return null;
    const p = join(app.getAppPath(), 'build', 'electron-native', 'pkcs11js');
    return existsSync(join(p, 'index.js')) ? p : null;
  };
  const fontsDir = app.isPackaged
    ? join(process.resourcesPath, 'fonts')
    : join(app.getAppPath(), 'resources', 'fonts');

  const sendToWindow = (event: string, payload: unknown) => {
    if (!win || win.isDestroyed() || !isTrustedUrl(win.webContents.getURL())) return;
    win.webContents.send(IPC_CHANNELS.event, { event, payload });
  };

  // What must finish before an update may restart the app (from the engine's own events).
  const work = { pendingChanges: 0, signing: false };
  let onWorkChanged = () => {};
  const observe = (event: string, payload: unknown) => {
    const p = payload as {
      pending?: number;
      signedAwaitingUpload?: number;
      done?: number;
      total?: number;
    } | null;
    if (event === 'sync.status' && p) work.pendingChanges = (p.pending ?? 0) + (p.signedAwaitingUpload ?? 0);
    else if (event === 'signing.progress' && p) work.signing = (p.done ?? 0) < (p.total ?? 0);
    else return;
    onWorkChanged();
  };

  const services = new ServicesProcess({
    fork: () => {
      const binding = sqliteBinding();
      const pkcs11js = pkcs11jsDir();
      return utilityProcess.fork(ENGINE, [], {
        serviceName: 'SIPPT Lab engine',
        env: {
          ...process.env,
          SIPPT_APP_VERSION: app.getVersion(),
          ...(binding ? { SIPPT_SQLITE_BINDING: binding } : {}),
          ...(pkcs11js ? { SIPPT_PKCS11JS_DIR: pkcs11js } : {}),
        },
      });
    },
    init: () => ({
      settings: settings.get(),
      app: { version: app.getVersion(), host: 'electron' },
      dataDir: app.getPath('userData'),
      fontsDir,
    }),
    onEvent: (event, payload) => {
      observe(event, payload);
      sendToWindow(event, payload);
    },
    onSettings: (patch: Partial<Settings>) => {
      try {
        settings.update(patch);
      } catch (e) {
        log(`settings not saved: ${e instanceof Error ? e.message : String(e)}`);
      }
    },
    log,
    engineLogger: logger,
  });

  const pickKeystore = async (): Promise<PickedKeystore> => {
    const options: Electron.OpenDialogOptions = {
      title: 'Pilih berkas keystore (.p12/.pfx) / Choose the keystore file',
      properties: ['openFile', 'dontAddToRecent'],
      filters: KEYSTORE_DIALOG_FILTERS,
    };
    const result =
      win && !win.isDestroyed()
        ? await dialog.showOpenDialog(win, options)
        : await dialog.showOpenDialog(options);
    const path = result.filePaths[0];
    if (result.canceled || !path) return null;
    // One byte over the limit is enough to know it is too big.
    return { name: basename(path), bytes: await readAtMost(path, MAX_KEYSTORE_BYTES + 1) };
  };

  let saveSizeTimer: ReturnType<typeof setTimeout> | null = null;
  const saveWindowSize = () => {
    if (saveSizeTimer) clearTimeout(saveSizeTimer);
    saveSizeTimer = null;
    if (!win || win.isDestroyed() || win.isMaximized() || win.isFullScreen() || win.isMinimized()) return;
    const { width, height } = win.getNormalBounds();
    const patch: Partial<Settings> = { window: { width, height } };
    try {
      settings.update(patch);
      services.pushSettings(patch);
    } catch (e) {
      log(`window size not saved: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const createWindow = () => {
    const options = windowOptions({
      preloadPath: PRELOAD,
      size: windowSize(settings.get().window, screen.getPrimaryDisplay().workAreaSize),
      devTools: !app.isPackaged || process.env.SIPPT_DEVTOOLS === '1',
    });
    const violations = checklistViolations(options);
    if (violations.length > 0)
      throw new Error(`window options break the security checklist: ${violations.join('; ')}`);
    win = new BrowserWindow(options);
    win.once('ready-to-show', () => win?.show());
    win.on('resize', () => {
      if (saveSizeTimer) clearTimeout(saveSizeTimer);
      saveSizeTimer = setTimeout(saveWindowSize, 500);
    });
    win.on('close', saveWindowSize);
    win.on('closed', () => {
      win = null;
    });
    win.webContents.on('render-process-gone', (_e, details) => {
      log(`window renderer gone: ${details.reason}`);
      if (details.reason !== 'clean-exit' && win && !win.isDestroyed()) win.webContents.reload();
    });
    void win.loadURL(APP_ENTRY_URL);
  };

  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });

  app.on('window-all-closed', () => app.quit());

  let quitting = false;
  app.on('before-quit', (event) => {
    if (services.status === 'stopped' || services.status === 'idle') return;
    // Hold the quit until the engine has closed its databases (WAL checkpoint, no half-written outbox).
    event.preventDefault();
    if (quitting) return;
    quitting = true;
    saveWindowSize();
    void services.stop().finally(() => app.quit());
  });

  void app.whenReady().then(() => {
    if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
      dialog.showErrorBox(
        'SIPPT Lab',
        `Tampilan aplikasi belum dibangun (${RENDERER_DIR}): jalankan \`npm run build\`.\nThe app's UI is not built (${RENDERER_DIR}): run \`npm run build\`.`,
      );
      app.quit();
      return;
    }
    installSessionSecurity(session.defaultSession);

    protocol.handle(APP_SCHEME, async (request) => {
      const text = (status: number, body: string) =>
        new Response(body, { status, headers: securityHeaders('text/plain; charset=utf-8') });
      if (request.method !== 'GET' && request.method !== 'HEAD')
        return text(405, 'Metode tidak diizinkan / Method not allowed');
      const r = resolveAppRequest(RENDERER_DIR, request.url);
      if (r.kind === 'refused')
        return text(r.status, r.status === 404 ? 'Tidak ditemukan / Not found' : 'Ditolak / Refused');
      try {
        const body = await readFile(r.path);
        return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
          status: 200,
          headers: securityHeaders(r.contentType),
        });
      } catch {
        return text(404, 'Tidak ditemukan / Not found');
      }
    });

    ipcMain.handle(IPC_CHANNELS.invoke, (event, raw: unknown) => {
      // Our window only, and only while it shows our app (handleInvoke checks the frame's URL).
      if (!win || event.sender !== win.webContents) return UNTRUSTED_SENDER;
      return handleInvoke(event.senderFrame?.url, raw, {
        forward: (name, input) => services.invoke(name, input),
        pickKeystore,
        // The outdated banner's *Perbarui*: the updater lives here, not in the engine.
        ...(updater ? { installUpdate: () => updater.install() } : {}),
      });
    });

    services.start();
    createWindow();

    // Updates from the release feed of the server the desktop signs in to (packaged app only).
    const updater = startShellUpdater({
      serverUrl: () => settings.get().serverUrl,
      settings: () => settings.get(),
      work: () => ({ ...work }),
      emit: (status) => sendToWindow('update.status', status),
      window: () => win,
      logger,
    });
    if (updater) {
      onWorkChanged = () => updater.workChanged();
      updater.start();
    }
  });
}
