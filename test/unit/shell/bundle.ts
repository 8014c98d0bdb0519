/**
 * main/ bundled for the shell tests the way scripts/build.ts bundles it: CommonJS for Node 20, the
 * native and big runtime libraries (and Electron) left outside, and for the engine
 * (main/host/utility.ts) the import.meta shim that its CommonJS output needs.
 */
import { resolve } from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { BUNDLE_EXTERNALS as EXTERNAL } from '../../../scripts/bundle-externals';

const COMMON: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'error',
};

/** main/shell/app.ts, the Electron main process, to `outfile`. */
export async function bundleShell(outfile: string): Promise<void> {
  await build({
    ...COMMON,
    entryPoints: [resolve('main/shell/app.ts')],
    outfile,
    // electron-store is ESM only: the CommonJS shell carries it rather than require() it.
    external: EXTERNAL.filter((e) => e !== 'electron-store'),
  });
}

/** main/host/utility.ts, the engine's process, to `outfile`; `extra` adds to esbuild's options. */
export async function bundleEngine(outfile: string, extra: BuildOptions = {}): Promise<void> {
  await build({
    ...COMMON,
    entryPoints: [resolve('main/host/utility.ts')],
    outfile,
    external: [...EXTERNAL],
    define: {
      'import.meta.url': '__sippt_import_meta_url',
      'import.meta.dirname': '__dirname',
      'import.meta.filename': '__filename',
    },
    banner: { js: 'var __sippt_import_meta_url = require("url").pathToFileURL(__filename).href;' },
    ...extra,
  });
}
