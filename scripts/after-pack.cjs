/**
 * electron-builder afterPack hook: flips the Electron fuses of the packaged binary (before it is
 * signed and put into the AppImage, deb or NSIS installer). The fuses are compiled into Electron;
 * flipping them here means a user cannot turn them back on with a flag or an environment variable.
 *
 * - RunAsNode off: ELECTRON_RUN_AS_NODE cannot turn the app into a plain Node.js.
 * - EnableNodeOptionsEnvironmentVariable off: NODE_OPTIONS is ignored.
 * - EnableNodeCliInspectArguments off: --inspect and friends are ignored.
 * - OnlyLoadAppFromAsar on: the app is loaded from app.asar only, never from a loose folder.
 * - EnableEmbeddedAsarIntegrityValidation on: app.asar is checked against the hash built in.
 * - EnableCookieEncryption on: the cookie store is encrypted with the OS key store.
 */
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder loads this hook as CommonJS */
const path = require('node:path');
const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses');

/** The fuses and their settings (test/unit/release/packing.test.ts checks them). */
const FUSES = Object.freeze({
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.EnableCookieEncryption]: true,
});

/** The Electron binary inside a packed app folder. */
function electronBinary(context) {
  const name = context.packager.appInfo.productFilename;
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(context.appOutDir, `${name}.app`);
    case 'win32':
      return path.join(context.appOutDir, `${name}.exe`);
    default:
      return path.join(context.appOutDir, context.packager.executableName);
  }
}

async function afterPack(context) {
  const binary = electronBinary(context);
  await flipFuses(binary, {
    version: FuseVersion.V1,
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === 'arm64',
    ...FUSES,
  });
  console.log(
    `  • fuses set  ${path.basename(binary)}: RunAsNode off, NODE_OPTIONS off, inspect off, OnlyLoadAppFromAsar on, asar integrity on, cookie encryption on`,
  );
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.FUSES = FUSES;
module.exports.electronBinary = electronBinary;
