/** Health, OpenAPI, migrations, the command line (demo accounts) and graceful shutdown. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { Migrator, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { ROLE_INFO, HUMAN_ROLES } from '../../../shared/sop/roles';
import { openDatabase } from '../../../server/db/connect';
import { CodeMigrationProvider } from '../../../server/db/migrations';
import {
  API,
  createTestDatabase,
  describeEachDialect,
  jpegBytes,
  pngBytes,
  startTestServer,
  suiteServer,
} from './harness';
import { serverCliArgs } from './cli-args';
import { Flow, ok } from './flow';

describeEachDialect('health, OpenAPI and migrations', (dialect) => {
  const s = suiteServer(dialect);

  it('health answers 200 with the database in use', async () => {
    const r = ok(await s.request('GET', `${API}/health`));
    expect(r).toMatchObject({ status: 'ok', database: dialect });
  });

  it('the OpenAPI document describes every operation from the same schemas', async () => {
    const doc = ok(await s.request('GET', `${API}/openapi.json`));
    expect(doc.openapi).toBe('3.1.0');
    const ops = Object.values(
      doc.paths as Record<
        string,
        Record<
          string,
          {
            summary: string;
            responses: object;
            requestBody?: { content: Record<string, { schema: { properties?: object } }> };
          }
        >
      >,
    ).flatMap((m) => Object.values(m));
    expect(ops.length).toBeGreaterThan(45);
    for (const op of ops) {
      expect(op.summary).toMatch(/\//); // Indonesian / English
      expect(op.responses).toHaveProperty('4XX');
    }
    const submit = doc.paths['/api/v1/orders'].post;
    expect(Object.keys(submit.requestBody.content['application/json'].schema.properties)).toEqual([
      'samples',
    ]);
    expect(
      doc.paths['/api/v1/sync/push'].post.requestBody.content['application/json'].schema.properties,
    ).toHaveProperty('commands');
    expect(doc.paths['/api/v1/orders/{orderId}/payment-proofs'].post.requestBody.content).toHaveProperty(
      'multipart/form-data',
    );
  });

  it('Admin Satker sets the unit letterhead and logo; the catalog shows them', async () => {
    const unit = ok(
      await s.as('admin').patch('catalog/unit', {
        contactLine: 'Telp. (0711) 412261',
        timeZone: 'WIB',
        numberFormats: { order: 'PO-{UNIT}-{YY}-{SEQ:4}' },
      }),
    );
    expect(unit.numberFormats.order).toBe('PO-{UNIT}-{YY}-{SEQ:4}');
    const bad = await s.as('admin').patch('catalog/unit', { numberFormats: { order: 'ORD-{SEQ:4}' } });
    expect(bad.status).toBe(422);
    expect((await s.as('admin').upload('catalog/unit/logo', { data: jpegBytes() })).status).toBe(415);
    const withLogo = ok(await s.as('admin').upload('catalog/unit/logo', { data: pngBytes() }));
    expect(withLogo.hasLogo).toBe(true);
    expect((await s.as('cs1').upload('catalog/unit/logo', { data: pngBytes() })).status).toBe(403);
    const catalog = ok(await s.request('GET', `${API}/catalog`));
    expect(catalog.unit).toMatchObject({ hasLogo: true, contactLine: 'Telp. (0711) 412261' });
    // The new format numbers the next order.
    const f = new Flow(s);
    const id = await f.toValidated();
    expect((await f.order(id)).number).toMatch(/^PO-PLG-\d{2}-\d{4}$/);
  });

  it('an unknown endpoint is a 404 with a message', async () => {
    const r = await s.request('GET', `${API}/tidak-ada`);
    expect(r.status).toBe(404);
    expect(r.body.error.message.en).toContain('No such endpoint');
  });

  it('migrations: from version 1 holding data to the latest, and again without effect', async () => {
    const db = await createTestDatabase(dialect);
    try {
      const first = await openDatabase({
        ...(db.url ? { databaseUrl: db.url } : { dataDir: db.dataDir! }),
        migrate: false,
      });
      const migrator = new Migrator({
        db: first.db as unknown as Kysely<unknown>,
        provider: new CodeMigrationProvider(first.dialect),
      });
      const r1 = await migrator.migrateTo('0001_core');
      expect(r1.error).toBeUndefined();
      await sql`insert into units (code, name, address, accreditation, number_formats, updated_at) values ('TST', 'Balai Uji', 'Jl. Uji 1', null, '{}', '2025-01-01T00:00:00.000Z')`.execute(
        first.db,
      );
      await first.close();
      const second = await db.open();
      const unit = await second.db
        .selectFrom('units')
        .selectAll()
        .where('code', '=', 'TST')
        .executeTakeFirstOrThrow();
      expect(unit).toMatchObject({
        name: 'Balai Uji',
        short_name: '',
        parent_lines: '[]',
        time_zone: 'WIB',
        logo_png: null,
      });
      await second.close();
      const third = await db.open();
      expect(await third.db.selectFrom('units').select('code').execute()).toHaveLength(1);
      await third.close();
    } finally {
      await db.drop();
    }
  });

  it('health answers 503 when the database is gone', async () => {
    const t = await startTestServer(dialect);
    try {
      await t.handle.close();
      const r = await t.request('GET', `${API}/health`);
      expect(r.status).toBe(503);
      expect(r.body.error.code).toBe('not_available');
    } finally {
      await t.app.close();
      await t.db.drop();
    }
  });
});

describe('command line', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  function start(args: string[], logLevel = 'warn') {
    const dir = mkdtempSync(join(tmpdir(), 'sippt-cli-'));
    dirs.push(dir);
    const child = spawn(
      process.execPath,
      serverCliArgs({ port: '0', 'data-dir': dir, 'log-level': logLevel }, args),
      {
        env: { ...process.env, DATABASE_URL: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const ready = new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const m = /SIPPT server: (http:\/\/\S+)/.exec(out);
        if (m && (!args.includes('--demo') || out.includes('pelanggan'))) {
          clearInterval(timer);
          resolve(m[1]!);
        }
      }, 50);
      child.on('exit', (code) => {
        clearInterval(timer);
        reject(new Error(`exited ${code}: ${out}`));
      });
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    return { child, ready, exited, output: () => out };
  }

  it('--demo prints the URL and one demo account per role, and the accounts work', async () => {
    const p = start(['--demo']);
    try {
      const url = await p.ready;
      const text = p.output();
      for (const role of HUMAN_ROLES) expect(text, role).toContain(ROLE_INFO[role].label);
      const m = /Kepala Balai\s+(\S+)\s+(\S+)/.exec(text)!;
      const login = await fetch(`${url}${API}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: m[1], password: m[2] }),
      });
      expect(login.status).toBe(200);
      const health = await fetch(`${url}${API}/health`);
      expect(health.status).toBe(200);
    } finally {
      p.child.kill('SIGTERM');
      await p.exited;
    }
  });

  it('SIGTERM lets requests in flight finish, then exits 0; no demo data without --demo', async () => {
    // Request logging on: the test sends SIGTERM once the server has received every request.
    const p = start([], 'info');
    const url = await p.ready;
    const received = () => p.output().split('"incoming request"').length - 1;
    const demo = await fetch(`${url}${API}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'SipptDemo2025' }),
    });
    expect(demo.status).toBe(401);
    // Slow requests: logins hash with the production scrypt cost.
    const inflight = Array.from({ length: 6 }, (_, i) =>
      fetch(`${url}${API}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: `tidak.ada.${i}`, password: 'kata-sandi-salah' }),
      }).then((r) => r.status),
    );
    // In flight means received: on a loaded machine a request may not have reached the server yet.
    while (received() < 7) await new Promise((r) => setTimeout(r, 10));
    p.child.kill('SIGTERM');
    const statuses = await Promise.all(inflight);
    expect(statuses.every((st) => st === 401)).toBe(true);
    expect(await p.exited).toBe(0);
    await expect(fetch(`${url}${API}/health`)).rejects.toThrow();
  });
});
