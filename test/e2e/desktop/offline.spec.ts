/**
 * End to end: working offline (issue 8, "Offline"). The Analis and the Penyelia sign in and sync
 * once while the server is up, each on their own workstation (desktop host, working copy, browser
 * context). Then the server stops: the Analis types and sends the results of one sample, and the
 * Penyelia verifies another sample whose results were already in; the app says *Luring* and shows
 * the changes waiting. The server starts again (same port, same database) and, with nobody touching
 * anything, both desktops send what waited: the pills go back to *Daring* with nothing waiting, and
 * the server's orders show the results sent and verified.
 */
import { test, expect, type Page } from '@playwright/test';
import type { Order, Sample } from '../../../shared/domain/entities';
import { demoOrder } from '../support/clients';
import { serialStage } from '../support/stage';
import type { DesktopHandle } from '../support/stack';
import { checkScreen, expectNoA11yFindings, inSyncPanel, openSample, pill, signIn } from '../support/ui';
import { typeResultColumn } from '../support/lab-steps';

/** Step 14: nothing typed yet, all parameters assigned to analis.karet1 (demo data). */
const TESTING = demoOrder('krt-14a');
/** Step 15: every result sent, waiting for the Penyelia (demo data). */
const TO_VERIFY = demoOrder('krt-15a');
/** Values meeting SIR 20's requirements, typed with a decimal comma. */
const TYPED = ['0,094', '0,52', '0,41', '34', '61', '0,38'];

const stage = serialStage();
let analisDesk: DesktopHandle;
let penyeliaDesk: DesktopHandle;
let analis: Page;
let penyelia: Page;
const numbers = { testing: '', toVerify: '' };
let testingAnalyses: Sample['analyses'] = [];

const sampleOf = (o: Order, id: string): Sample => o.samples.find((s) => s.id === id)!;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  await stage.start();
  [analisDesk, penyeliaDesk] = await Promise.all([stage.desktop(), stage.desktop()]);
  const t = sampleOf(await stage.api.order(TESTING.orderId), TESTING.sampleId);
  const v = sampleOf(await stage.api.order(TO_VERIFY.orderId), TO_VERIFY.sampleId);
  expect(t.status).toBe('in_testing');
  expect(v.status).toBe('in_testing');
  expect(v.analyses.every((a) => a.status === 'submitted')).toBe(true);
  numbers.testing = t.number!;
  numbers.toVerify = v.number!;
  testingAnalyses = t.analyses;
  analis = await stage.workstation(browser);
  penyelia = await stage.workstation(browser);
});

test('online first: both sign in and sync their working copies', async () => {
  test.setTimeout(240_000);
  await Promise.all([
    signIn(analis, analisDesk, 'analis.karet1'),
    signIn(penyelia, penyeliaDesk, 'penyelia.karet'),
  ]);
  for (const p of [analis, penyelia])
    await expect(pill(p)).toHaveAccessibleName(/^Daring · Semua terkirim · sinkron/, { timeout: 90_000 });
  // Each opens the sample they will work on: it is in the working copy now.
  await openSample(analis, numbers.testing);
  await expect(analis.getByRole('table', { name: /Tabel hasil uji/ })).toBeVisible({ timeout: 30_000 });
  await openSample(penyelia, numbers.toVerify);
  await expect(penyelia.getByRole('region', { name: 'Verifikasi hasil' })).toBeVisible({ timeout: 30_000 });
});

test('offline: the Analis sends results and the Penyelia verifies, and the app shows what waits', async () => {
  test.setTimeout(240_000);
  const testInfo = test.info();
  await stage.server.stop();

  // The Analis types the whole column (Enter goes down) and sends it.
  const grid = analis.getByRole('table', { name: /Tabel hasil uji/ });
  await typeResultColumn(analis, grid, testingAnalyses, TYPED);
  await expect(grid.getByText(/^tersimpan/)).toHaveCount(testingAnalyses.length, { timeout: 30_000 });
  await analis.getByRole('button', { name: /^Kirim hasil/ }).click();
  const confirm = analis.getByRole('dialog', { name: 'Kirim hasil ke Penyelia?' });
  await confirm.getByRole('button', { name: /^Kirim hasil/ }).click();
  await expect(confirm).toBeHidden({ timeout: 30_000 });
  await expect(analis.getByText('Semua hasil Anda sudah dikirim')).toBeVisible({ timeout: 30_000 });

  // The Penyelia verifies the other sample.
  const panel = penyelia.getByRole('region', { name: 'Verifikasi hasil' });
  await panel.getByRole('button', { name: /^Verifikasi/ }).click();
  await expect(panel.getByRole('button', { name: /^Verifikasi/ })).toHaveCount(0, { timeout: 30_000 });

  // Luring, and the changes waiting, on both.
  await expect(pill(analis)).toHaveAccessibleName(/^Luring · \d+ perubahan menunggu/, { timeout: 90_000 });
  await expect(pill(penyelia)).toHaveAccessibleName(/^Luring · 1 perubahan menunggu/, { timeout: 90_000 });
  await checkScreen(analis, testInfo, 'offline-01-analis-luring');
  await checkScreen(penyelia, testInfo, 'offline-02-penyelia-luring');

  await inSyncPanel(penyelia, async (waiting) => {
    await expect(waiting.getByText('Menunggu dikirim')).toBeVisible();
    await expect(waiting.getByText(/Luring: perubahan tersimpan di komputer ini/)).toBeVisible();
    await checkScreen(penyelia, testInfo, 'offline-03-penyelia-panel-sinkron');
  });
});

test('the server comes back: everything syncs by itself', async () => {
  test.setTimeout(300_000);
  const testInfo = test.info();
  await stage.server.restart();

  // Nobody touches anything: the engines retry on their own.
  for (const p of [analis, penyelia]) {
    await expect(pill(p)).toHaveAccessibleName(/^Daring · Semua terkirim/, { timeout: 150_000 });
  }
  await checkScreen(analis, testInfo, 'offline-04-analis-daring-lagi');
  await checkScreen(penyelia, testInfo, 'offline-05-penyelia-daring-lagi');

  const sent = sampleOf(await stage.api.order(TESTING.orderId), TESTING.sampleId);
  expect(sent.analyses.map((a) => a.status)).toEqual(testingAnalyses.map(() => 'submitted'));
  expect(sent.analyses.map((a) => a.result?.value)).toEqual(TYPED.slice(0, testingAnalyses.length));
  const verified = sampleOf(await stage.api.order(TO_VERIFY.orderId), TO_VERIFY.sampleId);
  expect(verified.status).toBe('results_verified');
});

test('axe-core: no serious or critical violation on the offline screens', () => {
  expectNoA11yFindings();
});
