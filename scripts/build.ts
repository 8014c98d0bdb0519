/**
 * Production build: the server and the desktop main process bundled with esbuild (native modules
 * and big runtime libraries stay external), the UI with Vite. Each part is built only when its
 * entry point exists, so the build grows with the product instead of failing on what is not there.
 */
import { build } from 'esbuild';
import { existsSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { BUNDLE_EXTERNALS as external } from './bundle-externals';

rmSync('dist', { recursive: true, force: true });

// The server runs beside its node_modules: its packages stay external (many are CommonJS, which an
// ESM bundle cannot require). The desktop main process is bundled except native and Electron modules.
// Electron targets: electron-store is ESM-only, so the CJS main bundle carries it rather than
// require() it; the engine's modules use import.meta (fonts, version), shimmed from __filename.
const targets: {
  entry: string;
  out: string;
  format: 'esm' | 'cjs';
  packagesExternal?: boolean;
  bundle?: string[];
  importMetaShim?: boolean;
}[] = [
  { entry: 'server/cli.ts', out: 'dist/server/cli.js', format: 'esm', packagesExternal: true },
  // The PDF worker threads (server/reports/pdf-pool.ts loads it beside the bundled server).
  {
    entry: 'server/reports/pdf-worker.ts',
    out: 'dist/server/pdf-worker.js',
    format: 'esm',
    packagesExternal: true,
  },
  { entry: 'main/shell/app.ts', out: 'dist/main/app.cjs', format: 'cjs', bundle: ['electron-store'] },
  { entry: 'main/shell/preload.ts', out: 'dist/main/preload.cjs', format: 'cjs' },
  { entry: 'main/host/utility.ts', out: 'dist/main/utility.cjs', format: 'cjs', importMetaShim: true },
];
const importMetaShim = {
  define: {
    'import.meta.url': '__sippt_import_meta_url',
    'import.meta.dirname': '__dirname',
    'import.meta.filename': '__filename',
  },
  banner: { js: 'var __sippt_import_meta_url = require("url").pathToFileURL(__filename).href;' },
};
for (const t of targets) {
  if (!existsSync(t.entry)) {
    console.log(`- ${t.entry}: belum ada / not present, skipped`);
    continue;
  }
  await build({
    entryPoints: [t.entry],
    outfile: t.out,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: t.format,
    ...(t.packagesExternal
      ? { packages: 'external' as const }
      : { external: external.filter((e) => !t.bundle?.includes(e)) }),
    ...(t.importMetaShim ? importMetaShim : {}),
    sourcemap: true,
    logLevel: 'warning',
  });
  console.log(`✓ ${t.out}`);
}
if (existsSync('renderer/vite.config.ts')) {
  execFileSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts'], { stdio: 'inherit' });
  console.log('✓ dist/renderer');
}
if (existsSync('renderer/vite.portal.config.ts')) {
  execFileSync('npx', ['vite', 'build', '--config', 'renderer/vite.portal.config.ts'], { stdio: 'inherit' });
  console.log('✓ dist/renderer/portal (portal pelanggan / customer portal)');
}
