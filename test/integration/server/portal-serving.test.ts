/**
 * The customer portal served at `/` (server/http/routes/portal.ts): index.html for its pages only,
 * hashed assets, a strict CSP, the API's own 404/405 untouched, and a clear page when not built.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { suiteServer, suiteTempDir } from './harness';

describe('portal serving', () => {
  // Made before the servers start, removed after they close (suiteTempDir's afterAll runs last).
  const dir = suiteTempDir('sippt-portal-');

  beforeAll(async () => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><title>portal</title><script type="module" src="/assets/index-abc.js"></script>',
    );
    writeFileSync(join(dir, 'assets', 'index-abc.js'), 'console.log(1)');
  });
  const built = suiteServer('sqlite', { portalDir: dir });
  const missing = suiteServer('sqlite', { portalDir: join(dir, 'nope') });

  it('answers its pages with index.html under a CSP without inline scripts', async () => {
    for (const url of [
      '/',
      '/masuk',
      '/daftar',
      '/lupa-sandi',
      '/pesanan',
      '/pesanan/baru',
      '/pesanan/0d3c7a0e-1111-4222-8333-444455556666/ebilling',
      '/profil',
    ]) {
      const r = await built.request('GET', url);
      expect(r.status, url).toBe(200);
      expect(r.raw.toString()).toContain('<title>portal</title>');
      const csp = String(r.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain("'unsafe-inline' 'self'; script");
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(r.headers['cache-control']).toBe('no-store');
    }
  });

  it('serves hashed assets with a long cache, and nothing outside them', async () => {
    const r = await built.request('GET', '/assets/index-abc.js');
    expect(r.status).toBe(200);
    expect(String(r.headers['cache-control'])).toContain('immutable');
    expect((await built.request('GET', '/assets/missing.js')).status).toBe(404);
    expect((await built.request('GET', '/assets/..%2f..%2fpackage.json')).status).toBe(404);
  });

  it('leaves the API, the verification pages and unknown addresses as they were', async () => {
    const api = await built.request('GET', '/api/v1/nope');
    expect(api.status).toBe(404);
    expect(api.body.error.code).toBe('not_found');
    const post = await built.request('POST', '/nope', { body: {} });
    expect(post.status).toBe(404);
    expect((await built.request('GET', '/lain')).status).toBe(404);
    expect((await built.request('GET', '/api/v1/health')).status).toBe(200);
  });

  it('says how to build it when it is not built', async () => {
    const r = await missing.request('GET', '/');
    expect(r.status).toBe(503);
    expect(r.raw.toString()).toContain('npm run build');
  });
});
