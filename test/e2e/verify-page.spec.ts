/**
 * End to end: the public verification page of an E-LHU in Chromium. The real server (demo data, the
 * real E-LHU renderer and PAdES verification) listens on a free port; the SOP is driven over the HTTP
 * API to a report signed with the demo keystore and released; the browser then opens the address
 * the report's QR code encodes, drops PDFs on the form (no script involved) and follows an amendment.
 */
import { test, expect } from '@playwright/test';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { PDFDocument } from 'pdf-lib';
import { defaultConfig } from '../../server/config';
import { openDatabase, type DbHandle } from '../../server/db/connect';
import { seedDemo, type DemoData } from '../../server/demo';
import { buildServer } from '../../server/http/app';
import { elhuReportServices } from '../../server/reports/elhu';
import { getInfoEntry } from '../../shared/elhu/pdf-tools';
import { ELHU_INFO_KEYS } from '../../shared/elhu/types';
import { DEMO_NIP, signWithDemoKeystore } from './support/demo-keystore';
import { freePort } from './support/stack';

const PAYMENT_SECRET = 'e2e-payment-secret';

/* eslint-disable @typescript-eslint/no-explicit-any -- API bodies are JSON checked by the assertions */

let app: FastifyInstance;
let handle: DbHandle;
let dir: string;
let base: string;
let demo: DemoData;
const tokens = new Map<string, string>();

async function call(user: string | null, method: string, path: string, body?: unknown): Promise<any> {
  const headers: Record<string, string> = {};
  if (user) headers.authorization = `Bearer ${await token(user)}`;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined || method !== 'GET') {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body ?? {});
  }
  const res = await fetch(`${base}/api/v1/${path}`, {
    method,
    headers,
    ...(payload !== undefined ? { body: payload } : {}),
  });
  const ct = res.headers.get('content-type') ?? '';
  const out = ct.includes('json') ? await res.json() : Buffer.from(await res.arrayBuffer());
  if (!res.ok) throw new Error(`${method} ${path} as ${user}: ${res.status} ${JSON.stringify(out)}`);
  return out;
}

async function token(username: string): Promise<string> {
  let t = tokens.get(username);
  if (!t) {
    t = (await call(null, 'POST', 'auth/login', { username, password: demo.password })).accessToken as string;
    tokens.set(username, t);
  }
  return t;
}

const userId = (username: string) => demo.users.find((u) => u.username === username)!.id;

/** One crumb-rubber sample from order to a signed and released E-LHU; returns what the browser needs. */
async function releasedReport() {
  const sir20 = demo.sampleTypes.sir20!;
  let o = (
    await call('pelanggan', 'POST', 'orders', {
      samples: [
        {
          sampleTypeId: sir20.id,
          description: 'Karet remah SIR 20, bandela 35 kg, lot E2E',
          customerLabel: 'LOT-E2E',
          parameterIds: sir20.parameterIds.slice(0, 3),
        },
      ],
    })
  ).order;
  const id = o.id as string;
  await call('cs1', 'POST', `orders/${id}/validate`);
  await call('ketuatim', 'POST', `orders/${id}/tariff/approve`, { adjustments: [] });
  await call('pelanggan', 'POST', `orders/${id}/billing/request`);
  o = (await call('bendahara', 'POST', `orders/${id}/billing`)).order;
  const raw = JSON.stringify({
    billingCode: o.billings[0].code,
    ntpn: 'NTPNE2E000000001',
    paidAt: new Date().toISOString(),
  });
  const sig = createHmac('sha256', PAYMENT_SECRET).update(raw).digest('hex');
  const paid = await fetch(`${base}/api/v1/payments/notify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-sippt-signature': `sha256=${sig}` },
    body: raw,
  });
  expect(paid.status).toBe(200);
  const s = `orders/${id}/samples/${o.samples[0].id}`;
  await call('cs1', 'POST', `${s}/register`, {
    labId: demo.labs.KRT,
    penyeliaId: userId('penyelia.karet'),
    mtId: userId('mt.karet'),
  });
  await call('penyelia.karet', 'POST', `${s}/accept`, { condition: 'Baik, tersegel' });
  o = (await call('cs1', 'GET', `orders/${id}`)).order;
  const analyses = o.samples[0].analyses as { id: string; unit: string }[];
  const analysts = ['analis.karet1', 'analis.karet2'];
  await call('penyelia.karet', 'POST', `${s}/assign`, {
    assignments: analyses.map((a, j) => ({ analysisId: a.id, analystId: userId(analysts[j % 2]!) })),
  });
  await call('mt.karet', 'POST', `${s}/assignment/validate`);
  for (const [j, a] of analyses.entries()) {
    const analyst = analysts[j % 2]!;
    await call(analyst, 'PUT', `${s}/analyses/${a.id}/result`, {
      result: { value: '0,08', numeric: 0.08, unit: a.unit, testedOn: '2025-03-10' },
    });
    await call(analyst, 'POST', `${s}/analyses/${a.id}/submit`);
  }
  await call('penyelia.karet', 'POST', `${s}/results/verify`);
  await call('mt.karet', 'POST', `${s}/results/validate`);
  o = (await call('ketuatim', 'POST', `${s}/reports`)).order;
  const reportId = o.samples[0].reports[0].id as string;
  const r = `${s}/reports/${reportId}`;
  o = (await call('cs1', 'POST', `${r}/request-signature`, { kepalaBalaiId: userId('kepala') })).order;
  const documentHash = o.samples[0].reports[0].documentHash as string;
  // Step 19 as the Kepala Balai's desktop does it, with the demo keystore.
  const unsigned = (await call('kepala', 'GET', `${r}/file`)) as Buffer;
  const kepalaName = demo.users.find((u) => u.username === 'kepala')!.name;
  const signed = await signWithDemoKeystore(new Uint8Array(unsigned), kepalaName, documentHash);
  const form = new FormData();
  form.append('file', new Blob([Buffer.from(signed)], { type: 'application/pdf' }), 'signed.pdf');
  await call('kepala', 'POST', `${r}/sign`, form);
  o = (await call('cs1', 'POST', `${r}/release`)).order;
  return {
    orderId: id,
    reportPath: r,
    number: o.samples[0].reports[0].number as string,
    signed: Buffer.from(signed),
  };
}

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sippt-e2e-'));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const config = defaultConfig({ publicBaseUrl: base, paymentNotifySecret: PAYMENT_SECRET });
  handle = await openDatabase({ dataDir: join(dir, 'db') });
  const reports = elhuReportServices({ requireRegisteredCertificate: true });
  demo = await seedDemo({ handle, config, reports });
  app = await buildServer({ db: handle, config, logger: false, reports });
  await app.listen({ port, host: '127.0.0.1' });
});

test.afterAll(async () => {
  await app?.close();
  await handle?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('verification page from the QR code: valid, genuine upload, altered upload refused, superseded after an amendment', async ({
  page,
}) => {
  const report = await releasedReport();
  const kepalaName = demo.users.find((u) => u.username === 'kepala')!.name;

  // The address the QR code encodes (written into the PDF with it).
  const doc = await PDFDocument.load(report.signed, { updateMetadata: false });
  const url = getInfoEntry(doc, ELHU_INFO_KEYS.verificationUrl)!;
  expect(url.startsWith(`${base}/verify/`)).toBe(true);

  const response = await page.goto(url);
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-security-policy']).toContain("default-src 'none'");
  await expect(page.locator('[data-field="number"]')).toHaveText(report.number);
  await expect(page.locator('[data-field="signer"]')).toHaveText(kepalaName);
  await expect(page.locator('[data-field="nip"]')).toContainText(DEMO_NIP);
  await expect(page.locator('[data-status="valid"]')).toContainText('Sah');
  await expect(page.locator('[data-status="valid"]')).toContainText('Valid');

  // Drop the signed PDF on the page's form: genuine.
  const files = mkdtempSync(join(tmpdir(), 'sippt-e2e-files-'));
  try {
    const good = join(files, 'E-LHU.pdf');
    writeFileSync(good, report.signed);
    await page.setInputFiles('input[name="file"]', good);
    await Promise.all([
      page.waitForURL(/\/verifikasi$/),
      page.getByRole('button', { name: /Periksa/ }).click(),
    ]);
    const verdict = page.locator('[data-verdict]');
    await expect(verdict).toHaveAttribute('data-verdict', 'genuine');
    await expect(verdict).toContainText('ASLI');
    await expect(verdict).toContainText('GENUINE');
    await expect(verdict).toContainText(report.number);

    // One flipped byte: refused, with the reason.
    const flipped = Buffer.from(report.signed);
    const at = Math.floor(flipped.length / 3);
    flipped[at] = flipped[at]! ^ 0x01;
    const bad = join(files, 'E-LHU-diubah.pdf');
    writeFileSync(bad, flipped);
    await page.setInputFiles('input[name="file"]', bad);
    await Promise.all([
      page.waitForURL(/\/verifikasi$/),
      page.getByRole('button', { name: /Periksa/ }).click(),
    ]);
    await expect(page.locator('[data-verdict]')).not.toHaveAttribute('data-verdict', 'genuine');
    await expect(page.locator('[data-verdict]')).toContainText('TIDAK ASLI');
    await expect(page.locator('[data-verdict]')).toContainText('NOT GENUINE');
  } finally {
    rmSync(files, { recursive: true, force: true });
  }

  // Amendment: the old page now says superseded, with the reason and a link to the new report.
  const reason = 'Satuan kadar kotoran salah cetak.';
  const amended = (await call('ketuatim', 'POST', `${report.reportPath}/amend`, { reason })).order;
  const next = amended.samples[0].reports.find((r: { replaces: string | null }) => r.replaces !== null);
  await page.goto(url);
  const status = page.locator('[data-status="superseded"]');
  await expect(status).toContainText(`Digantikan oleh ${next.number}`);
  await expect(status).toContainText('Superseded by');
  await expect(status).toContainText(reason);
  await status.getByRole('link', { name: next.number }).first().click();
  await expect(page).toHaveURL(`${base}/verify/${next.id}`);
  await expect(page.locator('[data-field="number"]')).toHaveText(next.number);
  await expect(page.locator('[data-status="not_signed"]')).toContainText('Belum ditandatangani');
});
