/**
 * Admin Satker's catalog screen: a parameter's default expanded uncertainty U with k and its
 * accreditation scope. A U without k is caught next to the field before anything is sent; saved,
 * the table shows "± U (k = 2)" and a parameter taken out of the scope carries its badge; the
 * server has them (the catalog an order copies from).
 */
import { test, expect } from '@playwright/test';
import { serialStage } from '../support/stage';
import type { DesktopHandle } from '../support/stack';
import { checkScreen, expectNoA11yFindings } from '../support/ui';

const stage = serialStage();
let desk: DesktopHandle;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  await stage.start();
  desk = await stage.desktop();
});

test('Admin Satker sets a default U with k and takes a parameter out of the accreditation scope', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const page = await stage.signedIn(browser, desk, 'admin');
  await page
    .getByRole('navigation')
    .getByRole('link', { name: /Katalog/ })
    .click();
  await expect(page.locator('.mantine-Skeleton-root')).toHaveCount(0, { timeout: 30_000 });
  const table = page.getByRole('table', { name: 'Parameter uji' });
  await expect(table.getByRole('columnheader', { name: 'U bawaan (k)' })).toBeVisible();

  const name = 'Kadar air';
  await table
    .getByRole('button', { name: `Ubah ${name}`, exact: true })
    .first()
    .click();
  const u = page.getByRole('textbox', { name: /^U bawaan/ });
  const k = page.getByRole('textbox', { name: 'Faktor cakupan k' });
  await u.fill('');
  await k.fill('');
  await u.fill('0,15');
  await page.keyboard.press('Control+Enter');
  // k missing: said under k, nothing sent.
  await expect(page.getByText('k wajib diisi bila U diisi (biasanya 2)')).toBeVisible();
  await checkScreen(page, testInfo, 'catalog-u-tanpa-k');
  await k.fill('2');
  await page.getByRole('switch', { name: 'Dalam ruang lingkup akreditasi' }).uncheck({ force: true });
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText(`${name} disimpan.`).first()).toBeVisible({ timeout: 30_000 });

  const row = table
    .getByRole('row')
    .filter({ has: page.getByRole('button', { name: `Ubah ${name}`, exact: true }) })
    .first();
  await expect(row).toContainText('± 0,15 (k = 2)');
  await expect(row.getByText('di luar akreditasi')).toBeVisible();
  await checkScreen(page, testInfo, 'catalog-u-dan-akreditasi');

  const catalog = await stage.api.get('admin', 'catalog');
  const saved = (catalog.parameters as { name: string; uncertainty: unknown; accredited: boolean }[]).filter(
    (p) => p.name === name,
  );
  expect(
    saved.some(
      (p) =>
        JSON.stringify(p.uncertainty) === JSON.stringify({ expanded: 0.15, coverageFactor: 2 }) &&
        p.accredited === false,
    ),
  ).toBe(true);
});

test('axe-core: no serious or critical violation on the catalog screens', () => {
  expectNoA11yFindings();
});
