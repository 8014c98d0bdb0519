/**
 * The customer portal's build (renderer/portal → dist/renderer/portal), served by the SIPPT server
 * at `/` (server/http/routes/portal.ts). Same React components, theme and i18n as the desktop; it
 * talks to the REST API of the server that serves it, so every address is absolute from `/`.
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
// This file runs in Node (the build), not in the browser: eslint.config.js lints it as such.
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: resolve(here, 'portal'),
  base: '/',
  plugins: [react()],
  // No public/ folder: the server serves index.html and /assets/* only.
  publicDir: false,
  build: {
    outDir: resolve(here, '../dist/renderer/portal'),
    emptyOutDir: true,
    sourcemap: false,
    // The server's CSP allows no inline script: never inline the module preload polyfill.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 2000,
    target: 'es2022',
  },
});
