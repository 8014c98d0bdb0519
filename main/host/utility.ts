/**
 * The engine's entry in Electron's utilityProcess (bundled to dist/main/utility.cjs): the same
 * composition the browser host runs (openDesktopEngine), answering the main process over
 * `process.parentPort` (services-protocol.ts). Plain Node: it imports no electron.
 *
 * better-sqlite3 must be the build for Electron's ABI here; the main process passes its path as
 * SIPPT_SQLITE_BINDING in development (npm run electron:native), and a packaged app's node_modules
 * are rebuilt for Electron by electron-builder.
 */
import { serveEngine, type ParentPortLike } from '../shell/services-protocol';
import { openDesktopEngine } from './engine';

const parentPort = (process as NodeJS.Process & { parentPort?: ParentPortLike }).parentPort;

if (!parentPort) {
  console.error(
    'utility.cjs berjalan di utilityProcess Electron (process.parentPort tidak ada) / utility.cjs runs in an Electron utilityProcess (no process.parentPort)',
  );
  process.exit(2);
} else {
  serveEngine({
    port: parentPort,
    makeBridge: (init, settings, logger) =>
      openDesktopEngine({
        dataDir: init.dataDir,
        // The server address comes from the settings (first run: the login screen asks).
        serverUrl: null,
        host: init.app.host,
        settings,
        fontsDir: init.fontsDir,
        // The main process opens the keystore dialog itself and forwards the bytes: no picker here.
        // The records go to the main process, which writes them with electron-log.
        logger,
      }).bridge,
    exit: (code) => process.exit(code),
  });
}
