/**
 * A quiet build of one of the renderer's Vite configs (warnings only), run with this Node and the
 * project's own Vite: what `npm run demo` and `npm run desktop:web` build before they start.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

export function viteBuild(config: 'renderer/vite.config.ts' | 'renderer/vite.portal.config.ts'): void {
  execFileSync(
    process.execPath,
    [resolve('node_modules/vite/bin/vite.js'), 'build', '--config', config, '--logLevel', 'warn'],
    { stdio: 'inherit' },
  );
}
