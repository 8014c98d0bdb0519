/**
 * End to end on a phone (390x844), on the demo orders (server/demo-orders.ts):
 *   - a returned order corrected and resubmitted (qc.mitralateks, fo-returned);
 *   - a tariff rejected with a reason (hse.sriwijayalestari, fo-tariff);
 *   - a rejected proof of payment re-uploaded (qc.musirubber, fo-proof; the Bendahara rejects it through the API);
 *   - isolation: a customer cannot see or download another customer's order, billing, proof or
 *     report, through the portal or by editing addresses;
 *   - the pages not passed by the main flow (log in, forgotten password, English), and the
 *     "server tidak dapat dihubungi" banner when the server stops.
 */
import { test, expect, type Page } from '@playwright/test';
import { demoOrder } from '../support/clients';
import type { ServerHandle } from '../support/stack';
import { expectNoA11yFindings } from '../support/ui';
import type { Staff } from './staff';
import { PNG_1X1, attachProof, logIn, logOut, screen, startPortalStage, stopPortalStage } from './portal';

test.describe.configure({ mode: 'serial' });

let server: ServerHandle;
let staff: Staff;
let page: Page;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  ({ server, staff, page } = await startPortalStage(browser));
});

test.afterAll(() => stopPortalStage({ server, page }));

test('log in and forgotten password pages', async ({ browserName: _b }, testInfo) => {
  await page.goto(`${server.url}/masuk`);
  await screen(page, testInfo, 'login');
  await page.getByLabel(/^Nama pengguna/).fill('pelanggan');
  await page.getByLabel(/^Kata sandi/).fill('salah-sekali-123');
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await screen(page, testInfo, 'login-refused');
  await page.getByRole('link', { name: 'Lupa kata sandi?' }).click();
  await expect(page.getByRole('heading', { name: 'Lupa kata sandi' })).toBeVisible();
  await expect(page.getByText(/Telp\./)).toBeVisible();
  await screen(page, testInfo, 'forgot-password');
  // A page of the portal needs a session: to the login, and back after it.
  await page.goto(`${server.url}/pesanan/${demoOrder('done-1').orderId}`);
  await expect(page).toHaveURL(/\/masuk\?next=/);
});

test('a returned order is corrected and resubmitted', async ({ browserName: _b }, testInfo) => {
  const { orderId } = demoOrder('fo-returned');
  await logIn(page, server.url, 'qc.mitralateks');
  await page.goto(`${server.url}/pesanan/${orderId}`);
  await expect(page.getByRole('heading', { name: 'Pesanan dikembalikan untuk diperbaiki' })).toBeVisible();
  await expect(page.getByText(/jumlah bandela/).first()).toBeVisible();
  await screen(page, testInfo, 'order-returned');
  await page.getByRole('link', { name: 'Perbaiki dan kirim ulang' }).click();
  await expect(page.getByText(/Pesanan dikembalikan dengan alasan/)).toBeVisible();
  const description = page.getByLabel(/^Uraian sampel/);
  await expect(description).toHaveValue(/Karet remah SIR 20/);
  await description.fill('Karet remah SIR 20 untuk ekspor, 3 bandela @ 35 kg dari satu palet');
  await screen(page, testInfo, 'order-correct');
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await page.getByRole('button', { name: 'Kirim perbaikan' }).click();
  await expect(page.getByText('Diajukan', { exact: true })).toBeVisible();
  const o = await staff.order(orderId);
  expect(o.status).toBe('submitted');
  expect(o.samples[0]!.description).toContain('3 bandela');
  await logOut(page);
});

test('a tariff is rejected with a reason', async ({ browserName: _b }, testInfo) => {
  const { orderId } = demoOrder('fo-tariff');
  await logIn(page, server.url, 'hse.sriwijayalestari');
  await page.goto(`${server.url}/pesanan/${orderId}`);
  await page.getByRole('button', { name: 'Tolak tarif' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox').fill('Parameter BOD tidak kami minta; mohon dihapus dari pesanan.');
  await screen(page, testInfo, 'tariff-reject-dialog');
  await dialog.getByRole('button', { name: 'Tolak tarif' }).click();
  await expect(page.getByText('Divalidasi CS', { exact: true })).toBeVisible();
  await expect(page.getByText('Tarif ditolak pelanggan').first()).toBeVisible();
  await expect(page.getByText(/BOD tidak kami minta/).first()).toBeVisible();
  await screen(page, testInfo, 'tariff-rejected');
  expect((await staff.order(orderId)).status).toBe('validated');
  await logOut(page);
});

test('a rejected proof of payment is re-uploaded', async ({ browserName: _b }, testInfo) => {
  const { orderId } = demoOrder('fo-proof');
  await staff.rejectProof(orderId, 'Bukti bayar buram; nominal dan NTPN tidak terbaca.');
  await logIn(page, server.url, 'qc.musirubber');
  await page.goto(`${server.url}/pesanan/${orderId}`);
  await expect(page.getByText('Bukti bayar sebelumnya ditolak Bendahara.')).toBeVisible();
  await expect(page.getByText(/nominal dan NTPN tidak terbaca/).first()).toBeVisible();
  await screen(page, testInfo, 'proof-rejected');
  await attachProof(page, { name: 'bukti-ulang.png', mimeType: 'image/png', buffer: PNG_1X1 });
  await page.getByLabel(/^NTPN/).fill('a1b2c3d4e5f6g7h8');
  await page.getByRole('button', { name: 'Unggah bukti bayar' }).click();
  await expect(page.getByText('Bukti bayar sedang diperiksa Bendahara.')).toBeVisible();
  const o = await staff.order(orderId);
  expect(o.status).toBe('payment_submitted');
  expect(o.proofs.at(-1)!.ntpn).toBe('A1B2C3D4E5F6G7H8');
  await logOut(page);
});

test('isolation: another customer’s order, billing, proof and report stay hidden', async ({
  browserName: _b,
}, testInfo) => {
  const others = {
    returned: demoOrder('fo-returned').orderId,
    billed: demoOrder('fo-billed-1').orderId,
    proof: demoOrder('fo-proof').orderId,
  };
  const own = demoOrder('done-1').orderId;
  await logIn(page, server.url, 'pelanggan2');
  // The list holds only their own orders.
  const listed = await page
    .locator('main a[href^="/pesanan/"]')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  for (const id of [...Object.values(others), own]) expect(listed).not.toContain(`/pesanan/${id}`);
  // By editing the address: the order page and the e-billing page say "not found", nothing else.
  await page.goto(`${server.url}/pesanan/${own}`);
  await expect(page.getByRole('alert')).toContainText('Pesanan tidak ditemukan');
  await screen(page, testInfo, 'isolation-order');
  await page.goto(`${server.url}/pesanan/${others.billed}/ebilling`);
  await expect(page.getByRole('alert')).toContainText('Pesanan tidak ditemukan');
  await expect(page.getByTestId('billing-code')).toHaveCount(0);

  // Through the API with their own token: the same 404 for order, history, proof file and report file.
  const token = await staff.customerToken('pelanggan2');
  const done = await staff.order(own);
  const proofOrder = await staff.order(others.proof);
  const report = done.samples[0]!.reports.at(-1)!;
  const paths = [
    `orders/${own}`,
    `orders/${own}/history`,
    `orders/${others.billed}`,
    `orders/${others.proof}/payment-proofs/${proofOrder.proofs[0]!.id}/file`,
    `orders/${own}/samples/${done.samples[0]!.id}/reports/${report.id}/file`,
  ];
  for (const p of paths) {
    const res = await fetch(`${server.url}/api/v1/${p}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status, p).toBe(404);
  }
  // Nor can they act on it.
  const act = await fetch(`${server.url}/api/v1/orders/${others.returned}/cancel`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ reason: 'mencoba membatalkan pesanan orang lain' }),
  });
  expect(act.status).toBe(404);
  await logOut(page);
});

test('English, and the banner when the server cannot be reached', async ({ browserName: _b }, testInfo) => {
  test.setTimeout(150_000);
  await logIn(page, server.url, 'pelanggan');
  await page.locator('header label', { hasText: /^EN$/ }).click();
  await expect(page.getByRole('heading', { name: 'My orders' })).toBeVisible();
  await screen(page, testInfo, 'orders-en');
  await page.locator('header label', { hasText: /^ID$/ }).click();
  await page.goto(`${server.url}/pesanan/baru`);
  await page.getByLabel(/^Uraian sampel/).fill('Sampel yang diketik saat server mati');

  await server.stop();
  // The network fails: the banner says so plainly; what was typed stays.
  await page.evaluate(() => window.dispatchEvent(new Event('offline')));
  await expect(page.getByText('Server tidak dapat dihubungi')).toBeVisible();
  await screen(page, testInfo, 'offline-banner');
  await server.restart();
  await page.getByRole('button', { name: 'Coba lagi' }).click();
  await expect(page.getByText('Server tidak dapat dihubungi')).toBeHidden({ timeout: 20_000 });
  await page.reload();
  await expect(page.getByLabel(/^Uraian sampel/)).toHaveValue('Sampel yang diketik saat server mati');
  expectNoA11yFindings();
});
