/**
 * Build the desktop UI once before the browser tests, into a folder of the e2e run's own
 * (test-results/e2e-ui/dist/renderer/desktop): the hosts serve it from there, so a build started
 * elsewhere in the same working tree (which empties dist/) cannot pull the UI from under a test.
 */
import { execFileSync } from 'node:child_process';
import { E2E_UI_ROOT, E2E_UI_DIR } from './stack';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');

/** `vite build` of one of the renderer's configs into `outDir` (emptied first), quiet unless it fails. */
function viteBuild(config: string, outDir: string): void {
  execFileSync(
    process.execPath,
    [
      resolve(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      config,
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'error',
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
}

export default function globalSetup(): void {
  viteBuild('renderer/vite.config.ts', E2E_UI_DIR);
  // Read by startDesktop in the workers (globalSetup's environment is theirs).
  process.env.SIPPT_E2E_UI = E2E_UI_ROOT;
  console.log(`e2e: desktop UI built in ${E2E_UI_ROOT}`);

  // The customer portal, likewise in the run's own folder; demo servers started by the workers
  // serve it from there (SIPPT_PORTAL_DIR, inherited through the environment).
  const portalDir = resolve(E2E_UI_ROOT, 'dist/renderer/portal');
  viteBuild('renderer/vite.portal.config.ts', portalDir);
  process.env.SIPPT_PORTAL_DIR = portalDir;
  console.log(`e2e: customer portal built in ${portalDir}`);
}
