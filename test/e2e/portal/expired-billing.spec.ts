/**
 * End to end on a phone (390x844): an e-billing that expires unpaid, and the new one the Bendahara
 * re-issues (issue 9, return paths: "an expired billing re-issued"), both through their screens.
 * The demo order fo-billed-1 (qc.getahlematang) waits for payment with a 7-day code issued at
 * seeding. The server's clock (./clock-server.ts) and the browsers' clocks (Playwright's clock)
 * move 8 days on; the customer's order and e-billing pages say the code has expired and cannot be
 * paid; the Bendahara, on the desktop (browser host, 1366x768), finds it in "Pekerjaan saya" and
 * re-issues it; the e-billing page shows the new code on its own next refresh, "Belum dibayar" with
 * its time left.
 *
 * There is no "ask for a new code" button for the customer: the SOP gives re-issuing to the
 * Bendahara alone (shared/domain/permissions.ts, billing.reissue), and the page says the Bendahara
 * will issue one and that it appears here.
 */
import { test, expect, type Page } from '@playwright/test';
import { Api, demoOrder } from '../support/clients';
import { startDesktop, type DesktopHandle } from '../support/stack';
import { checkScreen, expectNoA11yFindings, signIn, workstation } from '../support/ui';
import { startClockServer, type ClockServer } from './clock-server';
import { logIn, phone, screen } from './portal';

test.describe.configure({ mode: 'serial' });

const DAY = 86_400_000;
const { orderId } = demoOrder('fo-billed-1');
const group = (code: string) => code.replace(/(\d{3})(?=\d)/g, '$1 ');

let server: ClockServer;
let api: Api;
let page: Page;
let desk: DesktopHandle;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  server = await startClockServer();
  api = new Api(server.url);
  desk = await startDesktop(server.url);
  ({ page } = await phone(browser));
  // The phone's clock follows the server's (the page counts the time left itself).
  await page.clock.install({ time: server.now() });
});

test.afterAll(async () => {
  await page?.context().close();
  await desk?.stop();
  await server?.stop();
});

test('the code expires unpaid: the order and e-billing pages say so; the re-issued code shows on its own', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const before = await api.order(orderId);
  expect(before.status).toBe('awaiting_payment');
  const old = before.billings.find((b) => b.status === 'issued')!;

  await logIn(page, server.url, 'qc.getahlematang');
  await page.goto(`${server.url}/pesanan/${orderId}/ebilling`);
  await expect(page.getByTestId('billing-code')).toHaveText(group(old.code));
  await expect(page.getByText('Belum dibayar')).toBeVisible();

  // Eight days later, on the server and on the phone.
  server.advance(8 * DAY);
  // The test's own API tokens (15 minutes) expired with the clock too.
  await Promise.all(['cs1', 'bendahara'].map((u) => api.token(u, true)));
  await page.clock.setSystemTime(server.now());
  await page.goto(`${server.url}/pesanan/${orderId}`);
  await expect(page.getByRole('heading', { name: 'Kode billing kedaluwarsa' })).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByText(/Bendahara akan menerbitkan kode baru/).first()).toBeVisible();
  await screen(page, testInfo, 'order-billing-expired');

  await page.goto(`${server.url}/pesanan/${orderId}/ebilling`);
  await expect(page.getByText('Kedaluwarsa', { exact: true })).toBeVisible();
  await expect(page.getByTestId('billing-code')).toHaveCSS('text-decoration-line', 'line-through');
  await expect(page.getByRole('button', { name: 'Salin kode' })).toBeDisabled();
  await expect(page.getByText('Cara membayar')).toHaveCount(0);
  await screen(page, testInfo, 'billing-expired');

  // The Bendahara re-issues it on the desktop (its clock 8 days on as well: the list tells an
  // expired code by its expiry time); the page open on the phone picks it up at its next refresh.
  const { page: staff } = await workstation(browser);
  await staff.clock.install({ time: server.now() });
  await signIn(staff, desk, 'bendahara');
  await expect(staff.getByRole('heading', { name: 'Pekerjaan saya' })).toBeVisible({ timeout: 30_000 });
  const row = staff.getByRole('row').filter({ hasText: before.number! }).first();
  await expect(row).toBeVisible({ timeout: 30_000 });
  await row.click();
  const panel = staff.getByRole('complementary');
  await expect(panel.getByText('Langkah 8 · Terbitkan ulang e-billing')).toBeVisible();
  await checkScreen(staff, testInfo, 'desktop-bendahara-reissue');
  await panel.getByRole('button', { name: /Terbitkan ulang e-billing/ }).click();
  await expect
    .poll(
      async () => (await api.order(orderId)).billings.find((b) => b.status === 'issued')?.code ?? old.code,
      {
        timeout: 30_000,
      },
    )
    .not.toBe(old.code);
  await staff.context().close();
  const after = await api.order(orderId);
  const fresh = after.billings.find((b) => b.status === 'issued')!;
  expect(fresh.code).not.toBe(old.code);
  expect(Date.parse(fresh.expiresAt)).toBeGreaterThan(server.now().getTime());
  await page.clock.fastForward(61_000);
  await expect(page.getByTestId('billing-code')).toHaveText(group(fresh.code), { timeout: 20_000 });
  await expect(page.getByText('Belum dibayar')).toBeVisible();
  await expect(page.getByText(/Sisa waktu/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Salin kode' })).toBeEnabled();
  await screen(page, testInfo, 'billing-reissued');

  // The order page's action is to pay again.
  await page.goto(`${server.url}/pesanan/${orderId}`);
  await expect(page.getByRole('heading', { name: 'Bayar e-billing' })).toBeVisible();
  expectNoA11yFindings();
});
