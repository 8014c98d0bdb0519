/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are JSON checked by the assertions */
/**
 * The release feed (issue 11) through HTTP, on SQLite and PostgreSQL: publishing and every refusal,
 * serving (ETag, Range, multipart/byteranges), staged rollout, withdrawal, channels, the minimum
 * desktop version (login notice, push refused with client_outdated), the versions in use, and a
 * second server instance on the same database and releases folder serving the same feed.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer } from '../../../server/http/app';
import { inRollout } from '../../../server/releases/staging';
import { API, describeEachDialect, startTestServer, type TestServer } from '../server/harness';
import { fakeRelease, multipartFiles, parseByteranges, releaseParts, type FakeFile } from './support';

const FEED = `${API}/releases/feed`;

describeEachDialect('release feed', (dialect) => {
  let ts: TestServer;
  let admin: string;
  let releasesDir: string;
  const savedDir = process.env.SIPPT_RELEASES_DIR;

  beforeAll(async () => {
    releasesDir = mkdtempSync(join(tmpdir(), 'sippt-releases-'));
    process.env.SIPPT_RELEASES_DIR = releasesDir;
    ts = await startTestServer(dialect);
    admin = ts.firstOf('admin_satker').username;
  }, 120_000);
  afterAll(async () => {
    await ts?.close();
    if (savedDir === undefined) delete process.env.SIPPT_RELEASES_DIR;
    else process.env.SIPPT_RELEASES_DIR = savedDir;
    rmSync(releasesDir, { recursive: true, force: true });
  });

  const publish = async (
    parts: FakeFile[],
    opts: { as?: string | null; fields?: Record<string, string> } = {},
  ) => {
    const m = multipartFiles(parts, opts.fields);
    const token = opts.as === null ? null : await ts.token(opts.as ?? admin);
    return ts.request('POST', `${API}/releases`, {
      rawBody: m.body,
      headers: { 'content-type': m.contentType },
      token,
    });
  };
  const storedFiles = () =>
    readdirSync(releasesDir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => d.name);

  const v110 = fakeRelease('1.1.0', { releaseNotes: 'Perbaikan sinkronisasi.' });
  let v110id = '';

  it('publishes a release: installer, blockmap and latest.yml, every sha512 checked', async () => {
    const res = await publish(releaseParts(v110));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    v110id = res.body.id;
    expect(res.body).toMatchObject({
      channel: 'latest',
      platform: 'windows',
      version: '1.1.0',
      status: 'active',
      stagingPercentage: 100,
      releaseNotes: 'Perbaikan sinkronisasi.',
    });
    expect(res.body.files.map((f: any) => [f.name, f.kind])).toEqual([
      ['SIPPT-Lab-Setup-1.1.0.exe', 'installer'],
      ['SIPPT-Lab-Setup-1.1.0.exe.blockmap', 'blockmap'],
    ]);
    // Outside the database: two content-addressed files in the releases folder.
    expect(storedFiles()).toHaveLength(2);
    const list = await ts.as(admin).get('releases');
    expect(list.body.items.map((r: any) => r.version)).toEqual(['1.1.0']);
  });

  it('refuses, with a clear 4xx, every bad publication, and keeps nothing of it', async () => {
    const before = storedFiles().length;
    const r = fakeRelease('1.2.0');
    const expectRefused = async (
      res: Awaited<ReturnType<typeof publish>>,
      status: number,
      code: string,
      words: RegExp,
    ) => {
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body.error.code).toBe(code);
      expect(res.body.error.message.en).toMatch(words);
      expect(res.body.error.message.id.length).toBeGreaterThan(10);
    };
    // a file whose bytes differ from the yml's sha512 (same size)
    const tampered = Buffer.from(r.files[0]!.data);
    tampered[100] = (tampered[100]! + 1) % 256;
    await expectRefused(
      await publish([
        { ...r.files[0]!, data: tampered },
        r.files[1]!,
        { name: r.ymlName, data: Buffer.from(r.yml) },
      ]),
      422,
      'invalid_payload',
      /SHA-512/,
    );
    // a size that differs
    await expectRefused(
      await publish([
        { ...r.files[0]!, data: r.files[0]!.data.subarray(1) },
        r.files[1]!,
        { name: r.ymlName, data: Buffer.from(r.yml) },
      ]),
      422,
      'invalid_payload',
      /size/,
    );
    // the yml names a file that was not uploaded
    await expectRefused(
      await publish([r.files[1]!, { name: r.ymlName, data: Buffer.from(r.yml) }]),
      422,
      'invalid_payload',
      /not uploaded/,
    );
    // a file the yml does not name
    await expectRefused(
      await publish([...releaseParts(r), { name: 'notes.txt', data: Buffer.from('x') }]),
      422,
      'invalid_payload',
      /not named/,
    );
    // a lower and an equal version
    await expectRefused(
      await publish(releaseParts(fakeRelease('1.0.9'))),
      409,
      'conflict',
      /not newer than 1\.1\.0/,
    );
    await expectRefused(await publish(releaseParts(fakeRelease('1.1.0'))), 409, 'conflict', /not newer/);
    await expectRefused(
      await publish(releaseParts(fakeRelease('1.1.0-beta.9'))),
      409,
      'conflict',
      /not newer/,
    );
    // no yml, a yml of another name, a yml that is not update info
    await expectRefused(await publish(r.files), 400, 'bad_request', /No latest\*\.yml/);
    await expectRefused(
      await publish([...r.files, { name: 'stable.yml', data: Buffer.from(r.yml) }]),
      400,
      'bad_request',
      /not an update info file/,
    );
    await expectRefused(
      await publish([...r.files, { name: 'latest.yml', data: Buffer.from('version: [1') }]),
      422,
      'invalid_payload',
      /not valid/,
    );
    await expectRefused(
      await publish([...r.files, { name: 'latest.yml', data: Buffer.from('version: banana\nfiles: []\n') }]),
      422,
      'invalid_payload',
      /not a semantic version/,
    );
    // a file name with a folder in it
    await expectRefused(
      await publish([{ name: 'bad$name.exe', data: Buffer.from('x') }]),
      400,
      'bad_request',
      /not accepted/,
    );
    // nothing of the refused uploads stayed in the releases folder
    expect(storedFiles().length).toBe(before);
    // Admin Satker only
    expect((await publish(releaseParts(r), { as: ts.firstOf('mt').username })).status).toBe(403);
    expect((await publish(releaseParts(r), { as: null })).status).toBe(401);
    expect((await ts.as(ts.firstOf('cs').username).get('releases/clients')).status).toBe(403);
    // JSON instead of multipart
    expect((await ts.as(admin).post('releases', {})).status).toBe(415);
  });

  it('serves the yml publicly with an ETag, and 304 when unchanged', async () => {
    const res = await ts.request('GET', `${FEED}/latest.yml`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toMatch(/yaml/);
    const info = yaml.load(res.raw.toString('utf8')) as any;
    expect(info).toMatchObject({
      version: '1.1.0',
      path: 'SIPPT-Lab-Setup-1.1.0.exe',
      releaseNotes: 'Perbaikan sinkronisasi.',
    });
    expect(info.files[0]).toMatchObject({
      url: 'SIPPT-Lab-Setup-1.1.0.exe',
      size: v110.files[0]!.data.length,
    });
    expect(info.stagingPercentage).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-cache');
    const etag = String(res.headers.etag);
    expect(etag).toMatch(/^".+"$/);
    const again = await ts.request('GET', `${FEED}/latest.yml`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect((await ts.request('GET', `${FEED}/latest-linux.yml`)).status).toBe(404);
    expect((await ts.request('GET', `${FEED}/nothing.exe`)).status).toBe(404);
    // read-only
    expect((await ts.request('PUT', `${FEED}/latest.yml`, { body: {} })).status).toBe(405);
  });

  it('serves the files with ETag and Range: single, suffix, several (multipart/byteranges), unsatisfiable, If-Range', async () => {
    const data = v110.files[0]!.data;
    const url = `${FEED}/SIPPT-Lab-Setup-1.1.0.exe`;
    const full = await ts.request('GET', url);
    expect(full.status).toBe(200);
    expect(full.raw.equals(data)).toBe(true);
    expect(full.headers['accept-ranges']).toBe('bytes');
    const etag = String(full.headers.etag);
    expect((await ts.request('GET', url, { headers: { 'if-none-match': etag } })).status).toBe(304);
    const head = await ts.request('HEAD', url);
    expect(head.status).toBe(200);
    expect(Number(head.headers['content-length'])).toBe(data.length);

    const one = await ts.request('GET', url, { headers: { range: 'bytes=100-199' } });
    expect(one.status).toBe(206);
    expect(one.headers['content-range']).toBe(`bytes 100-199/${data.length}`);
    expect(one.raw.equals(data.subarray(100, 200))).toBe(true);

    const suffix = await ts.request('GET', url, { headers: { range: 'bytes=-10' } });
    expect(suffix.status).toBe(206);
    expect(suffix.raw.equals(data.subarray(data.length - 10))).toBe(true);

    const open = await ts.request('GET', url, { headers: { range: `bytes=${data.length - 5}-` } });
    expect(open.raw.equals(data.subarray(data.length - 5))).toBe(true);

    const many = await ts.request('GET', url, { headers: { range: 'bytes=0-9,1000-1099,65000-' } });
    expect(many.status).toBe(206);
    expect(String(many.headers['content-type'])).toMatch(/^multipart\/byteranges; boundary=/);
    expect(Number(many.headers['content-length'])).toBe(many.raw.length);
    const parts = parseByteranges(many.raw, String(many.headers['content-type']));
    expect(parts.map((p) => p.range)).toEqual([
      `bytes 0-9/${data.length}`,
      `bytes 1000-1099/${data.length}`,
      `bytes 65000-${data.length - 1}/${data.length}`,
    ]);
    expect(parts[0]!.data.equals(data.subarray(0, 10))).toBe(true);
    expect(parts[1]!.data.equals(data.subarray(1000, 1100))).toBe(true);
    expect(parts[2]!.data.equals(data.subarray(65000))).toBe(true);

    const beyond = await ts.request('GET', url, { headers: { range: `bytes=${data.length}-` } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers['content-range']).toBe(`bytes */${data.length}`);

    // If-Range with another ETag: the file changed since, so the whole file
    const stale = await ts.request('GET', url, { headers: { range: 'bytes=0-9', 'if-range': '"other"' } });
    expect(stale.status).toBe(200);
    expect(stale.raw.length).toBe(data.length);
    const fresh = await ts.request('GET', url, { headers: { range: 'bytes=0-9', 'if-range': etag } });
    expect(fresh.status).toBe(206);
  });

  const v120 = fakeRelease('1.2.0', { stagingPercentage: 10, releaseNotes: 'Fitur baru.' });
  let v120id = '';
  const ids = Array.from({ length: 200 }, () => randomUUID());

  it('staged rollout: the yml carries stagingPercentage; by install id the server decides, always the same way', async () => {
    const res = await publish(releaseParts(v120));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    v120id = res.body.id;
    expect(res.body.stagingPercentage).toBe(10);

    const plain = yaml.load((await ts.request('GET', `${FEED}/latest.yml`)).raw.toString()) as any;
    expect(plain).toMatchObject({ version: '1.2.0', stagingPercentage: 10 });

    const versionFor = async (id: string) =>
      (
        yaml.load(
          (
            await ts.request('GET', `${FEED}/latest.yml`, { headers: { 'x-sippt-install-id': id } })
          ).raw.toString(),
        ) as any
      ).version as string;
    let inside = 0;
    for (const id of ids.slice(0, 60)) {
      const first = await versionFor(id);
      expect(await versionFor(id)).toBe(first); // the same install: the same answer
      expect(first).toBe(inRollout(id, 10) ? '1.2.0' : '1.1.0'); // outside: the release before, not nothing
      if (first === '1.2.0') inside++;
    }
    expect(inside).toBeLessThan(30);
    const served = yaml.load(
      (
        await ts.request('GET', `${FEED}/latest.yml`, { headers: { 'x-sippt-install-id': ids[0]! } })
      ).raw.toString(),
    ) as any;
    expect(served.stagingPercentage).toBeUndefined(); // decided by the server

    // raise: never lower
    const lower = await ts.as(admin).patch(`releases/${v120id}/rollout`, { stagingPercentage: 5 });
    expect(lower.status).toBe(409);
    expect(lower.body.error.message.en).toMatch(/only be raised/);
    const raised = await ts.as(admin).patch(`releases/${v120id}/rollout`, { stagingPercentage: 50 });
    expect(raised.status).toBe(200);
    expect(raised.body.stagingPercentage).toBe(50);
    for (const id of ids.slice(0, 60)) if (inRollout(id, 10)) expect(await versionFor(id)).toBe('1.2.0'); // nobody inside goes back
    expect((await ts.as(admin).patch(`releases/${v120id}/rollout`, { stagingPercentage: 100 })).status).toBe(
      200,
    );
    for (const id of ids.slice(0, 10)) expect(await versionFor(id)).toBe('1.2.0');
    expect(
      (yaml.load((await ts.request('GET', `${FEED}/latest.yml`)).raw.toString()) as any).stagingPercentage,
    ).toBeUndefined();
  });

  it('withdraw: the feed falls back to the previous release; the withdrawn version cannot be published again', async () => {
    const res = await ts
      .as(admin)
      .post(`releases/${v120id}/withdraw`, { reason: 'Crash saat membuka pesanan' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'withdrawn', withdrawReason: 'Crash saat membuka pesanan' });
    const info = yaml.load((await ts.request('GET', `${FEED}/latest.yml`)).raw.toString()) as any;
    expect(info.version).toBe('1.1.0');
    expect(
      (
        await ts.request('GET', `${FEED}/latest.yml`, { headers: { 'x-sippt-install-id': ids[0]! } })
      ).raw.toString(),
    ).toContain('1.1.0');
    expect((await ts.as(admin).post(`releases/${v120id}/withdraw`, { reason: 'lagi' })).status).toBe(409);
    expect((await ts.as(admin).patch(`releases/${v120id}/rollout`, { stagingPercentage: 100 })).status).toBe(
      409,
    );
    const again = await publish(releaseParts(fakeRelease('1.2.0')));
    expect(again.status).toBe(409);
    // its files stay readable (a desktop mid-download, an old blockmap)
    expect((await ts.request('HEAD', `${FEED}/SIPPT-Lab-Setup-1.2.0.exe`)).status).toBe(200);
    // withdrawing the last active one leaves an empty channel
    expect((await ts.as(admin).post(`releases/${v110id}/withdraw`, { reason: 'uji' })).status).toBe(200);
    expect((await ts.request('GET', `${FEED}/latest.yml`)).status).toBe(404);
    const v130 = await publish(releaseParts(fakeRelease('1.3.0')));
    expect(v130.status).toBe(201);
  });

  it('channels: beta sees beta and latest releases, latest only its own; Linux has its own yml', async () => {
    const beta = await publish(releaseParts(fakeRelease('1.4.0-beta.1', { channel: 'beta' })));
    expect(beta.status, JSON.stringify(beta.body)).toBe(201);
    expect(beta.body.channel).toBe('beta');
    expect((yaml.load((await ts.request('GET', `${FEED}/beta.yml`)).raw.toString()) as any).version).toBe(
      '1.4.0-beta.1',
    );
    expect((yaml.load((await ts.request('GET', `${FEED}/latest.yml`)).raw.toString()) as any).version).toBe(
      '1.3.0',
    );
    const linux = await publish(releaseParts(fakeRelease('1.3.0', { platform: 'linux' })));
    expect(linux.status, JSON.stringify(linux.body)).toBe(201);
    const info = yaml.load((await ts.request('GET', `${FEED}/latest-linux.yml`)).raw.toString()) as any;
    expect(info).toMatchObject({ version: '1.3.0', path: 'SIPPT-Lab-1.3.0.AppImage' });
    expect(info.files[0].blockMapSize).toBe(1234); // electron-builder's extra keys served back
    // the same file name with other bytes is refused
    const clash = fakeRelease('1.5.0', { platform: 'linux' });
    clash.files[0]!.name = 'SIPPT-Lab-1.3.0.AppImage';
    const doc = yaml.load(clash.yml) as any;
    doc.files[0].url = doc.path = 'SIPPT-Lab-1.3.0.AppImage';
    clash.yml = yaml.dump(doc);
    const res = await publish(releaseParts(clash));
    expect(res.status).toBe(409);
    expect(res.body.error.message.en).toMatch(/already published with other contents/);
  });

  it('minimum version: an older desktop is told at login and its push is refused with client_outdated; versions in use are listed', async () => {
    const mt = ts.firstOf('mt');
    const login = (version: string | null) =>
      ts.request('POST', `${API}/auth/login`, {
        body: { username: mt.username, password: mt.password ?? ts.demo.password },
        headers: version ? { 'x-sippt-client': `desktop/${version}` } : {},
      });

    const before = await login('1.1.0');
    expect(before.status).toBe(200);
    expect(before.body.clientNotice).toBeUndefined();

    expect((await ts.as(mt.username).put('releases/minimum-version', { version: '1.3.0' })).status).toBe(403);
    const set = await ts.as(admin).put('releases/minimum-version', { version: '1.3.0' });
    expect(set.status).toBe(200);
    expect((await ts.request('GET', `${API}/releases/policy`)).body).toEqual({ minimumVersion: '1.3.0' });
    expect((await ts.as(admin).put('releases/minimum-version', { version: 'satu' })).status).toBe(400);

    const old = await login('1.1.0');
    expect(old.status).toBe(200); // still signs in: its drafts stay and it can read
    expect(old.body.accessToken).toBeTruthy();
    expect(old.body.clientNotice).toMatchObject({ code: 'client_outdated', minimumVersion: '1.3.0' });
    expect(old.body.clientNotice.message.id).toMatch(/Perbarui ke versi 1\.3\.0/);
    expect(old.body.clientNotice.message.en).toMatch(/Update to version 1\.3\.0/);
    expect(old.headers['x-sippt-minimum-version']).toBe('1.3.0');
    // the portal (no desktop header) is not told anything
    expect((await login(null)).body.clientNotice).toBeUndefined();

    const push = (version: string | null) =>
      ts.request('POST', `${API}/sync/push`, {
        token: old.body.accessToken,
        body: { clientId: randomUUID(), commands: [] },
        headers: version ? { 'x-sippt-client': `desktop/${version}` } : {},
      });
    const refused = await push('1.1.0');
    expect(refused.status).toBe(426);
    expect(refused.body.error.code).toBe('client_outdated');
    expect(refused.body.error.message.en).toMatch(/no longer supported.*Changes not yet sent stay saved/);
    expect((await push(null)).body.error?.code).toBe('client_outdated'); // a desktop from before the header
    const current = await push('1.3.0');
    expect(current.status).toBe(400); // past the version check (an empty batch is refused by the route itself)
    expect(current.body.error.code).toBe('bad_request');

    const newer = await login('1.3.0');
    expect(newer.body.clientNotice).toBeUndefined();

    const clients = await ts.as(admin).get('releases/clients');
    expect(clients.status).toBe(200);
    const mine = clients.body.items.filter((c: any) => c.userId === mt.id);
    expect(mine.map((c: any) => [c.version, c.outdated]).sort()).toEqual([
      ['1.1.0', true],
      ['1.3.0', false],
    ]);
    expect(mine[0]).toMatchObject({ username: mt.username });
    expect(clients.body.versions).toContainEqual({ version: '1.3.0', users: 1 });
    expect(clients.body.minimumVersion).toBe('1.3.0');

    expect((await ts.as(admin).put('releases/minimum-version', { version: null })).status).toBe(400);
    expect((await ts.as(admin).put('releases/minimum-version', { version: '' })).status).toBe(400);
    const cleared = await ts.request('DELETE', `${API}/releases/minimum-version`, {
      token: await ts.token(admin),
      body: {},
    });
    expect(cleared.body).toEqual({ minimumVersion: null });
    expect((await push('1.1.0')).status).toBe(400);
  });

  it('a second server instance on the same database and releases folder serves the same feed', async () => {
    const handle = await ts.db.open();
    const second = await buildServer({ db: handle, config: ts.config, logger: false });
    try {
      await second.ready();
      for (const path of [
        `${FEED}/latest.yml`,
        `${FEED}/latest-linux.yml`,
        `${FEED}/beta.yml`,
        `${FEED}/SIPPT-Lab-1.3.0.AppImage`,
      ]) {
        const a = await ts.app.inject({ method: 'GET', url: path });
        const b = await second.inject({ method: 'GET', url: path });
        expect(b.statusCode, path).toBe(200);
        expect(b.rawPayload.equals(a.rawPayload), path).toBe(true);
        expect(b.headers.etag).toBe(a.headers.etag);
      }
      // published on the second, served by the first
      const r = fakeRelease('1.6.0', { data: randomBytes(1000) });
      const m = multipartFiles(releaseParts(r));
      const token = await ts.token(admin);
      const res = await second.inject({
        method: 'POST',
        url: `${API}/releases`,
        payload: m.body,
        headers: { 'content-type': m.contentType, authorization: `Bearer ${token}` },
      });
      expect(res.statusCode, res.body).toBe(201);
      expect((yaml.load((await ts.request('GET', `${FEED}/latest.yml`)).raw.toString()) as any).version).toBe(
        '1.6.0',
      );
      expect(
        (await ts.request('GET', `${FEED}/SIPPT-Lab-Setup-1.6.0.exe`)).raw.equals(r.files[0]!.data),
      ).toBe(true);
    } finally {
      await second.close();
      await handle.close();
    }
  });
});
