/**
 * The public PDF check (POST /api/v1/verify, POST /verifikasi) decides from the headers alone,
 * before any byte of the body is read: a Content-Length over 10 MB is a 413, a full pool or upload
 * budget a 503 with Retry-After; both close the connection (the refused body is not drained). A
 * client that sends Expect: 100-continue is told to send its body only once admitted, so a refused
 * client never sends it. At most `receiving` bodies are received at once. Over a real socket
 * (port 7101), since Fastify's inject cannot show what is read from the wire.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../../server/http/app';
import { PdfPool } from '../../../server/reports/pdf-pool';
import { API, multipart, pdfBytes, suiteServer } from './harness';

const PORT = 7101;
let app: FastifyInstance;
// One thread, three queue places (four uploads in the server at most), two bodies received at once.
const pool = new PdfPool({ threads: 1, queue: 3, receiving: 2, retryAfterSeconds: 4 });
// Registered before the server's: the afterAll hooks run in reverse, so the pool closes after it.
afterAll(() => pool.close());
const s = suiteServer('sqlite');
/** Takes the only thread for `ms` and every queue place. */
const fillPool = (ms: number) =>
  Promise.all([pool.run('sleep', ms), pool.run('sleep', 10), pool.run('sleep', 10), pool.run('sleep', 10)]);

beforeAll(async () => {
  app = await buildServer({ db: s.handle, config: s.config, logger: false, pdfPool: pool });
  await app.listen({ port: PORT, host: '127.0.0.1' });
});
afterAll(async () => app?.close());

/** A raw connection: what the server sent so far, and whether it closed the connection. */
interface Raw {
  socket: Socket;
  text(): string;
  closed: Promise<void>;
  /** Resolves once the server's output matches. */
  until(re: RegExp): Promise<string>;
}

function open(head: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const socket = connect(PORT, '127.0.0.1');
    let out = '';
    const waiters: { re: RegExp; done: (s: string) => void }[] = [];
    socket.on('data', (d: Buffer) => {
      out += d.toString('latin1');
      for (const w of [...waiters]) if (w.re.test(out)) w.done(out);
    });
    socket.on('error', () => undefined);
    const closed = new Promise<void>((r) => socket.on('close', () => r()));
    socket.once('connect', () => {
      socket.write(head);
      resolve({
        socket,
        text: () => out,
        closed,
        until: (re) =>
          new Promise((done, fail) => {
            if (re.test(out)) return done(out);
            const t = setTimeout(() => fail(new Error(`no ${re} in: ${out.slice(0, 400)}`)), 10_000);
            waiters.push({ re, done: (x) => (clearTimeout(t), done(x)) });
          }),
      });
    });
    socket.once('error', reject);
  });
}

const headers = (path: string, length: number, extra: Record<string, string> = {}, boundary = 'x') =>
  [
    `POST ${path} HTTP/1.1`,
    'Host: 127.0.0.1',
    `Content-Type: multipart/form-data; boundary=${boundary}`,
    `Content-Length: ${length}`,
    'Accept: application/json',
    ...Object.entries(extra).map(([k, v]) => `${k}: ${v}`),
    '',
    '',
  ].join('\r\n');

const bodyOf = (raw: string) => raw.slice(raw.lastIndexOf('\r\n\r\n') + 4);

it('a Content-Length over 10 MB is refused from the headers: 413 in the error shape, connection closed, no body sent', async () => {
  const c = await open(headers(`${API}/verify`, 20 * 1024 * 1024));
  const res = await c.until(/\r\n\r\n[\s\S]*\}\}$/);
  await c.closed;
  expect(res).toMatch(/^HTTP\/1\.1 413 /);
  expect(res).toMatch(/\r\nconnection: close\r\n/i);
  expect(JSON.parse(bodyOf(res))).toEqual({
    error: {
      code: 'payload_too_large',
      message: { id: expect.stringContaining('terlalu besar'), en: expect.stringContaining('too large') },
    },
  });
});

it('a full pool refuses at once from the headers (503, Retry-After, connection closed), for the API and the page; the server stays responsive', async () => {
  const holding = fillPool(1500);
  await new Promise((r) => setTimeout(r, 200));
  const api = await open(headers(`${API}/verify`, 10 * 1024 * 1024));
  const res = await api.until(/\}\}$/);
  await api.closed;
  expect(res).toMatch(/^HTTP\/1\.1 503 /);
  expect(res).toMatch(/\r\nretry-after: 4\r\n/i);
  expect(res).toMatch(/\r\nconnection: close\r\n/i);
  expect(JSON.parse(bodyOf(res))).toMatchObject({
    error: { code: 'not_available', message: { id: expect.stringContaining('sibuk') } },
  });

  const page = await open(
    headers('/verifikasi', 10 * 1024 * 1024).replace('Accept: application/json', 'Accept: text/html'),
  );
  const html = await page.until(/<\/html>\s*$/);
  await page.closed;
  expect(html).toMatch(/^HTTP\/1\.1 503 /);
  expect(html).toMatch(/\r\nretry-after: 4\r\n/i);
  expect(html).toContain('data-verdict="refused"');
  expect(html).toContain('sibuk');
  expect((await fetch(`http://127.0.0.1:${PORT}${API}/health`)).status).toBe(200);
  await holding;
});

it('Expect: 100-continue: a busy server answers 503 without asking for the body; a free one says 100 Continue, then checks the file', async () => {
  const holding = fillPool(1200);
  await new Promise((r) => setTimeout(r, 200));
  const refused = await open(headers(`${API}/verify`, 1000, { Expect: '100-continue' }));
  const r1 = await refused.until(/\}\}$/);
  expect(r1).toMatch(/^HTTP\/1\.1 503 /);
  expect(r1).not.toContain('100 Continue');
  await holding;
  await new Promise((r) => setTimeout(r, 50));

  const form = multipart({
    data: pdfBytes('bukan E-LHU'),
    filename: 'x.pdf',
    contentType: 'application/pdf',
  });
  const boundary = /boundary=(.+)$/.exec(form.contentType)![1]!;
  const admitted = await open(
    headers(`${API}/verify`, form.body.length, { Expect: '100-continue' }, boundary),
  );
  await admitted.until(/^HTTP\/1\.1 100 Continue\r\n\r\n$/);
  admitted.socket.write(form.body);
  const r2 = await admitted.until(/HTTP\/1\.1 200 [\s\S]*\r\n\r\n\{[\s\S]*\}$/);
  expect(JSON.parse(bodyOf(r2))).toMatchObject({ verdict: 'unknown_document', genuine: false });
  admitted.socket.destroy();
});

it('at most `receiving` bodies are received at once: a third upload is refused while two trickle in (the pool has room), admitted once they are done', async () => {
  const form = multipart({
    data: pdfBytes('bukan E-LHU'),
    filename: 'x.pdf',
    contentType: 'application/pdf',
  });
  const boundary = /boundary=(.+)$/.exec(form.contentType)![1]!;
  // Two uploads send their headers and half their body, and wait.
  const slow = await Promise.all(
    [0, 1].map(() => open(headers(`${API}/verify`, form.body.length, {}, boundary))),
  );
  for (const c of slow) c.socket.write(form.body.subarray(0, 100));
  await new Promise((r) => setTimeout(r, 200));
  const third = await open(headers(`${API}/verify`, form.body.length, {}, boundary));
  const r3 = await third.until(/\}\}$/);
  expect(r3).toMatch(/^HTTP\/1\.1 503 /);
  // The two finish and are checked; then there is room again.
  for (const c of slow) c.socket.write(form.body.subarray(100));
  for (const c of slow) expect(await c.until(/\r\n\r\n\{[\s\S]*\}$/)).toMatch(/^HTTP\/1\.1 200 /);
  for (const c of slow) c.socket.destroy();
  await new Promise((r) => setTimeout(r, 50));
  const fourth = await open(headers(`${API}/verify`, form.body.length, {}, boundary));
  fourth.socket.write(form.body);
  expect(await fourth.until(/\r\n\r\n\{[\s\S]*\}$/)).toMatch(/^HTTP\/1\.1 200 /);
  fourth.socket.destroy();
});
