/** What the portal's end-to-end tests do in a phone's browser: open pages, log in, keep a screenshot and an axe check of each. */
import { expect, type Browser, type BrowserContext, type Page, type TestInfo } from '@playwright/test';
import { checkScreen } from '../support/ui';
import { DEMO_PASSWORD, startDemoServer, type ServerHandle } from '../support/stack';
import { Staff } from './staff';

/** A phone (UI.md: the portal is phone first). */
export async function phone(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    hasTouch: true,
    acceptDownloads: true,
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  return { context, page };
}

/** What a portal spec runs on: a demo server, the staff acting on it through the API, and the customer's phone. */
export interface PortalStage {
  server: ServerHandle;
  staff: Staff;
  page: Page;
}

/** Start a portal stage for the tests of a serial spec (from its beforeAll). */
export async function startPortalStage(browser: Browser): Promise<PortalStage> {
  const server = await startDemoServer();
  try {
    const { page } = await phone(browser);
    return { server, staff: new Staff(server.url), page };
  } catch (error) {
    // The spec never sees this server, so its afterAll could not stop it.
    await server.stop();
    throw error;
  }
}

/** Stop what started of a portal stage (from the spec's afterAll, even after a failed start). */
export async function stopPortalStage(stage: Partial<PortalStage>): Promise<void> {
  await stage.page?.context().close();
  await stage.server?.stop();
}

/** Screenshot test-results/e2e/screens/portal-<name>.png and an axe-core check (serious/critical collected). */
export async function screen(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  // Toasts and animations settle first, so the picture shows the page.
  await page.waitForTimeout(350);
  await checkScreen(page, testInfo, `portal-${name}`);
}

export async function logIn(
  page: Page,
  base: string,
  username: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.goto(`${base}/masuk`);
  await page.getByLabel(/^Nama pengguna/).fill(username);
  await page.getByLabel(/^Kata sandi/).fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Pesanan saya' })).toBeVisible({ timeout: 20_000 });
}

export async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Akun / }).click();
  await page.getByRole('menuitem', { name: 'Keluar' }).click();
  await expect(page.getByRole('heading', { name: 'Layanan pengujian laboratorium' })).toBeVisible();
}

/** A Mantine Select: open it and pick the option by its text. */
export async function pick(page: Page, label: RegExp, option: RegExp, index = 0): Promise<void> {
  await page.getByRole('textbox', { name: label }).nth(index).click();
  await page.getByRole('option', { name: option }).first().click();
}

/** A small valid PNG (1x1) as a proof of payment. */
export const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** Choose the proof-of-payment file as a person does: the file picker opened from the field. */
export async function attachProof(
  page: Page,
  file: { name: string; mimeType: string; buffer: Buffer },
): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByLabel(/^Berkas bukti bayar/).click(),
  ]);
  await chooser.setFiles(file);
}
