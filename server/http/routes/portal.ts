/**
 * The customer portal (renderer/portal, built to dist/renderer/portal) served at `/`: its hashed
 * assets under /assets/, and index.html for every page of the portal (the SPA fallback), under a
 * strict Content-Security-Policy (no inline script, nothing from another origin).
 *
 * Only the portal's own pages are routes here, never a catch-all: /api/*, /verify/* and /verifikasi
 * keep their own routes, an unknown address keeps the API's 404 in the error shape, and a POST to
 * an unknown address is not answered "405, use GET" because of the portal.
 *
 * When the portal is not built, its pages answer a short page that says how to build it.
 */
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { contentSecurityPolicy } from '../../../node-shared/csp';
import type { ErrorResponse } from '../../../shared/api/http';
import { PORTAL_PAGES } from '../../../shared/portal-pages';
import type { AppContext } from '../context';

/**
 * The portal's Content-Security-Policy (the shared directives: node-shared/csp.ts). Its own: no
 * worker-src (it runs no worker, so default-src 'self' applies), and forms may post to the
 * portal's own origin.
 */
export const PORTAL_CSP = contentSecurityPolicy({ formAction: "'self'" });

const NOT_BUILT = `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Portal SIPPT belum dibangun</title></head>
<body>
<h1>Portal pelanggan belum dibangun</h1>
<p>Server SIPPT berjalan, tetapi berkas portal pelanggan belum ada. Jalankan <code>npm run build</code> (atau <code>npm run demo</code>), lalu muat ulang halaman ini.</p>
<p lang="en">The SIPPT server is running, but the customer portal has not been built. Run <code>npm run build</code> (or <code>npm run demo</code>), then reload this page.</p>
<p>API: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a></p>
</body></html>
`;

export function portalRoutes(app: AppContext, root: FastifyInstance): void {
  const dir = app.env.config.portalDir;
  root.register(async (child) => {
    // serve: false: the pages and assets are routes of their own (below), the plugin only sends files.
    await child.register(fastifyStatic, { root: dir, serve: false, wildcard: false, suppressWarning: true });

    // After the server-wide onSend (which sets no-store for everything): hashed assets may be kept.
    child.addHook('onSend', async (req, reply, payload) => {
      reply.header('content-security-policy', PORTAL_CSP);
      reply.header('x-frame-options', 'DENY');
      if (req.url.startsWith('/assets/') && reply.statusCode === 200)
        reply.header('cache-control', 'public, max-age=31536000, immutable');
      return payload;
    });

    const built = () => existsSync(join(dir, 'index.html'));
    const page = async (_req: unknown, reply: FastifyReply) => {
      if (!built()) return reply.code(503).header('content-type', 'text/html; charset=utf-8').send(NOT_BUILT);
      return reply.sendFile('index.html', dir, { cacheControl: false });
    };
    for (const url of PORTAL_PAGES) child.get(url, page);

    // A missing asset is a plain 404 in the error shape (not the router's not-found handler, which
    // would see this route's pattern and answer 405).
    const noAsset = (reply: FastifyReply, path: string) =>
      reply.code(404).send({
        error: {
          code: 'not_found',
          message: {
            id: `Berkas portal tidak ditemukan: ${path.slice(0, 120)}`,
            en: `No such portal file: ${path.slice(0, 120)}`,
          },
        },
      } satisfies ErrorResponse);
    child.get<{ Params: { '*': string } }>('/assets/*', async (req, reply) => {
      const rel = req.params['*'];
      // Only plain file names of the build (vite writes [name]-[hash].ext): nothing that could climb out.
      if (!/^[A-Za-z0-9._-]+$/.test(rel) || rel.startsWith('.') || !existsSync(join(dir, 'assets', rel)))
        return noAsset(reply, rel);
      return reply.sendFile(join('assets', rel), dir, { cacheControl: false });
    });
  });
}
