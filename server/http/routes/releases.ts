/**
 * Desktop releases (issue 11): Admin Satker publishes installers through the API; the feed
 * (electron-updater's generic provider) serves them publicly, read-only, with ETag and Range; the
 * desktop versions in use are recorded at login; a desktop older than the minimum supported
 * version is told so at login and its sync push is refused (426 client_outdated) until it updates:
 * its queued changes stay in its outbox.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { API_PREFIX, EmptyBodySchema } from '../../../shared/api/http';
import {
  CLIENT_HEADER,
  DesktopClientListResponseSchema,
  INSTALL_ID_HEADER,
  MinimumVersionRequestSchema,
  RELEASE_FEED_PATH,
  ReleaseListResponseSchema,
  ReleaseParamsSchema,
  ReleasePolicySchema,
  ReleaseSchema,
  RolloutRequestSchema,
  WithdrawRequestSchema,
  type ClientNotice,
} from '../../../shared/api/releases';
import { etagOf, notModified, parseRange, rangeStillValid, type ByteRange } from '../../releases/http-range';
import { desktopVersionOf } from '../../releases/semver';
import { ReleaseService, type Upload } from '../../releases/service';
import { isInstallId } from '../../releases/staging';
import { releaseDb, ReleaseFiles, releasesDir, UploadTooLarge } from '../../releases/store';
import { FILE_NAME } from '../../releases/yml';
import type { AppContext } from '../context';
import { AppError, fail } from '../errors';

/** Publishing and reading releases: Admin Satker. */
const ADMIN = { permission: 'releases.manage' } as const;
const TAG = ['releases'];
const MAX_YML_BYTES = 1024 * 1024;

function maxReleaseBytes(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.SIPPT_RELEASE_MAX_BYTES);
  return Number.isSafeInteger(n) && n > 0 ? n : 1024 * 1024 * 1024;
}

export function releaseRoutes(app: AppContext, root: FastifyInstance): ReleaseService {
  const { router, env } = app;
  const service = new ReleaseService(releaseDb(env.handle), new ReleaseFiles(releasesDir(env.handle)));
  const now = () => env.config.now();

  router.add({
    method: 'POST',
    url: `${API_PREFIX}/releases`,
    summary:
      'Terbitkan rilis desktop: pemasang, .blockmap dan latest*.yml (multipart) / publish a desktop release',
    tags: TAG,
    access: ADMIN,
    multipart: {
      fields: {
        files:
          'berkas pemasang (.exe/.AppImage/.deb), .blockmap-nya, dan satu latest*.yml / installers, their .blockmap files and one latest*.yml',
        releaseNotes: 'catatan rilis (opsional; bawaan: releaseNotes di yml) / release notes (optional)',
      },
    },
    response: ReleaseSchema,
    status: 201,
    handler: async ({ req, auth }) => {
      const uploads: Upload[] = [];
      let yml: { name: string; text: string } | null = null;
      let releaseNotes: string | null = null;
      const limit = maxReleaseBytes();
      try {
        for await (const part of req.parts({
          limits: { fileSize: limit, files: 40, fields: 4, parts: 44, fieldSize: 20_000 },
        })) {
          if (part.type !== 'file') {
            if (part.fieldname === 'releaseNotes') releaseNotes = String(part.value);
            continue;
          }
          const name = part.filename ?? '';
          if (!FILE_NAME.test(name)) {
            part.file.resume();
            throw fail.badRequest(
              `Nama berkas "${name.slice(0, 100)}" tidak diterima (tanpa folder, huruf/angka/._- saja).`,
              `File name "${name.slice(0, 100)}" is not accepted (no folders; letters, digits, ._- only).`,
            );
          }
          if (name.endsWith('.yml')) {
            if (yml) {
              part.file.resume();
              throw fail.badRequest(
                'Satu rilis satu berkas latest*.yml; terbitkan tiap platform sendiri-sendiri.',
                'One release, one latest*.yml: publish each platform on its own.',
              );
            }
            const buf = await part.toBuffer();
            if (buf.length > MAX_YML_BYTES)
              throw fail.badRequest('Berkas yml terlalu besar.', 'The yml file is too large.');
            yml = { name, text: buf.toString('utf8') };
            continue;
          }
          uploads.push({ name, stored: await service.files.put(part.file, limit) });
        }
        if (!yml)
          throw fail.badRequest(
            'Tidak ada berkas latest*.yml di antara unggahan.',
            'No latest*.yml among the uploaded files.',
          );
        return await service.publish({ yml, files: uploads, releaseNotes, by: auth.user.id, now: now() });
      } catch (e) {
        // Nothing of a refused release stays in the store (files another release has are kept).
        for (const u of uploads) if (u.stored.created) service.files.remove(u.stored.sha512);
        if (e instanceof UploadTooLarge || (e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
          throw new AppError(413, 'payload_too_large', {
            id: 'Berkas rilis terlalu besar (SIPPT_RELEASE_MAX_BYTES).',
            en: 'A release file is too large (SIPPT_RELEASE_MAX_BYTES).',
          });
        }
        throw e;
      }
    },
  });

  router.add({
    method: 'GET',
    url: `${API_PREFIX}/releases`,
    summary: 'Daftar rilis desktop (semua kanal, termasuk yang ditarik) / desktop releases',
    tags: TAG,
    access: ADMIN,
    response: ReleaseListResponseSchema,
    handler: async () => ({ items: await service.list(), minimumVersion: await service.minimumVersion() }),
  });

  router.add({
    method: 'PATCH',
    url: `${API_PREFIX}/releases/:id/rollout`,
    summary: 'Naikkan persentase peluncuran bertahap (stagingPercentage) / raise the staged rollout',
    tags: TAG,
    access: ADMIN,
    params: ReleaseParamsSchema,
    body: RolloutRequestSchema,
    response: ReleaseSchema,
    handler: async ({ params, body }) => service.raiseRollout(params.id, body.stagingPercentage),
  });

  router.add({
    method: 'POST',
    url: `${API_PREFIX}/releases/:id/withdraw`,
    summary:
      'Tarik rilis: umpan kembali ke rilis sebelumnya / withdraw a release: the feed falls back to the previous one',
    tags: TAG,
    access: ADMIN,
    params: ReleaseParamsSchema,
    body: WithdrawRequestSchema,
    response: ReleaseSchema,
    handler: async ({ params, body, auth }) => service.withdraw(params.id, body.reason, auth.user.id, now()),
  });

  router.add({
    method: 'PUT',
    url: `${API_PREFIX}/releases/minimum-version`,
    summary: 'Versi desktop minimum yang didukung / minimum supported desktop version',
    tags: TAG,
    access: ADMIN,
    body: MinimumVersionRequestSchema,
    response: ReleasePolicySchema,
    handler: async ({ body }) => {
      await service.setMinimumVersion(body.version);
      return { minimumVersion: await service.minimumVersion() };
    },
  });

  router.add({
    method: 'DELETE',
    url: `${API_PREFIX}/releases/minimum-version`,
    summary: 'Hapus versi desktop minimum (semua versi boleh sinkron) / clear the minimum desktop version',
    tags: TAG,
    access: ADMIN,
    body: EmptyBodySchema,
    response: ReleasePolicySchema,
    handler: async () => {
      await service.setMinimumVersion(null);
      return { minimumVersion: await service.minimumVersion() };
    },
  });

  router.add({
    method: 'GET',
    url: `${API_PREFIX}/releases/policy`,
    summary: 'Publik: versi desktop minimum / public: the minimum desktop version',
    tags: TAG,
    access: 'public',
    response: ReleasePolicySchema,
    handler: async () => ({ minimumVersion: await service.minimumVersion() }),
  });

  router.add({
    method: 'GET',
    url: `${API_PREFIX}/releases/clients`,
    summary: 'Versi desktop yang dipakai: pengguna, versi, terakhir terlihat / desktop versions in use',
    tags: TAG,
    access: ADMIN,
    response: DesktopClientListResponseSchema,
    handler: async () => service.clients(),
  });

  router.add({
    method: 'GET',
    url: `${RELEASE_FEED_PATH}/:file`,
    summary:
      'Umpan pembaruan (publik, baca saja): latest*.yml dan berkas pemasang, dengan ETag dan Range / the update feed',
    tags: TAG,
    access: 'public',
    params: z.strictObject({ file: z.string().max(200) }),
    produces: 'application/octet-stream',
    handler: async ({ req, reply, params }) => {
      if (params.file.endsWith('.yml')) {
        const raw = req.headers[INSTALL_ID_HEADER];
        const id = typeof raw === 'string' && isInstallId(raw) ? raw : null;
        const text = await service.channelYml(params.file, id);
        if (text === null)
          throw fail.notFound('Belum ada rilis untuk kanal ini.', 'No release on this channel yet.');
        const etag = `"${createHash('sha256').update(text).digest('hex').slice(0, 40)}"`;
        reply.header('etag', etag).header('vary', INSTALL_ID_HEADER);
        if (notModified(req.headers['if-none-match'], etag)) return reply.code(304).send();
        return reply.type('text/yaml; charset=utf-8').send(text);
      }
      const file = FILE_NAME.test(params.file) ? await service.fileByName(params.file) : null;
      if (!file || service.files.size(file.sha512) !== file.size)
        throw fail.notFound('Berkas rilis tidak ditemukan.', 'Release file not found.');
      return sendFile(req, reply, service.files, file);
    },
  });

  // A desktop's version: recorded at login (and refresh and push), checked before a push.
  const login = `${API_PREFIX}/auth/login`;
  const refresh = `${API_PREFIX}/auth/refresh`;
  const push = `${API_PREFIX}/sync/push`;
  root.addHook('preHandler', async (req: FastifyRequest) => {
    if (req.method !== 'POST' || req.routeOptions.url !== push) return;
    const header = req.headers[CLIENT_HEADER];
    const version = desktopVersionOf(header);
    if (version) {
      try {
        const auth = await app.auth.authenticate(req);
        await service.recordClient(auth.user.id, version, now());
      } catch {
        // the route answers the missing or bad token itself
      }
    }
    const outdated = await service.outdated(version);
    if (outdated)
      throw new AppError(426, 'client_outdated', outdated.message, undefined, {
        'x-sippt-minimum-version': outdated.minimumVersion,
      });
  });
  root.addHook('onSend', async (req, reply, payload) => {
    const url = req.routeOptions.url;
    if (url === `${RELEASE_FEED_PATH}/:file`) {
      // Revalidate every time (ETag): a withdrawn release must not linger in a cache.
      reply.header('cache-control', 'no-cache');
      return payload;
    }
    if (
      req.method !== 'POST' ||
      (url !== login && url !== refresh) ||
      reply.statusCode !== 200 ||
      typeof payload !== 'string'
    )
      return payload;
    const header = req.headers[CLIENT_HEADER];
    if (header === undefined) return payload; // not a desktop (the portal, a script)
    const version = desktopVersionOf(header);
    let body: { user?: { id?: unknown } } & Record<string, unknown>;
    try {
      body = JSON.parse(payload) as typeof body;
    } catch {
      return payload;
    }
    if (version && typeof body.user?.id === 'string')
      await service.recordClient(body.user.id, version, now());
    const outdated = await service.outdated(version);
    if (!outdated) return payload;
    reply.header('x-sippt-minimum-version', outdated.minimumVersion);
    const notice: ClientNotice = {
      code: 'client_outdated',
      minimumVersion: outdated.minimumVersion,
      message: outdated.message,
    };
    return JSON.stringify({ ...body, clientNotice: notice });
  });

  return service;
}

async function sendFile(
  req: FastifyRequest,
  reply: FastifyReply,
  files: ReleaseFiles,
  file: { sha512: string; size: number },
) {
  const etag = etagOf(file.sha512);
  reply.header('etag', etag).header('accept-ranges', 'bytes');
  if (notModified(req.headers['if-none-match'], etag)) return reply.code(304).send();
  const rangeHeader = typeof req.headers.range === 'string' ? req.headers.range : undefined;
  const ifRange = typeof req.headers['if-range'] === 'string' ? req.headers['if-range'] : undefined;
  const range = rangeStillValid(ifRange, etag)
    ? parseRange(rangeHeader, file.size)
    : ({ kind: 'full' } as const);
  const head = req.method === 'HEAD';
  // HEAD: Fastify's HEAD route drops the body; an empty stream keeps our Content-Length.
  const nothing = () => Readable.from([]);
  if (range.kind === 'unsatisfiable') {
    return reply
      .code(416)
      .header('content-range', `bytes */${file.size}`)
      .type('application/json; charset=utf-8')
      .send({
        error: {
          code: 'bad_request',
          message: { id: 'Rentang byte di luar berkas.', en: 'The byte range is outside the file.' },
        },
      });
  }
  if (range.kind === 'full') {
    reply.type('application/octet-stream').header('content-length', String(file.size));
    return reply.code(200).send(head ? nothing() : files.open(file.sha512));
  }
  if (range.ranges.length === 1) {
    const r = range.ranges[0]!;
    reply
      .code(206)
      .type('application/octet-stream')
      .header('content-range', `bytes ${r.start}-${r.end}/${file.size}`)
      .header('content-length', String(r.end - r.start + 1));
    return reply.send(head ? nothing() : files.open(file.sha512, r));
  }
  const boundary = createHash('sha256')
    .update(`${file.sha512}${Date.now()}${Math.random()}`)
    .digest('hex')
    .slice(0, 32);
  const heads = range.ranges.map((r) =>
    Buffer.from(
      `\r\n--${boundary}\r\nContent-Type: application/octet-stream\r\nContent-Range: bytes ${r.start}-${r.end}/${file.size}\r\n\r\n`,
      'latin1',
    ),
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`, 'latin1');
  const length = heads.reduce(
    (n, h, i) => n + h.length + range.ranges[i]!.end - range.ranges[i]!.start + 1,
    tail.length,
  );
  reply
    .code(206)
    .header('content-type', `multipart/byteranges; boundary=${boundary}`)
    .header('content-length', String(length));
  if (head) return reply.send(nothing());
  return reply.send(Readable.from(multipartBody(files, file.sha512, range.ranges, heads, tail)));
}

async function* multipartBody(
  files: ReleaseFiles,
  sha512: string,
  ranges: ByteRange[],
  heads: Buffer[],
  tail: Buffer,
): AsyncGenerator<Buffer> {
  for (let i = 0; i < ranges.length; i++) {
    yield heads[i]!;
    for await (const chunk of files.open(sha512, ranges[i]!)) yield chunk as Buffer;
  }
  yield tail;
}
