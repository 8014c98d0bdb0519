/**
 * `npm start [-- electron args]`: build, then run SIPPT Lab desktop in Electron.
 *
 * Where the Electron binary is absent (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1, as on our
 * build machines) it says so in one line, points to the browser host, and exits non-zero before
 * building anything. the native modules for Electron's ABI are built once (npm run electron:native).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { findElectronBinary, noElectronMessage } from '../main/shell/electron-binary';
import { NATIVE_MODULES } from './native-modules';

const electron = findElectronBinary(resolve('node_modules/electron'));
if (!electron.ok) {
  console.error(noElectronMessage(electron.reason));
  process.exit(1);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (args: string[]) =>
  spawnSync(npm, args, { stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;

if (run(['run', 'build']) !== 0) process.exit(1);
if (
  !NATIVE_MODULES.every((m) => existsSync(resolve('build/electron-native', m.output))) &&
  run(['run', 'electron:native']) !== 0
) {
  // electron:native has printed its one line; the node_modules build would crash the engine at login.
  process.exit(1);
}

const env = { ...process.env };
// Set, it would make Electron behave as plain Node and never open a window.
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(electron.path, ['.', ...process.argv.slice(2)], { stdio: 'inherit', env });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
