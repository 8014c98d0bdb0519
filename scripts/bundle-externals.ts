/**
 * What the esbuild bundles of main/ leave outside, required at run time from node_modules: the
 * native modules (their addon loads at run time), Electron, and the big runtime libraries. Read by
 * scripts/build.ts and by the shell tests that bundle main/ the same way (test/unit/shell/bundle.ts).
 */
import { NATIVE_MODULES } from './native-modules';

export const BUNDLE_EXTERNALS: readonly string[] = [
  ...NATIVE_MODULES.map((m) => m.package),
  'pg',
  'pg-native',
  'electron',
  'electron-store',
  'electron-updater',
  'fastify',
  'pino',
  'pdf-lib',
  '@pdf-lib/fontkit',
  'node-forge',
];
