/**
 * End to end on a phone (390x844): an e-billing that expires unpaid, and the new one the Bendahara
 * re-issues (issue 9, return paths: "an expired billing re-issued"). The demo order fo-billed-1
 * (qc.getahlematang) waits for payment with a 7-day code issued at seeding. The server's clock
 * (./clock-server.ts) and the phone's clock (Playwright's clock) both move 8 days on; the
 * customer's order and e-billing pages say the code has expired and cannot be paid; the Bendahara
 * re-issues it (through the API: the staff's screen is tested in test/unit/desktop/online-bridge);
 * the e-billing page shows the new code on its own next refresh, "Belum dibayar" with its time left.
 *
 * There is no "ask for a new code" button for the customer: the SOP gives re-issuing to the
 * Bendahara alone (shared/domain/permissions.ts, billing.reissue), and the page says the Bendahara
 * will issue one and that it appears here.
 */
import { test, expect, type Page } from '@playwright/test';
import { Api, demoOrder } from '../support/clients';
import { expectNoA11yFindings } from '../support/ui';
import { startClockServer, type ClockServer } from './clock-server';
import { logIn, phone, screen } from './portal';

test.describe.configure({ mode: 'serial' });

const DAY = 86_400_000;
const { orderId } = demoOrder('fo-billed-1');
const group = (code: string) => code.replace(/(\d{3})(?=\d)/g, '$1 ');

let server: ClockServer;
let api: Api;
let page: Page;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  server = await startClockServer();
  api = new Api(server.url);
  ({ page } = await phone(browser));
  // The phone's clock follows the server's (the page counts the time left itself).
  await page.clock.install({ time: server.now() });
});

test.afterAll(async () => {
  await page?.context().close();
  await server?.stop();
});

test('the code expires unpaid: the order and e-billing pages say so; the re-issued code shows on its own', async ({
  browserName: _b,
}, testInfo) => {
  test.setTimeout(120_000);
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

  // The Bendahara re-issues it; the page open on the phone picks it up at its next refresh (every minute).
  await api.post('bendahara', `orders/${orderId}/billing/reissue`, {});
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
