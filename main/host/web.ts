/**
 * The browser host: the same plain-Node engine the Electron utility process runs, serving the
 * bridge over HTTP on 127.0.0.1 with a random token per launch, plus the built UI. The whole app
 * then runs in a plain browser; that is how the end-to-end tests and the ui bench run it where no
 * Electron binary exists (DESIGN.md, "Desktop shell").
 *
 * Guards, each because a loopback port is reachable by every page the user opens:
 * - the token (header, compared in constant time) on every bridge request: another local page
 *   cannot call the engine without it;
 * - the Host header must be this address: a DNS-rebinding page cannot reach us by a name;
 * - an Origin, when sent, must be this address: no cross-site POSTs;
 * - no CORS headers at all, a strict CSP on the pages, and no request body is ever logged.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import {
  BRIDGE_EVENT_NAMES,
  fail,
  HTTP_BRIDGE,
  type BridgeEventName,
  type Envelope,
} from '../../shared/bridge';
import { CONTENT_SECURITY_POLICY } from './csp';

/** What the host needs of the bridge (main/services/bridge's createBridge gives it). */
export interface HostedBridge {
  invoke(name: string, input: unknown): Promise<Envelope<unknown>>;
  on(event: BridgeEventName, listener: (payload: unknown) => void): () => void;
  close(): void | Promise<void>;
}

export interface WebHostOptions {
  bridge: HostedBridge;
  /** The built UI (dist/renderer/desktop). */
  staticDir: string;
  port?: number;
  /** Fixed token (tests); a fresh random one otherwise. */
  token?: string;
  log?: (line: string) => void;
}

export interface WebHost {
  /** The address to open, token included (`http://127.0.0.1:P/#token=…`). */
  url: string;
  origin: string;
  token: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

const UNAUTHORIZED = fail('unauthorized', {
  id: 'Token host tidak ada atau salah. Buka aplikasi dari alamat yang dicetak saat `npm run desktop:web` dimulai.',
  en: 'The host token is missing or wrong. Open the app from the address printed when `npm run desktop:web` started.',
});

function sameToken(given: string | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  if (!existsSync(resolve(options.staticDir, 'index.html'))) {
    throw new Error(
      `UI belum dibangun di ${options.staticDir}: jalankan \`npm run build\` / the UI is not built in ${options.staticDir}: run \`npm run build\``,
    );
  }
  const token = options.token ?? randomBytes(24).toString('base64url');
  const log = options.log ?? ((line: string) => console.error(line));
  // No request logging: bodies carry passwords and passphrases.
  const app = Fastify({ logger: false, bodyLimit: 1_048_576 });
  let origin = '';
  const allowedHosts = new Set<string>();

  app.addHook('onRequest', async (req, reply) => {
    if (!allowedHosts.has(req.headers.host ?? '')) {
      return reply.code(421).type('text/plain').send('Host tidak dikenal / unknown host');
    }
    const from = req.headers.origin;
    if (from !== undefined && from !== origin && from !== origin.replace('127.0.0.1', 'localhost')) {
      return reply.code(403).type('text/plain').send('Origin ditolak / origin refused');
    }
  });

  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    reply.header('Cache-Control', 'no-store');
    return payload;
  });

  const authorized = (req: FastifyRequest, reply: FastifyReply): boolean => {
    const given = req.headers[HTTP_BRIDGE.tokenHeader];
    if (sameToken(Array.isArray(given) ? given[0] : given, token)) return true;
    void reply.code(401).send(UNAUTHORIZED);
    return false;
  };

  // A body that is not JSON is an input error of the call, answered in the envelope.
  app.setErrorHandler((err, _req, reply) => {
    const status = (err as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) log(`desktop host: ${err instanceof Error ? err.message : String(err)}`);
    void reply.code(status >= 500 ? 500 : 400).send(
      fail(status >= 500 ? 'internal' : 'invalid_payload', {
        id:
          status >= 500
            ? 'Kesalahan di aplikasi; coba lagi.'
            : 'Permintaan tidak dapat dibaca: kirim JSON yang sah.',
        en: status >= 500 ? 'Error in the app; try again.' : 'The request cannot be read: send valid JSON.',
      }),
    );
  });

  app.post<{ Params: { name: string } }>(`${HTTP_BRIDGE.callPath}/:name`, async (req, reply) => {
    if (!authorized(req, reply)) return reply;
    const envelope = await options.bridge.invoke(req.params.name, req.body ?? {});
    return reply.code(200).send(envelope);
  });

  app.get(HTTP_BRIDGE.eventsPath, (req, reply) => {
    if (!authorized(req, reply)) return reply;
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-content-type-options': 'nosniff',
    });
    res.write(': connected\n\n');
    const offs = BRIDGE_EVENT_NAMES.map((name) =>
      options.bridge.on(name, (payload) => {
        res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
      }),
    );
    // A comment every 15 s keeps proxies and idle timers from closing the stream.
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    req.raw.on('close', () => {
      clearInterval(keepAlive);
      for (const off of offs) off();
    });
  });

  await app.register(fastifyStatic, {
    root: resolve(options.staticDir),
    index: ['index.html'],
    cacheControl: false,
    etag: false,
  });

  await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  origin = `http://127.0.0.1:${port}`;
  allowedHosts.add(`127.0.0.1:${port}`);
  allowedHosts.add(`localhost:${port}`);
  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    app,
    async close() {
      await app.close();
      await options.bridge.close();
    },
  };
}
