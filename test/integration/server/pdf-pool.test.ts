/**
 * The PDF work runs in a worker pool (server/reports/pdf-pool.ts): bounded threads and queue; a task
 * beyond them is refused at once with 503 and Retry-After in the error shape; a genuine signed E-LHU
 * is recognised through the pool, by the API and the HTML page.
 */
import { afterAll, expect, it } from 'vitest';
import { AppError } from '../../../server/http/errors';
import { buildServer } from '../../../server/http/app';
import { PdfPool, workerFilename } from '../../../server/reports/pdf-pool';
import { suiteFlow } from './flow';
import { API, describeEachDialect, multipart } from './harness';

it('workers load the TypeScript sources under tsx, the bundled file in production', () => {
  expect(workerFilename('file:///app/server/reports/pdf-pool.ts')).toBe(
    'file:///app/server/reports/pdf-worker-tsx.mjs',
  );
  expect(workerFilename('file:///app/dist/server/cli.js')).toBe('file:///app/dist/server/pdf-worker.js');
});

it('a full pool refuses at once with 503 and Retry-After; the tasks it took finish', async () => {
  const pool = new PdfPool({ threads: 1, queue: 1, retryAfterSeconds: 7 });
  try {
    const runs = await Promise.allSettled(Array.from({ length: 5 }, () => pool.run('sleep', 200)));
    const done = runs.filter((r) => r.status === 'fulfilled');
    const refused = runs.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(done.length).toBe(2);
    expect(refused.length).toBe(3);
    for (const r of refused) {
      expect(r.reason).toBeInstanceOf(AppError);
      const e = r.reason as AppError;
      expect([e.statusCode, e.code, e.headers?.['retry-after']]).toEqual([503, 'not_available', '7']);
      expect(e.msg.id).toMatch(/sibuk/);
    }
    // Free again once the work is done.
    expect(await pool.run('sleep', 1)).toBe(1);
    // Admission (before an upload is read): at most threads + queue at once.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const held = [pool.admit(() => gate), pool.admit(() => gate)];
    await expect(pool.admit(async () => 'read')).rejects.toMatchObject({
      statusCode: 503,
      code: 'not_available',
    });
    release();
    await Promise.all(held);
    expect(await pool.admit(async () => 'read')).toBe('read');
  } finally {
    await pool.close();
  }
});

describeEachDialect('PDF checks through the worker pool', (dialect) => {
  const pool = new PdfPool({ threads: 1, queue: 1, retryAfterSeconds: 3 });
  // Registered before the server's: the afterAll hooks run in reverse, so the pool closes after it.
  afterAll(() => pool.close());
  const { s, f } = suiteFlow(dialect);

  it('a genuine E-LHU is recognised through the pool; with the pool busy the API answers 503 and the page says so', async () => {
    const orderId = await f.toPaid();
    await f.sampleTo(orderId, 0, 'awaiting_signature');
    const signed = await f.uploadSignedPdf(orderId, 0);
    await f.release(orderId, 0);
    const app = await buildServer({ db: s.handle, config: s.config, logger: false, pdfPool: pool });
    try {
      const file = multipart({
        data: Buffer.from(signed.pdf),
        filename: 'lhu.pdf',
        contentType: 'application/pdf',
      });
      const send = (url: string, accept = 'application/json') =>
        app.inject({
          method: 'POST',
          url,
          payload: file.body,
          headers: { 'content-type': file.contentType, accept },
        });
      const genuine = await send(`${API}/verify`);
      expect(genuine.statusCode).toBe(200);
      expect(genuine.json()).toMatchObject({
        verdict: 'genuine',
        genuine: true,
        report: { reportId: signed.reportId },
      });

      // One task holds the only thread, another the only queue place: the next check is refused at once.
      const holding = Promise.all([pool.run('sleep', 1500), pool.run('sleep', 10)]);
      await new Promise((r) => setTimeout(r, 300));
      const busy = await send(`${API}/verify`);
      expect(busy.statusCode).toBe(503);
      expect(busy.headers['retry-after']).toBe('3');
      expect(busy.json()).toEqual({
        error: {
          code: 'not_available',
          message: { id: expect.stringContaining('sibuk'), en: expect.stringContaining('busy') },
        },
      });
      const page = await send('/verifikasi', 'text/html');
      expect(page.statusCode).toBe(503);
      expect(page.headers['retry-after']).toBe('3');
      expect(page.body).toContain('sibuk');
      // Everything else is served meanwhile.
      expect((await app.inject({ method: 'GET', url: `${API}/health` })).statusCode).toBe(200);
      await holding;
      await new Promise((r) => setTimeout(r, 50));
      expect((await send(`${API}/verify`)).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
