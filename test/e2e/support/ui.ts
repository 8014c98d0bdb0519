/**
 * What the desktop end-to-end tests do in the browser, as a person would: sign in on the login
 * screen, press "Sinkronkan sekarang" in the sync panel, open a sample from the worklist, and keep a
 * screenshot plus an axe-core check of every screen they pass through.
 */
import AxeBuilder from '@axe-core/playwright';
import {
  expect,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
  type TestInfo,
} from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEMO_PASSWORD, type DesktopHandle } from './stack';

/** Every screenshot of the desktop tests lands here (kept as artifacts of the run). */
export const SCREENS_DIR = resolve(
  import.meta.dirname,
  '../../..',
  process.env.SIPPT_E2E_OUT ?? 'test-results',
  'e2e/screens',
);

/** A lab workstation's screen (UI.md: readable at 1366x768). */
export async function workstation(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  return { context, page };
}

/** The connection pill in the top bar (its accessible name carries Daring/Luring and the changes waiting). */
export const pill = (page: Page): Locator => page.getByRole('button', { name: /Buka panel sinkron/ });

/** Open the app from the address the host printed and sign in through the login screen. */
export async function signIn(
  page: Page,
  desktop: DesktopHandle,
  username: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.goto(desktop.url);
  const form = page.getByRole('form', { name: 'Masuk ke SIPPT Lab' });
  await expect(form).toBeVisible({ timeout: 30_000 });
  const server = form.getByLabel('Alamat server');
  if (await server.isVisible()) await server.fill(desktop.serverUrl);
  await form.getByLabel('Nama pengguna').fill(username);
  await form.getByLabel('Kata sandi', { exact: true }).fill(password);
  await form.getByLabel('Kata sandi', { exact: true }).press('Enter');
  await expect(pill(page)).toBeVisible({ timeout: 45_000 });
}

/** The sign-in screen, before anyone signs in (for its screenshot and axe check). */
export async function openLogin(page: Page, desktop: DesktopHandle): Promise<void> {
  await page.goto(desktop.url);
  await expect(page.getByRole('form', { name: 'Masuk ke SIPPT Lab' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByLabel('Nama pengguna')).toBeVisible();
}

/** The sync panel (a drawer opened from the pill). */
export async function openSyncPanel(page: Page): Promise<Locator> {
  const panel = page.getByRole('dialog', { name: 'Sinkronisasi' });
  if (!(await panel.isVisible())) await pill(page).click();
  await expect(panel).toBeVisible();
  return panel;
}

export async function closeSyncPanel(page: Page): Promise<void> {
  const panel = page.getByRole('dialog', { name: 'Sinkronisasi' });
  if (await panel.isVisible()) {
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
  }
}

/**
 * `use` on the open sync panel, then the panel closed. Closed even when `use` fails: a retry loop
 * around this must not go on with the drawer's overlay covering the screen.
 */
export async function inSyncPanel(page: Page, use: (panel: Locator) => Promise<void>): Promise<void> {
  const panel = await openSyncPanel(page);
  try {
    await use(panel);
  } finally {
    await closeSyncPanel(page);
  }
}

/** "Sinkronkan sekarang" in the sync panel, then close it (even when the sync outlasts the wait). */
export async function syncNow(page: Page): Promise<void> {
  await inSyncPanel(page, async (panel) => {
    const button = panel.getByRole('button', { name: /Sinkronkan sekarang/ });
    await expect(button).toBeEnabled({ timeout: 30_000 });
    await button.click();
    await expect(button).toBeEnabled({ timeout: 30_000 });
  });
}

/** A worklist row by its sample number. */
export const worklistRow = (page: Page, sampleNumber: string): Locator =>
  page.getByRole('grid').getByRole('row').filter({ hasText: sampleNumber });

/**
 * Open a sample from a worklist ("Pekerjaan saya" by default): sync until its row is there, then
 * open it with Enter on the row, as the keyboard-first lab does.
 */
export async function openSample(
  page: Page,
  sampleNumber: string,
  list: 'Pekerjaan saya' | 'Semua sampel' = 'Pekerjaan saya',
): Promise<void> {
  await page
    .getByRole('navigation')
    .getByRole('link', { name: new RegExp(list) })
    .click();
  const row = worklistRow(page, sampleNumber);
  await expect(async () => {
    if (!(await row.isVisible())) await syncNow(page);
    await expect(row).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 90_000, intervals: [1_000, 3_000, 5_000] });
  await row.dblclick();
  await expect(page).toHaveURL(/#\/sampel\/[^/]+\/[^/]+/);
}

/**
 * A screenshot of the screen as it is now, kept under test-results/e2e/screens and attached to the
 * test, plus an axe-core check (WCAG 2.1 A/AA rules); serious and critical findings are collected
 * in A11Y_FINDINGS and the full report is attached to the test.
 */
export async function checkScreen(
  page: Page,
  testInfo: TestInfo,
  name: string,
  options: { include?: string } = {},
): Promise<void> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const file = resolve(SCREENS_DIR, `${name}.png`);
  // A drawer or modal still fading in blends its text with the page behind it: axe would measure a
  // contrast no user sees once it has settled.
  await page
    .waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, {
      timeout: 5_000,
    })
    .catch(() => undefined);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });

  let axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (options.include) axe = axe.include(options.include);
  const result = await axe.analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  // One line per rule and element, so a failure reads as a to-do list.
  const found = bad.flatMap((v) =>
    v.nodes
      .slice(0, 8)
      .map(
        (n) =>
          `${v.impact} ${v.id} at ${n.target.join(' ')}: ${(n.failureSummary ?? v.help).replace(/\s+/g, ' ').slice(0, 240)}`,
      ),
  );
  await testInfo.attach(`${name}-axe.json`, {
    body: JSON.stringify(result.violations, null, 2),
    contentType: 'application/json',
  });
  if (found.length > 0) A11Y_FINDINGS.set(name, found);
  else A11Y_FINDINGS.delete(name);
}

/**
 * What axe-core found per screen in this spec file. Kept apart from the flow so one finding does not
 * stop the screens after it from being seen and checked: a spec ends with `expectNoA11yFindings()`.
 */
export const A11Y_FINDINGS = new Map<string, string[]>();

export function expectNoA11yFindings(): void {
  const lines = [...A11Y_FINDINGS].flatMap(([screen, found]) => [
    `${screen}:`,
    ...found.map((f) => `  ${f}`),
  ]);
  expect(lines, `axe-core: serious or critical violations on ${A11Y_FINDINGS.size} screen(s)`).toEqual([]);
}
