/**
 * End to end: the customer's whole way through the portal on a phone (390x844), with the staff's
 * steps driven through the API (./staff.ts):
 *
 *   1-2  home, register (company, NPWP, address, contact) → "menunggu aktivasi"
 *   3    Admin Satker activates (API)
 *   4    log in, order two samples (1 samples → 2 parameters → 3 summary → 4 send); the half-filled
 *        form survives a reload on the way
 *   5-6  CS validates, Ketua Tim approves the tariff (API)
 *   7    the customer reviews the tariff and requests the e-billing
 *   8    Bendahara issues it (API); the e-billing page shows the grouped code, Belum dibayar
 *   9    the customer uploads a proof of payment
 *   10-20 Bendahara approves, the lab tests, the Kepala Balai signs, CS releases (API)
 *   21   "Unduh LHU" locked and saying why; the survey of the nine IKM elements
 *   22   the E-LHU downloads, "Order selesai"
 *
 * Every page passed is kept as test-results/e2e/screens/portal-*.png and checked with axe-core.
 */
import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { ServerHandle } from '../support/stack';
import { expectNoA11yFindings } from '../support/ui';
import type { Staff } from './staff';
import { PNG_1X1, attachProof, logIn, pick, screen, startPortalStage, stopPortalStage } from './portal';

test.describe.configure({ mode: 'serial' });

let server: ServerHandle;
let staff: Staff;
let page: Page;
let orderId = '';
const stamp = Date.now().toString(36);
const COMPANY = `PT Uji Portal ${stamp}`;
const USERNAME = `qc.portal.${stamp}`;
const PASSWORD = 'PortalDemo2026!';

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  ({ server, staff, page } = await startPortalStage(browser));
});

test.afterAll(() => stopPortalStage({ server, page }));

test('home and registration; the Admin Satker activates the account', async ({
  browserName: _b,
}, testInfo) => {
  await page.goto(`${server.url}/`);
  await expect(page.getByRole('heading', { name: 'Layanan pengujian laboratorium' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Karet remah SIR 20/ })).toBeVisible();
  await screen(page, testInfo, 'home');
  // The catalog opens with its tariffs in rupiah.
  await page.getByRole('button', { name: /Karet remah SIR 20/ }).click();
  await expect(page.getByRole('cell', { name: /^Rp\d/ }).first()).toBeVisible();

  await page.getByRole('link', { name: 'Pesan pengujian' }).first().click();
  await expect(page).toHaveURL(/\/daftar$/);
  await page.getByRole('button', { name: 'Daftar', exact: true }).click();
  await expect(page.getByText('Wajib diisi.').first()).toBeVisible();
  await screen(page, testInfo, 'register-errors');
  await page.getByLabel(/^Nama perusahaan/).fill(COMPANY);
  await page.getByLabel(/^Nama kontak/).fill('Sari Wulandari');
  await page.getByLabel(/^NPWP/).fill('01.234.567.8-901.000'.replace(/\D/g, ''));
  await page.getByLabel(/^Alamat/).fill('Jl. Kolonel Atmo No. 5, Palembang');
  await page.getByLabel(/^Surel/).fill(`qc.${stamp}@contoh.co.id`);
  await page.getByLabel(/^Nomor telepon/).fill('+62 811 7000 123');
  await page.getByLabel(/^Nama pengguna/).fill(USERNAME);
  await page.getByLabel(/^Kata sandi/).fill(PASSWORD);
  // The repeated password: required like the others, and it must be the same.
  await expect(page.getByLabel(/^Ulangi kata sandi/)).toHaveAccessibleDescription('Wajib diisi.');
  await expect(page.getByLabel(/^Ulangi kata sandi/)).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel(/^Ulangi kata sandi/).fill(`${PASSWORD}x`);
  await page.getByRole('button', { name: 'Daftar', exact: true }).click();
  await expect(page.getByText('Kata sandi tidak sama.')).toBeVisible();
  await expect(page.getByLabel(/^Ulangi kata sandi/)).toBeFocused();
  await page.getByLabel(/^Ulangi kata sandi/).fill(PASSWORD);
  await page.getByRole('button', { name: 'Daftar', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Menunggu aktivasi' })).toBeVisible();
  await screen(page, testInfo, 'register-done');

  // Before activation the login says so.
  await page.getByRole('link', { name: 'Ke halaman masuk' }).click();
  await page.getByLabel(/^Kata sandi/).fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText(/aktivasi|diaktifkan/i);
  await screen(page, testInfo, 'login-pending');

  await staff.activateCustomer(COMPANY);
});

test('orders two samples; the half-filled order survives a reload', async ({ browserName: _b }, testInfo) => {
  await logIn(page, server.url, USERNAME, PASSWORD);
  await expect(page.getByText('Belum ada pesanan')).toBeVisible();
  await screen(page, testInfo, 'orders-empty');

  await page.getByRole('link', { name: 'Pesan pengujian' }).first().click();
  await expect(page.getByRole('heading', { name: /Tahap 1 dari 4/ })).toBeVisible();
  await pick(page, /^Jenis sampel/, /Karet remah SIR 20/);
  await page.getByLabel(/^Uraian sampel/).fill('Karet remah SIR 20, bandela 35 kg, lot A-01');
  await page.getByRole('button', { name: 'Tambah sampel' }).click();
  await pick(page, /^Jenis sampel/, /Karet remah SIR 3L/, 1);
  // Sample 2's fields are the second of each.
  await page
    .getByLabel(/^Uraian sampel/)
    .nth(1)
    .fill('Karet remah SIR 3L, lot B-07');
  await page
    .getByLabel(/^Kode \/ tanda sampel/)
    .nth(1)
    .fill('B-07');
  await expect(page.getByText(/Draf tersimpan di perangkat ini/)).toBeVisible();
  await screen(page, testInfo, 'new-order-samples');

  // A reload (or a closed tab) loses nothing.
  await page.reload();
  await expect(page.getByLabel(/^Uraian sampel/).nth(1)).toHaveValue('Karet remah SIR 3L, lot B-07');

  await page.getByRole('button', { name: 'Lanjut' }).click();
  await expect(page.getByRole('heading', { name: /Tahap 2 dari 4/ })).toBeVisible();
  // Nothing picked: the form says what is missing.
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await expect(page.getByText('Pilih minimal satu parameter.').first()).toBeVisible();
  const first = page.getByRole('group', { name: /Sampel 1: Karet remah SIR 20/ });
  await first.getByRole('checkbox', { name: /Kadar kotoran/ }).check();
  await first.getByRole('checkbox', { name: /Kadar abu/ }).check();
  await page
    .getByRole('group', { name: /Sampel 2: Karet remah SIR 3L/ })
    .getByRole('checkbox', { name: 'Pilih semua' })
    .check();
  await screen(page, testInfo, 'new-order-parameters');
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await expect(page.getByRole('heading', { name: /Tahap 3 dari 4/ })).toBeVisible();
  await expect(page.getByTestId('order-total')).toHaveText(/^Rp\d{1,3}(\.\d{3})+$/);
  await screen(page, testInfo, 'new-order-summary');
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await page.getByRole('button', { name: 'Kirim pesanan' }).click();

  await expect(page.getByRole('heading', { name: /Pesanan/ }).first()).toBeVisible();
  await expect(page).toHaveURL(/\/pesanan\/[0-9a-f-]{36}$/);
  orderId = page.url().split('/').pop()!;
  await expect(page.getByText('Diajukan', { exact: true })).toBeVisible();
  await expect(page.getByText(/5 · Validasi order/).first()).toBeVisible();
  await expect(page.getByText(/Sedang di: CS/)).toBeVisible();
  await screen(page, testInfo, 'order-submitted');
  const o = await staff.order(orderId);
  expect(o.samples.map((s) => s.analyses.length)).toEqual([2, o.samples[1]!.analyses.length]);
  expect(o.samples[1]!.analyses.length).toBeGreaterThan(2);
});

test('reviews the approved tariff and requests the e-billing; the e-billing page', async ({
  browserName: _b,
}, testInfo) => {
  await staff.validate(orderId);
  await staff.approveTariff(orderId);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Periksa parameter dan tarif' })).toBeVisible();
  await screen(page, testInfo, 'order-review-tariff');
  await page.getByRole('button', { name: 'Minta e-billing' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Bendahara akan menerbitkan kode billing');
  await dialog.getByRole('button', { name: 'Minta e-billing' }).click();
  await expect(page.getByText('E-billing diminta', { exact: true }).first()).toBeVisible();

  await staff.issueBilling(orderId);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Bayar e-billing' })).toBeVisible();
  await page.getByRole('link', { name: 'Lihat kode billing' }).click();
  const code = (await staff.order(orderId)).billings[0]!.code;
  await expect(page.getByTestId('billing-code')).toHaveText(code.replace(/(\d{3})(?=\d)/g, '$1 '));
  await expect(page.getByText('Belum dibayar')).toBeVisible();
  await expect(page.getByText(/Sisa waktu/)).toBeVisible();
  await screen(page, testInfo, 'billing');
});

test('uploads a proof of payment; payment confirmed; the LHU stays locked until the survey', async ({
  browserName: _b,
}, testInfo) => {
  await page.goto(`${server.url}/pesanan/${orderId}`);
  await attachProof(page, { name: 'bukti.png', mimeType: 'image/png', buffer: PNG_1X1 });
  await page.getByRole('button', { name: 'Unggah bukti bayar' }).click();
  await expect(page.getByText('Bukti bayar sedang diperiksa Bendahara.')).toBeVisible();
  await screen(page, testInfo, 'order-proof-uploaded');

  await staff.approveProof(orderId);
  await page.reload();
  await expect(
    page.getByText(/Unduh LHU terbuka setelah pembayaran dikonfirmasi dan survei diisi/),
  ).toBeVisible();
  await screen(page, testInfo, 'order-in-lab');

  await staff.throughTheLab(orderId);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Isi survei kepuasan' })).toBeVisible();
  await expect(page.getByText('Menunggu survei Anda.')).toBeVisible();
  await expect(page.getByRole('button', { name: /Unduh LHU/ }).first()).toBeDisabled();
  await screen(page, testInfo, 'order-survey-waiting');
});

test('fills in the survey, downloads the signed E-LHU and finishes the order', async ({
  browserName: _b,
}, testInfo) => {
  await page.getByRole('link', { name: 'Isi survei' }).click();
  await expect(page.getByRole('heading', { name: /Survei kepuasan/ })).toBeVisible();
  await page.getByRole('button', { name: 'Kirim survei' }).click();
  await expect(page.getByText(/Belum dinilai: Persyaratan/)).toBeVisible();
  const groups = page.getByRole('main').getByRole('radiogroup');
  await expect(groups).toHaveCount(9);
  for (let i = 0; i < 9; i++)
    await groups
      .nth(i)
      .getByRole('radio', { name: i % 3 === 0 ? /Baik$/ : /Sangat baik/ })
      .check();
  await screen(page, testInfo, 'survey');
  await page.getByRole('button', { name: 'Kirim survei' }).click();
  await expect(page.getByRole('heading', { name: 'Unduh E-LHU' })).toBeVisible();

  const buttons = page.getByRole('button', { name: /Unduh LHU/ });
  await expect(buttons).toHaveCount(2);
  const [download] = await Promise.all([page.waitForEvent('download'), buttons.first().click()]);
  const file = await download.path();
  expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  expect(download.suggestedFilename()).toMatch(/^E-LHU_.*\.pdf$/);
  await screen(page, testInfo, 'order-download');

  await page.getByRole('button', { name: 'Order selesai' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Order selesai' }).click();
  await expect(page.getByRole('heading', { name: 'Pesanan selesai' })).toBeVisible();
  await expect(page.getByText(/22 · Selesai/).first()).toBeVisible();
  await screen(page, testInfo, 'order-finished');
  expect((await staff.order(orderId)).status).toBe('finished');
});

test('profile; no serious or critical axe-core findings on any page', async ({
  browserName: _b,
}, testInfo) => {
  await page.goto(`${server.url}/profil`);
  await expect(page.getByText(COMPANY)).toBeVisible();
  await screen(page, testInfo, 'profile');
  await page.goto(`${server.url}/pesanan`);
  await expect(page.getByText('Selesai', { exact: true })).toBeVisible();
  await screen(page, testInfo, 'orders');
  expectNoA11yFindings();
});
