/**
 * End to end (issue 11), through the browser host against the demo server:
 * - Admin Satker raises the minimum desktop version above this desktop's: its push is refused, and
 *   the frame shows the outdated banner (the version needed, that the changes are kept, how to
 *   update); the Penyelia's change stays waiting on this computer. Once the minimum is lowered, the
 *   change is sent and the banner goes away.
 * - The network settings from the user menu: a wrong proxy is refused next to the field with what
 *   to fix; a good proxy and the beta channel are saved and read back.
 */
import { test, expect, type Page } from '@playwright/test';
import { demoOrder } from '../support/clients';
import { serialStage } from '../support/stage';
import type { DesktopHandle } from '../support/stack';
import { checkScreen, expectNoA11yFindings, pill, signIn, syncNow } from '../support/ui';
import { assignAllToOneAndSend } from '../support/lab-steps';

/** A Karet sample received at step 12, analysts still to assign (demo data). */
const SAMPLE = demoOrder('krt-12d');

const stage = serialStage();
let desk: DesktopHandle;
let page: Page;
let sampleNumber = '';
let analystName = '';

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  await stage.start();
  desk = await stage.desktop();
  const order = await stage.api.order(SAMPLE.orderId);
  sampleNumber = order.samples.find((s) => s.id === SAMPLE.sampleId)!.number!;
  analystName = (await stage.api.users()).find((u) => u.username === 'analis.karet1')!.name;
  page = await stage.workstation(browser);
});

const banner = () => page.getByRole('alert').filter({ hasText: /sudah tidak didukung server/ });

test('a minimum version above this desktop: the banner says what is needed, and the change stays waiting', async () => {
  test.setTimeout(240_000);
  const testInfo = test.info();
  await signIn(page, desk, 'penyelia.karet');
  await expect(pill(page)).toHaveAccessibleName(/^Daring · Semua terkirim/, { timeout: 90_000 });
  await expect(banner()).toHaveCount(0);

  await stage.api.raw('admin', 'PUT', 'releases/minimum-version', { version: '99.0.0' });

  // The Penyelia assigns the analysts (a change to push): the push is refused with client_outdated.
  await assignAllToOneAndSend(page, sampleNumber, analystName);
  await expect(async () => {
    if (!(await banner().isVisible())) await syncNow(page);
    await expect(banner()).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 90_000, intervals: [2_000, 5_000] });

  await expect(banner()).toContainText('Perlu versi 99.0.0 atau lebih baru untuk mengirim perubahan.');
  await expect(banner()).toContainText('1 perubahan Anda tetap tersimpan di komputer ini');
  await expect(banner()).toContainText('Minta bagian TI memasang SIPPT Lab versi 99.0.0');
  await expect(pill(page)).toHaveAccessibleName(/1 perubahan menunggu/, { timeout: 30_000 });
  // Nothing reached the server, nothing was marked rejected.
  expect((await stage.api.order(SAMPLE.orderId)).samples.find((s) => s.id === SAMPLE.sampleId)!.status).toBe(
    'received',
  );
  await expect(pill(page)).not.toHaveAccessibleName(/ditolak/);
  await checkScreen(page, testInfo, 'outdated-01-banner');

  // A reload of the window (or a restart of the UI) shows it again at once.
  await page.reload();
  await expect(banner()).toBeVisible({ timeout: 30_000 });
});

test('the minimum lowered: the change is sent and the banner goes away', async () => {
  test.setTimeout(240_000);
  await stage.api.raw('admin', 'DELETE', 'releases/minimum-version');
  await expect(async () => {
    if (await banner().isVisible()) await syncNow(page);
    await expect(banner()).toHaveCount(0, { timeout: 5_000 });
  }).toPass({ timeout: 90_000, intervals: [2_000, 5_000] });
  await expect(pill(page)).toHaveAccessibleName(/^Daring · Semua terkirim/, { timeout: 60_000 });
  expect(
    (await stage.api.order(SAMPLE.orderId)).samples.find((s) => s.id === SAMPLE.sampleId)!.status,
  ).not.toBe('received');
});

test('network settings: a wrong proxy is refused with what to fix; proxy and channel are saved', async () => {
  test.setTimeout(120_000);
  const testInfo = test.info();
  await page.getByRole('button', { name: /^Menu pengguna/ }).click();
  await page.getByRole('menuitem', { name: 'Pengaturan jaringan' }).click();
  const dialog = page.getByRole('dialog', { name: 'Pengaturan jaringan' });
  const proxy = dialog.getByLabel('Proxy kantor');
  await proxy.fill('proxy.kantor.go.id');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog.getByText(/harus diawali http:\/\/ atau https:\/\//)).toBeVisible();
  await checkScreen(page, testInfo, 'settings-01-proxy-wrong');

  await proxy.fill('http://proxy.kantor.go.id:8080');
  await dialog.getByRole('radio', { name: 'Beta' }).check();
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog).toHaveCount(0);
  // Read back in the screen.
  await page.getByRole('button', { name: /^Menu pengguna/ }).click();
  await page.getByRole('menuitem', { name: 'Pengaturan jaringan' }).click();
  await expect(dialog.getByLabel('Proxy kantor')).toHaveValue('http://proxy.kantor.go.id:8080');
  await expect(dialog.getByRole('radio', { name: 'Beta' })).toBeChecked();
  await checkScreen(page, testInfo, 'settings-02-saved');
  // No proxy again (this desktop reaches the demo server directly).
  await dialog.getByLabel('Proxy kantor').fill('');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog).toHaveCount(0);
});

test('axe-core: no serious or critical violation on the outdated banner and the settings', () => {
  expectNoA11yFindings();
});
