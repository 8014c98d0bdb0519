/**
 * The desktop engine as a host runs it: DesktopServices (one per server address, made at login),
 * the settings file and the bridge map over them. The browser host and the Electron utility process
 * compose the same thing, so what the tests drive through the browser is what the app runs.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createBridge, type Bridge, type BridgeDeps } from '../services/bridge';
import { DesktopServices } from '../services/desktop';
import type { Logger } from '../services/log/logger';
import { JsonFileSettingsStore, type SettingsStore } from '../services/settings/settings';

export interface DesktopEngineOptions {
  /** The app's data folder: settings.json and the workspaces (per server and user) below it. */
  dataDir: string;
  /** The server to use when the settings name none yet (first run); login may still change it. */
  serverUrl: string | null;
  host: 'electron' | 'web';
  /** Start from an empty data folder (the demo). */
  fresh?: boolean;
  settings?: SettingsStore;
  pickKeystore?: BridgeDeps['pickKeystore'];
  /** pino in the browser host (./pino-logger.ts); in Electron, a relay to the shell's electron-log. */
  logger: Logger;
  /** The E-LHU fonts folder for signing (a packaged app passes its resources). */
  fontsDir?: string;
}

export interface DesktopEngine {
  bridge: Bridge;
  settings: SettingsStore;
}

/** The app's version, from package.json: one version everywhere (About box, login header). */
export function appVersion(): string {
  try {
    const pkg = JSON.parse(
      readFileSync(resolve(import.meta.dirname ?? '.', '../../package.json'), 'utf8'),
    ) as { version?: string };
    if (pkg.version) return pkg.version;
  } catch {
    // bundled: the shell passes the version through the environment
  }
  return process.env.SIPPT_APP_VERSION ?? '0.0.0';
}

export function openDesktopEngine(options: DesktopEngineOptions): DesktopEngine {
  if (options.fresh) rmSync(options.dataDir, { recursive: true, force: true });
  mkdirSync(options.dataDir, { recursive: true });
  const settings = options.settings ?? new JsonFileSettingsStore(join(options.dataDir, 'settings.json'));
  if (options.serverUrl && (options.fresh || !settings.get().serverUrl))
    settings.update({ serverUrl: options.serverUrl });
  // The version the engine's requests carry (X-SIPPT-Client): the shell sets it; the web host reads package.json.
  process.env.SIPPT_APP_VERSION ??= appVersion();
  const bridge = createBridge({
    services: (serverUrl) =>
      new DesktopServices({
        dataDir: options.dataDir,
        serverUrl,
        // The unit's proxy from the settings screen: read at every request, so a change applies at once.
        proxy: () => settings.get().proxy ?? null,
        // Key file or PKCS#11 token: read at every signing, so a change in the settings applies at once.
        signing: {
          ...(options.fontsDir ? { fontsDir: options.fontsDir } : {}),
          source: () => settings.get().signing,
        },
        logger: options.logger,
      }),
    settings,
    app: { version: appVersion(), host: options.host },
    ...(options.pickKeystore ? { pickKeystore: options.pickKeystore } : {}),
    logger: options.logger,
  });
  return { bridge, settings };
}
