/**
 * End to end: the lab's part of the SOP through the desktop screens (issue 8, "Tests that must
 * exist"). Four workstations, each its own desktop host (own working copy) and browser context at
 * 1366x768, against one real demo server:
 *
 *   12  Penyelia checks a registered sample (Pemeriksaan contoh) and accepts it, then assigns an
 *       analyst per parameter (Penugasan) and sends it to the MT;
 *   13  MT validates the assignment;
 *   14  Analis types the results in the grid (Enter moves down, decimal comma, an out-of-requirement
 *       value shows its ✗ mark as typed) and sends them;
 *   15  Penyelia verifies the results;
 *   16  MT validates them;
 *   17, 18 through the API: Ketua Tim numbers the LHU, CS requests the signature;
 *   19  Kepala Balai imports the demo keystore (the browser's file input) and signs from the queue
 *       with the passphrase.
 *
 * The server's API then shows the report signed. Every screen passed is kept as a screenshot
 * (test-results/e2e/screens/lab-flow-*.png) and checked with axe-core: no serious or critical
 * violation.
 */
import { test, expect, type Page } from '@playwright/test';
import type { Order, Sample } from '../../../shared/domain/entities';
import { demoOrder } from '../support/clients';
import { serialStage } from '../support/stage';
import type { DesktopHandle } from '../support/stack';
import {
  checkScreen,
  expectNoA11yFindings,
  openLogin,
  openSample,
  pill,
  signIn,
  syncNow,
} from '../support/ui';
import { assignEachParameter, decideInPanel, fillReceiptCheck, typeResultColumn } from '../support/lab-steps';
import { DEMO_KEYSTORE, DEMO_PASSPHRASE } from '../support/demo-keystore';

/** A crumb-rubber sample registered to the Karet lab, waiting at step 12 (demo data). */
const REF = demoOrder('krt-12a');
/** Results as the analyst types them: the first is out of SIR 20's requirement (kotoran max 0,16 %). */
const TYPED = ['0,214', '0,52', '0,41', '34', '61', '0,38'];

const stage = serialStage();
const desks: Record<'penyelia' | 'mt' | 'analis' | 'kepala', DesktopHandle> = {} as never;
const pages: Partial<Record<keyof typeof desks, Page>> = {};
let sampleNumber = '';
let users: { id: string; username: string; name: string }[] = [];

const sampleOf = (o: Order): Sample => o.samples.find((s) => s.id === REF.sampleId)!;
const userName = (username: string) => users.find((u) => u.username === username)!.name;

/** Wait until the server has the sample at `status` (the acting desktop has pushed its change). */
async function serverAt(status: string, timeout = 60_000): Promise<Sample> {
  let last: Sample | undefined;
  await expect
    .poll(async () => (last = sampleOf(await stage.api.order(REF.orderId))).status, {
      timeout,
      message: `server sample status → ${status}`,
    })
    .toBe(status);
  return last!;
}

async function page(role: keyof typeof desks): Promise<Page> {
  const p = pages[role];
  if (!p) throw new Error(`${role} has no page yet`);
  return p;
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  await stage.start();
  const [penyelia, mt, analis, kepala] = await Promise.all([
    stage.desktop(),
    stage.desktop(),
    stage.desktop(),
    stage.desktop(),
  ]);
  Object.assign(desks, { penyelia, mt, analis, kepala });
  users = await stage.api.users();
  const s = sampleOf(await stage.api.order(REF.orderId));
  expect(s.status).toBe('registered');
  sampleNumber = s.number!;
});

test('step 12: the Penyelia checks the sample, accepts it and assigns an analyst per parameter', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const p = await stage.workstation(browser);
  pages.penyelia = p;

  await openLogin(p, desks.penyelia);
  await checkScreen(p, testInfo, 'lab-flow-01-login');

  await signIn(p, desks.penyelia, 'penyelia.karet');
  await expect(pill(p)).toHaveAccessibleName(/^Daring/, { timeout: 90_000 });
  await expect(p.getByRole('grid', { name: 'Pekerjaan saya' })).toBeVisible({ timeout: 30_000 });
  await checkScreen(p, testInfo, 'lab-flow-02-penyelia-pekerjaan-saya');

  await p
    .getByRole('navigation')
    .getByRole('link', { name: /Semua sampel/ })
    .click();
  await expect(p.getByRole('grid', { name: 'Semua sampel' })).toBeVisible();
  await checkScreen(p, testInfo, 'lab-flow-03-penyelia-semua-sampel');

  await p.getByRole('button', { name: /Buka panel sinkron/ }).click();
  await expect(p.getByRole('dialog', { name: 'Sinkronisasi' })).toBeVisible();
  await checkScreen(p, testInfo, 'lab-flow-04-panel-sinkron');
  await p.keyboard.press('Escape');

  // Pemeriksaan contoh.
  const receipt = await fillReceiptCheck(p, sampleNumber);
  await checkScreen(p, testInfo, 'lab-flow-05-penyelia-pemeriksaan-contoh');
  await receipt.getByRole('button', { name: /^Terima/ }).click();

  // Penugasan: one analyst per parameter (the sample's parameters from the server).
  const analyses = sampleOf(await stage.api.order(REF.orderId)).analyses;
  expect(analyses.length).toBeGreaterThan(1);
  const assign = await assignEachParameter(
    p,
    analyses.map((a) => a.parameterName),
    userName('analis.karet1'),
  );
  await checkScreen(p, testInfo, 'lab-flow-06-penyelia-penugasan');
  await assign.getByRole('button', { name: /^Kirim ke MT/ }).click();

  const s = await serverAt('assigned');
  expect(s.condition).toContain('segel utuh');
  const analystId = users.find((u) => u.username === 'analis.karet1')!.id;
  expect(s.analyses.every((a) => a.analystId === analystId)).toBe(true);
  await expect(pill(p)).toHaveAccessibleName(/Semua terkirim/, { timeout: 30_000 });
});

test('step 13: the MT validates the assignment', async ({ browser }, testInfo) => {
  test.setTimeout(150_000);
  const p = await stage.signedIn(browser, desks.mt, 'mt.karet');
  pages.mt = p;
  await decideInPanel(p, sampleNumber, 'Validasi penugasan', /^Validasi/, async (panel) => {
    await expect(
      panel
        .getByRole('row')
        .filter({ hasText: userName('analis.karet1') })
        .first(),
    ).toBeVisible();
    await checkScreen(p, testInfo, 'lab-flow-07-mt-validasi-penugasan');
  });
  await serverAt('in_testing');
});

test('step 14: the Analis types the results in the grid and sends them', async ({ browser }, testInfo) => {
  test.setTimeout(150_000);
  const p = await stage.signedIn(browser, desks.analis, 'analis.karet1');
  pages.analis = p;
  await openSample(p, sampleNumber);
  const grid = p.getByRole('table', { name: /Tabel hasil uji/ });
  await expect(grid).toBeVisible({ timeout: 30_000 });
  // Coded samples: the Analis never sees the customer.
  await expect(p.getByText('LOT-2025-0412')).toHaveCount(0);

  const analyses = sampleOf(await stage.api.order(REF.orderId)).analyses;
  // Enter goes down the column.
  await typeResultColumn(p, grid, analyses, TYPED, async (i) => {
    if (i > 0) return;
    // The out-of-requirement mark shows as the value is typed, before it is even saved.
    const mark = grid.locator(`[id="mark-${analyses[0]!.id}"]`);
    await expect(mark).toHaveAttribute('data-mark', 'fails');
    await expect(mark.getByLabel('tidak memenuhi')).toBeVisible();
  });
  for (let i = 1; i < analyses.length; i++) {
    if (analyses[i]!.requirement)
      await expect(grid.locator(`[id="mark-${analyses[i]!.id}"]`)).not.toHaveAttribute('data-mark', 'fails');
  }
  // The Analis's own expanded uncertainty for one parameter (7.8.3.1 c): a wrong text is said under
  // the row and not saved; the corrected one is. An empty U cell keeps the method's default.
  const uCell = grid.getByRole('textbox', {
    name: `Ketidakpastian diperluas U ${analyses[1]!.parameterName} (kosong: nilai bawaan metode)`,
    exact: true,
  });
  await uCell.click();
  await p.keyboard.type('sekitar 5%');
  await expect(grid.getByText('U ditulis sebagai angka, mis. 0,05 atau 0,05 k=2')).toBeVisible();
  await expect(uCell).toHaveAttribute('aria-invalid', 'true');
  await uCell.fill('0,05 k=2');
  await p.keyboard.press('Enter');
  await expect(grid.getByText('U ditulis sebagai angka, mis. 0,05 atau 0,05 k=2')).toHaveCount(0);
  await expect(grid.getByText(/^tersimpan/)).toHaveCount(analyses.length, { timeout: 30_000 });
  await checkScreen(p, testInfo, 'lab-flow-08-analis-hasil-uji');

  await p.getByRole('button', { name: /^Kirim hasil/ }).click();
  const confirm = p.getByRole('dialog', { name: 'Kirim hasil ke Penyelia?' });
  await expect(confirm).toBeVisible();
  // The confirmation lists the value that does not meet its requirement.
  await expect(confirm.getByText(analyses[0]!.parameterName)).toBeVisible();
  await checkScreen(p, testInfo, 'lab-flow-09-analis-konfirmasi-kirim');
  await confirm.getByRole('button', { name: /^Kirim hasil/ }).click();
  await expect(confirm).toBeHidden({ timeout: 30_000 });

  await expect
    .poll(async () => sampleOf(await stage.api.order(REF.orderId)).analyses.map((a) => a.status), {
      timeout: 60_000,
    })
    .toEqual(analyses.map(() => 'submitted'));
  const stored = sampleOf(await stage.api.order(REF.orderId)).analyses;
  // The decimal comma is read as a decimal: 0,214 is 0.214.
  expect(stored[0]!.result?.value).toBe('0,214');
  expect(stored[0]!.result?.numeric).toBeCloseTo(0.214, 6);
  expect(stored[3]!.result?.numeric).toBe(34);
  expect(stored[1]!.result?.uncertainty).toEqual({ expanded: 0.05, coverageFactor: 2 });
  expect(stored[0]!.result?.uncertainty ?? null).toBeNull();
});

/** Steps 15 and 16: a decision on the results in the sample's panel, after a sync brought them. */
const RESULT_DECISIONS: {
  title: string;
  role: 'penyelia' | 'mt';
  region: string;
  button: RegExp;
  /** A typed value the panel shows before the decision. */
  shows: string | null;
  screen: string;
  status: string;
}[] = [
  {
    title: 'step 15: the Penyelia verifies the results',
    role: 'penyelia',
    region: 'Verifikasi hasil',
    button: /^Verifikasi/,
    shows: '0,214',
    screen: 'lab-flow-10-penyelia-verifikasi',
    status: 'results_verified',
  },
  {
    title: 'step 16: the MT validates the results',
    role: 'mt',
    region: 'Validasi hasil',
    button: /^Validasi/,
    shows: null,
    screen: 'lab-flow-11-mt-validasi-hasil',
    status: 'results_validated',
  },
];

for (const step of RESULT_DECISIONS)
  test(step.title, async () => {
    const testInfo = test.info();
    test.setTimeout(150_000);
    const p = await page(step.role);
    await syncNow(p);
    await decideInPanel(p, sampleNumber, step.region, step.button, async (panel) => {
      if (step.shows) await expect(panel.getByText(step.shows)).toBeVisible();
      await checkScreen(p, testInfo, step.screen);
    });
    await serverAt(step.status);
  });

test('step 19: the Kepala Balai imports the keystore and signs from the queue', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  // Steps 17 and 18 through the API: the Ketua Tim numbers the LHU, CS asks the Kepala Balai to sign.
  await stage.api.post('ketuatim', `orders/${REF.orderId}/samples/${REF.sampleId}/reports`);
  let s = await serverAt('report_numbered');
  const report = s.reports.find((r) => r.status !== 'superseded')!;
  const kepalaId = users.find((u) => u.username === 'kepala')!.id;
  await stage.api.post(
    'cs1',
    `orders/${REF.orderId}/samples/${REF.sampleId}/reports/${report.id}/request-signature`,
    { kepalaBalaiId: kepalaId },
  );
  await serverAt('awaiting_signature');

  const p = await stage.signedIn(browser, desks.kepala, 'kepala');
  pages.kepala = p;
  await expect(p).toHaveURL(/#\/tte/);
  const queue = p.getByRole('grid', { name: 'Antrean LHU menunggu tanda tangan' });
  const pick = p.getByRole('checkbox', { name: `Pilih LHU ${report.number}` });
  await expect(async () => {
    if (!(await pick.isVisible())) await syncNow(p);
    await expect(pick).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 90_000, intervals: [1_000, 3_000, 5_000] });
  const row = queue.getByRole('row').filter({ hasText: report.number });
  // The E-LHU is on this computer (previewed, signable offline).
  await expect(row.getByLabel('belum diunduh; hubungkan sekali')).toHaveCount(0, { timeout: 60_000 });
  await row.click();
  await expect(p.getByText(/Halaman 1 dari \d+/)).toBeVisible({ timeout: 30_000 });
  await checkScreen(p, testInfo, 'lab-flow-12-kepala-antrean-tte');

  await pick.check();
  await p.getByRole('button', { name: /^Tandatangani \(1\)/ }).click();
  const dialog = p.getByRole('dialog', { name: 'Tandatangani 1 LHU' });
  await expect(dialog).toBeVisible();

  // First time on this computer: import the keystore through the browser's file input.
  await expect(
    dialog.getByText('Impor sertifikat TTE').or(dialog.getByText(/Belum ada sertifikat TTE/)),
  ).toBeVisible({ timeout: 30_000 });
  await dialog.locator('input[type="file"]').setInputFiles(DEMO_KEYSTORE);
  await dialog.getByLabel('Passphrase keystore').fill(DEMO_PASSPHRASE);
  await checkScreen(p, testInfo, 'lab-flow-13-kepala-impor-sertifikat');
  await dialog.getByRole('button', { name: 'Impor sertifikat' }).click();

  // The certificate, then the passphrase.
  const passphrase = dialog.getByRole('textbox', { name: 'Passphrase', exact: true });
  await expect(passphrase).toBeVisible({ timeout: 30_000 });
  await expect(dialog.getByText('Sertifikat', { exact: true })).toBeVisible();
  await expect(dialog.getByRole('row', { name: /^Sidik jari [0-9a-f]{64}$/ })).toBeVisible();
  await passphrase.fill(DEMO_PASSPHRASE);
  await checkScreen(p, testInfo, 'lab-flow-14-kepala-passphrase');
  await dialog.getByRole('button', { name: /^Tandatangani 1 LHU/ }).click();

  const summary = p.getByRole('dialog', { name: 'Selesai' });
  await expect(summary).toBeVisible({ timeout: 90_000 });
  await expect(summary.getByText('1 LHU ditandatangani')).toBeVisible();
  await checkScreen(p, testInfo, 'lab-flow-15-kepala-selesai');
  await summary.getByRole('button', { name: 'Tutup' }).filter({ hasText: 'Tutup' }).click();

  // Uploaded by itself: the server has the report signed.
  s = await serverAt('signed', 90_000);
  const signed = s.reports.find((r) => r.id === report.id)!;
  expect(signed.status).toBe('signed');
  expect(signed.signedHash).toMatch(/^[0-9a-f]{64}$/);
  expect(signed.signedAt).not.toBeNull();
  await expect(pill(p)).toHaveAccessibleName(/Semua terkirim/, { timeout: 60_000 });
  await checkScreen(p, testInfo, 'lab-flow-16-kepala-antrean-kosong');
});

test('axe-core: no serious or critical violation on any screen of the flow', () => {
  expectNoA11yFindings();
});
