/**
 * The UI's build. Two entries share components: `desktop/` (the lab app, through the bridge) and,
 * later, `portal/` (the customer portal against the REST API). Output goes to dist/renderer/<entry>,
 * which the Electron shell serves over app:// and the loopback host over HTTP.
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: resolve(here, 'desktop'),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(here, '../dist/renderer/desktop'),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
    target: 'es2022',
  },
  worker: { format: 'es' },
});
