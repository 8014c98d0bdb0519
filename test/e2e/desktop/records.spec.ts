/**
 * End to end: "Rekaman & Laporan" in the desktop (issue 9, records and reports) against a demo
 * server, through the browser host at 1366x768:
 *
 *  - Admin Satker sees every record; the order register of this month shows the orders the server's
 *    JSON register holds (same count, same totals), then the sample and LHU registers, PNBP revenue,
 *    SOP performance (22 steps) and IKM, each kept as a screenshot and checked with axe-core;
 *  - the XLSX export is saved by the host (the path is shown) and opens with the register's rows;
 *    the PDF export is a PDF;
 *  - a period with nothing in it says so; a period typed backwards says what to fix;
 *  - the cable pulled: "Perlu koneksi", the chosen period kept; back: the retry shows the record;
 *  - Bendahara sees only the order register and the PNBP revenue.
 */
import { test, expect, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { serialStage } from '../support/stage';
import type { DesktopHandle, ProxyHandle } from '../support/stack';
import { checkScreen, expectNoA11yFindings } from '../support/ui';

const stage = serialStage();
let proxy: ProxyHandle;
let admin: DesktopHandle;
let bendahara: DesktopHandle;
const exportDir = mkdtempSync(join(tmpdir(), 'sippt-e2e-exports-'));

/** This month in WIB, as the screen opens it. */
function thisMonth(): { from: string; to: string } {
  const wib = new Date(Date.now() + 7 * 3_600_000);
  const y = wib.getUTCFullYear();
  const m = wib.getUTCMonth() + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, '0');
  return { from: `${y}-${mm}-01`, to: `${y}-${mm}-${last}` };
}

async function openRecords(page: Page): Promise<void> {
  // By keyboard (UI.md: the keyboard reaches everything).
  const link = page
    .getByRole('navigation', { name: 'Navigasi utama' })
    .getByRole('link', { name: /^Rekap & laporan/ });
  await link.focus();
  await link.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Rekaman & Laporan' })).toBeVisible();
}

async function settled(page: Page): Promise<void> {
  await expect(page.locator('.mantine-Skeleton-root')).toHaveCount(0, { timeout: 30_000 });
}

async function pickKind(page: Page, label: string): Promise<void> {
  await page.getByRole('radiogroup', { name: 'Jenis rekaman' }).getByText(label, { exact: true }).click();
  await settled(page);
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  // The host saves exports here (the user's Downloads otherwise).
  process.env.SIPPT_EXPORT_DIR = exportDir;
  await stage.start();
  proxy = await stage.relay();
  [admin, bendahara] = await Promise.all([stage.desktop(proxy.url), stage.desktop()]);
});

test('Admin Satker reads every record of this month, as the server counts it, and exports it', async ({
  browser,
}, info) => {
  test.setTimeout(180_000);
  const page = await stage.signedIn(browser, admin, 'admin');
  await openRecords(page);
  await settled(page);

  const { from, to } = thisMonth();
  const json = await stage.api.get('admin', `records/orders?from=${from}&to=${to}`);
  expect(json.rows.length, 'the demo has orders this month').toBeGreaterThan(0);
  const table = page.getByRole('table', { name: 'Register order' });
  await expect(table).toBeVisible();
  // One body row per order of the period (up to the rows drawn), and the same total.
  await expect(table.locator('tbody tr')).toHaveCount(Math.min(json.rows.length, 500));
  const rupiah = (n: number) => `Rp${n.toLocaleString('id-ID')}`.replace(/\s/g, '');
  await expect(table.locator('tfoot')).toContainText(rupiah(json.totals.amount).replace('Rp', ''));
  await checkScreen(page, info, 'desktop-records-orders');

  // XLSX, saved by the host: the path is shown, the file opens, and holds one line per order.
  await page.getByRole('button', { name: 'Unduh XLSX' }).click();
  const saved = page.getByRole('status').filter({ hasText: 'tersimpan di' });
  await expect(saved).toBeVisible({ timeout: 30_000 });
  const path = /tersimpan di (.+\.xlsx)/.exec((await saved.textContent()) ?? '')?.[1];
  expect(path, 'the saved path is shown').toBeTruthy();
  expect(path!.startsWith(exportDir)).toBe(true);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path!) as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('Register Order')!;
  expect(sheet.rowCount - 5).toBe(json.rows.length); // 4 heading rows, 1 totals row
  await checkScreen(page, info, 'desktop-records-exported');

  await page.getByRole('button', { name: 'Unduh PDF' }).click();
  const pdfSaved = page.getByRole('status').filter({ hasText: '.pdf tersimpan di' });
  await expect(pdfSaved).toBeVisible({ timeout: 60_000 });
  const pdfPath = /tersimpan di (.+\.pdf)/.exec((await pdfSaved.textContent()) ?? '')?.[1];
  expect(readFileSync(pdfPath!).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  for (const [label, name, table] of [
    ['Register sampel', 'samples', 'Register sampel'],
    ['Register LHU', 'reports', 'Register LHU'],
    ['Penerimaan PNBP', 'revenue', 'Penerimaan per laboratorium'],
    ['Kinerja SOP', 'performance', 'Kinerja per langkah SOP'],
    ['IKM', 'ikm', 'Nilai per unsur'],
  ] as const) {
    await pickKind(page, label);
    const shown = page.getByRole('table', { name: table });
    const empty = page.getByText('Tidak ada data pada periode ini');
    await expect(shown.or(empty)).toBeVisible();
    if (name === 'performance' && (await shown.isVisible()))
      await expect(shown.locator('tbody tr')).toHaveCount(22);
    await checkScreen(page, info, `desktop-records-${name}`);
  }

  // A period with nothing in it says so; one typed backwards says what to fix.
  await pickKind(page, 'Register order');
  await page.getByLabel('Dari tanggal').fill('2001-01-01');
  await page.getByLabel('Sampai tanggal').fill('2001-01-31');
  await expect(page.getByText('Tidak ada data pada periode ini')).toBeVisible({ timeout: 30_000 });
  await checkScreen(page, info, 'desktop-records-empty');
  await page.getByLabel('Dari tanggal').fill('2001-02-15');
  await expect(page.getByRole('alert').filter({ hasText: 'Tanggal awal harus sebelum' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Unduh XLSX' })).toBeDisabled();

  // The cable pulled: "Perlu koneksi", the period kept; back again, the retry shows the record.
  await page.getByRole('button', { name: 'Bulan ini' }).click();
  await settled(page);
  await proxy.cut();
  await pickKind(page, 'Register sampel');
  await expect(page.getByText(/Perlu koneksi/i).first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByLabel('Dari tanggal')).toHaveValue(from);
  await checkScreen(page, info, 'desktop-records-offline');
  await proxy.restore();
  await page
    .getByRole('button', { name: /Coba sambungkan/ })
    .first()
    .click();
  await expect(
    page
      .getByRole('table', { name: 'Register sampel' })
      .or(page.getByText('Tidak ada data pada periode ini')),
  ).toBeVisible({ timeout: 60_000 });
  await page.context().close();
});

test('Bendahara sees only the order register and the PNBP revenue', async ({ browser }, info) => {
  const page = await stage.signedIn(browser, bendahara, 'bendahara');
  await openRecords(page);
  const kinds = page.getByRole('radiogroup', { name: 'Jenis rekaman' }).getByRole('radio');
  await expect(kinds).toHaveCount(2);
  await pickKind(page, 'Penerimaan PNBP');
  await expect(
    page
      .getByRole('table', { name: 'Penerimaan per laboratorium' })
      .or(page.getByText('Tidak ada data pada periode ini')),
  ).toBeVisible();
  await checkScreen(page, info, 'desktop-records-bendahara-revenue');
  await page.context().close();
});

test('no serious or critical axe-core findings on the records screens', () => {
  expectNoA11yFindings();
});
