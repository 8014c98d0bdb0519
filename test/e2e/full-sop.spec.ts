/**
 * The whole SOP (steps 1-22) for ONE order, only through the screens a person uses (issue 9,
 * "Tests that must exist"): the customer in the portal on a phone (390x844), each staff role in
 * the desktop app through its browser host at 1366x768, every workstation its own host. No step
 * goes through the API: the API is only read, to wait for and assert the server's state.
 *
 *    1-2  the customer opens the portal and registers (company, NPWP, address, contact);
 *    3    Admin Satker activates the account (Aktivasi pelanggan);
 *    4    the customer logs in and orders one crumb-rubber sample with two parameters;
 *    5    CS reviews (kaji ulang: Bisa ×3) and validates it;
 *    6    Ketua Tim PJI approves the tariff;
 *    7    the customer reviews the tariff and asks for the e-billing;
 *    8    Bendahara issues it; the customer sees the code on the e-billing page;
 *    9    the customer uploads a proof of payment;
 *   10    Bendahara approves the proof;
 *   11    CS registers the sample to the Karet lab with its Penyelia and MT;
 *   12    Penyelia checks the sample and assigns the analyst;
 *   13    MT validates the assignment;
 *   14    Analis types the results and sends them;
 *   15    Penyelia verifies; 16 MT validates;
 *   17    Ketua Tim numbers the LHU;
 *   18    CS previews the draft E-LHU and asks the Kepala Balai for the TTE;
 *   19    Kepala Balai imports the demo keystore and signs with the passphrase;
 *   20    CS checks the signed E-LHU and releases it;
 *   21    the customer fills in the survey (nine IKM elements);
 *   22    the customer downloads the E-LHU (pdfsig: the signature is valid) and finishes the order.
 *
 * Screens: test-results/e2e/screens/sop-*.png (portal ones at the phone's size), each checked
 * with axe-core (no serious or critical finding).
 */
import { test, expect, type Browser, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import type { Order, Sample } from '../../shared/domain/entities';
import { Api } from './support/clients';
import { startDemoServer, startDesktop, type DesktopHandle, type ServerHandle } from './support/stack';
import { checkScreen, expectNoA11yFindings, openSample, signIn, syncNow, workstation } from './support/ui';
import { assignEachParameter, decideInPanel, fillReceiptCheck } from './support/lab-steps';
import { DEMO_KEYSTORE, DEMO_PASSPHRASE } from './support/demo-keystore';
import { PNG_1X1, attachProof, logIn, phone, pick } from './portal/portal';

test.describe.configure({ mode: 'serial' });

type Role = 'admin' | 'cs' | 'ketua' | 'bendahara' | 'penyelia' | 'mt' | 'analis' | 'kepala';
const ACCOUNT: Record<Role, string> = {
  admin: 'admin',
  cs: 'cs1',
  ketua: 'ketuatim',
  bendahara: 'bendahara',
  penyelia: 'penyelia.karet',
  mt: 'mt.karet',
  analis: 'analis.karet1',
  kepala: 'kepala',
};

const stamp = Date.now().toString(36);
/** Long on purpose: the phone's pages must wrap it, not run off the screen. */
const COMPANY = `Koperasi Produsen Bahan Olah Karet Rakyat Sumatera Selatan Uji SOP ${stamp}`;
const EMAIL = `pengendalian.mutu.laboratorium.${stamp}@koperasiprodusenbokarsumsel.co.id`;
const USERNAME = `qc.sop.${stamp}`;
const PASSWORD = 'SopPenuh2026!';
/** Within SIR 20's requirements (kotoran max 0,16 %; abu max 1,00 %). */
const RESULTS = ['0,112', '0,48'];

let server: ServerHandle;
let api: Api;
let customer: Page;
/** Each role's desktop host, started one after the other in the order the SOP needs them (eight at once starve two cores). */
const desks: Partial<Record<Role, Promise<DesktopHandle>>> = {};
const staff: Partial<Record<Role, Page>> = {};
let users: { id: string; username: string; name: string }[] = [];
let orderId = '';
let downloaded = '';

const nameOf = (username: string): string => users.find((u) => u.username === username)!.name;
const order = (): Promise<Order> => api.order(orderId);
const sample = async (): Promise<Sample> => (await order()).samples[0]!;

/** Wait until the server has the order (or its sample) at `status`: the screen's action reached it. */
async function serverAt(status: string, of: 'order' | 'sample' = 'order', timeout = 60_000): Promise<Order> {
  let last: Order | undefined;
  await expect
    .poll(
      async () => {
        last = await order();
        return of === 'order' ? last.status : last.samples[0]!.status;
      },
      { timeout, message: `${of} → ${status}` },
    )
    .toBe(status);
  return last!;
}

/** A screenshot and axe check, named sop-NN-<what> so the files sort in SOP order. */
async function shot(page: Page, step: number, what: string): Promise<void> {
  await page.waitForTimeout(300);
  await checkScreen(page, test.info(), `sop-${String(step).padStart(2, '0')}-${what}`);
}

/** A staff workstation: its own desktop host and browser context, signed in through the login screen. */
async function workstationFor(role: Role): Promise<Page> {
  const existing = staff[role];
  if (existing) return existing;
  const { page } = await workstation(browserRef!);
  staff[role] = page;
  await signIn(page, await desks[role]!, ACCOUNT[role]);
  return page;
}
let browserRef: Browser | undefined;

/** An online worklist's row (front office screens), opened with a click: its panel on the right. */
async function openRow(page: Page, text: string): Promise<void> {
  const row = page.getByRole('row').filter({ hasText: text }).first();
  await expect(async () => {
    // The worklists have "Muat ulang"; the Admin Satker's customer list fetches by itself.
    const reload = page.getByRole('button', { name: /Muat ulang/ });
    if (!(await row.isVisible()) && (await reload.count()) > 0) await reload.first().click();
    await expect(row).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 60_000, intervals: [1_000, 2_000, 5_000] });
  await row.click();
  await expect(page.getByRole('complementary')).toBeVisible();
}

/** The worklist fetched again ("Muat ulang"), then the row opened: its panel shows the order as it is now. */
async function openFreshRow(page: Page, text: string): Promise<void> {
  await page.getByRole('button', { name: /Muat ulang/ }).click();
  await openRow(page, text);
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(300_000);
  browserRef = browser;
  server = await startDemoServer();
  api = new Api(server.url);
  let previous: Promise<unknown> = Promise.resolve();
  for (const role of Object.keys(ACCOUNT) as Role[]) {
    const started = previous.then(() => startDesktop(server.url));
    started.catch(() => undefined);
    desks[role] = started;
    previous = started.catch(() => undefined);
  }
  await desks.admin;
  users = await api.users();
  ({ page: customer } = await phone(browser));
});

test.afterAll(async () => {
  test.setTimeout(120_000);
  for (const p of Object.values(staff)) await p?.context().close();
  await customer?.context().close();
  await Promise.all(Object.values(desks).map(async (d) => (await d?.catch(() => undefined))?.stop()));
  await server?.stop();
});

test('1-3 · the customer opens the portal and registers; the Admin Satker activates the account', async () => {
  test.setTimeout(180_000);
  const p = customer;
  await p.goto(`${server.url}/`);
  await expect(p.getByRole('heading', { name: 'Layanan pengujian laboratorium' })).toBeVisible();
  await shot(p, 1, 'portal-home');

  await p.getByRole('link', { name: 'Pesan pengujian' }).first().click();
  await expect(p).toHaveURL(/\/daftar$/);
  await p.getByLabel(/^Nama perusahaan/).fill(COMPANY);
  await p.getByLabel(/^Nama kontak/).fill('Rahmat Hidayat Saputra');
  await p.getByLabel(/^NPWP/).fill('012345678901000');
  await p
    .getByLabel(/^Alamat/)
    .fill('Jl. Letnan Jenderal Harun Sohar No. 17, Kebun Bunga, Sukarami, Palembang');
  await p.getByLabel(/^Surel/).fill(EMAIL);
  await p.getByLabel(/^Nomor telepon/).fill('+62 812 7300 4455');
  await p.getByLabel(/^Nama pengguna/).fill(USERNAME);
  await p.getByLabel(/^Kata sandi/).fill(PASSWORD);
  await p.getByLabel(/^Ulangi kata sandi/).fill(PASSWORD);
  await shot(p, 2, 'portal-register');
  await p.getByRole('button', { name: 'Daftar', exact: true }).click();
  await expect(p.getByRole('heading', { name: 'Menunggu aktivasi' })).toBeVisible();
  await shot(p, 2, 'portal-register-done');

  const admin = await workstationFor('admin');
  await expect(admin.getByRole('heading', { name: /Aktivasi pelanggan/ })).toBeVisible({ timeout: 30_000 });
  await openRow(admin, COMPANY);
  await shot(admin, 3, 'admin-activate');
  await admin.getByRole('button', { name: /Aktifkan akun/ }).click();
  await expect
    .poll(
      async () =>
        (
          (await api.get('admin', 'customers?status=active&limit=500')).customers as { companyName: string }[]
        ).some((c) => c.companyName === COMPANY),
      {
        timeout: 30_000,
      },
    )
    .toBe(true);
});

test('4 · the customer logs in and orders one sample with two parameters', async () => {
  const p = customer;
  await logIn(p, server.url, USERNAME, PASSWORD);
  await expect(p.getByText('Belum ada pesanan')).toBeVisible();
  await p.getByRole('link', { name: 'Pesan pengujian' }).first().click();
  await expect(p.getByRole('heading', { name: /Tahap 1 dari 4/ })).toBeVisible();
  await pick(p, /^Jenis sampel/, /Karet remah SIR 20/);
  await p.getByLabel(/^Uraian sampel/).fill('Karet remah SIR 20, 3 bandela @ 35 kg, lot SOP-01');
  await p.getByRole('button', { name: 'Lanjut' }).click();
  await expect(p.getByRole('heading', { name: /Tahap 2 dari 4/ })).toBeVisible();
  const group = p.getByRole('group', { name: /Sampel 1: Karet remah SIR 20/ });
  await group.getByRole('checkbox', { name: /Kadar kotoran/ }).check();
  await group.getByRole('checkbox', { name: /Kadar abu/ }).check();
  await shot(p, 4, 'portal-order-parameters');
  await p.getByRole('button', { name: 'Lanjut' }).click();
  await expect(p.getByTestId('order-total')).toHaveText(/^Rp\d{1,3}(\.\d{3})+$/);
  await shot(p, 4, 'portal-order-summary');
  await p.getByRole('button', { name: 'Lanjut' }).click();
  await p.getByRole('button', { name: 'Kirim pesanan' }).click();
  await expect(p).toHaveURL(/\/pesanan\/[0-9a-f-]{36}$/);
  orderId = p.url().split('/').pop()!;
  await expect(p.getByText('Diajukan', { exact: true })).toBeVisible();
  await shot(p, 4, 'portal-order-submitted');
  const o = await serverAt('submitted');
  expect(o.samples).toHaveLength(1);
  expect(o.samples[0]!.analyses).toHaveLength(2);
});

test('5-6 · CS reviews and validates the order; Ketua Tim approves the tariff', async () => {
  test.setTimeout(150_000);
  const cs = await workstationFor('cs');
  await openRow(cs, orderId.slice(0, 8));
  for (const q of ['Kemampuan SDM', 'Kesesuaian metode', 'Kemampuan peralatan'])
    await cs.getByRole('radiogroup', { name: q }).getByRole('radio', { name: 'Bisa', exact: true }).check();
  await shot(cs, 5, 'cs-validate');
  await cs.getByRole('button', { name: /Validasi & beri nomor/ }).click();
  const o = await serverAt('validated');
  expect(o.number).toBeTruthy();

  const ketua = await workstationFor('ketua');
  await openRow(ketua, o.number!);
  await shot(ketua, 6, 'ketua-tariff');
  await ketua.getByRole('button', { name: /Setujui tarif/ }).click();
  await serverAt('tariff_approved');
});

test('7-8 · the customer asks for the e-billing; Bendahara issues it; the customer sees the code', async () => {
  test.setTimeout(150_000);
  const p = customer;
  await p.reload();
  await expect(p.getByRole('heading', { name: 'Periksa parameter dan tarif' })).toBeVisible({
    timeout: 20_000,
  });
  await shot(p, 7, 'portal-tariff');
  await p.getByRole('button', { name: 'Minta e-billing' }).click();
  await p.getByRole('dialog').getByRole('button', { name: 'Minta e-billing' }).click();
  await expect(p.getByText('E-billing diminta', { exact: true }).first()).toBeVisible();
  const o = await serverAt('billing_requested');

  const bendahara = await workstationFor('bendahara');
  await openRow(bendahara, o.number!);
  await shot(bendahara, 8, 'bendahara-billing');
  await bendahara.getByRole('button', { name: /Terbitkan e-billing/ }).click();
  const billed = await serverAt('awaiting_payment');

  await p.reload();
  await expect(p.getByRole('heading', { name: 'Bayar e-billing' })).toBeVisible({ timeout: 20_000 });
  await p.getByRole('link', { name: 'Lihat kode billing' }).click();
  await expect(p.getByTestId('billing-code')).toHaveText(
    billed.billings[0]!.code.replace(/(\d{3})(?=\d)/g, '$1 '),
  );
  await expect(p.getByText('Belum dibayar')).toBeVisible();
  await shot(p, 8, 'portal-billing');
});

test('9-10 · the customer uploads a proof of payment; Bendahara approves it', async () => {
  test.setTimeout(150_000);
  const p = customer;
  await p.goto(`${server.url}/pesanan/${orderId}`);
  await attachProof(p, { name: 'bukti-setor.png', mimeType: 'image/png', buffer: PNG_1X1 });
  await p.getByRole('button', { name: 'Unggah bukti bayar' }).click();
  await expect(p.getByText('Bukti bayar sedang diperiksa Bendahara.')).toBeVisible();
  await shot(p, 9, 'portal-proof-uploaded');
  const o = await serverAt('payment_submitted');

  const bendahara = staff.bendahara!;
  await openFreshRow(bendahara, o.number!);
  // The proof the customer uploaded (a photo here) is shown beside the decision.
  await expect(bendahara.getByRole('img', { name: 'Bukti bayar' })).toBeVisible({ timeout: 30_000 });
  await shot(bendahara, 10, 'bendahara-proof');
  await bendahara.getByRole('button', { name: /Setujui pembayaran/ }).click();
  await serverAt('paid');
});

test('11 · CS registers the sample to the Karet lab with its Penyelia and MT', async () => {
  const cs = staff.cs!;
  const o = await order();
  await openFreshRow(cs, o.number!);
  const panel = cs.getByRole('complementary');
  await expect(panel.getByRole('textbox', { name: 'Laboratorium' })).toHaveValue(/KRT/, { timeout: 30_000 });
  await panel.getByRole('textbox', { name: 'Penyelia' }).click();
  await cs.getByRole('option', { name: nameOf('penyelia.karet'), exact: true }).click();
  await panel.getByRole('textbox', { name: /MT \(Manajer Teknis\)/ }).click();
  await cs.getByRole('option', { name: nameOf('mt.karet'), exact: true }).click();
  await shot(cs, 11, 'cs-register');
  await cs.getByRole('button', { name: /Registrasi sampel/ }).click();
  const s = (await serverAt('registered', 'sample')).samples[0]!;
  expect(s.number).toBeTruthy();
});

test('12-13 · Penyelia checks the sample and assigns the analyst; MT validates the assignment', async () => {
  test.setTimeout(240_000);
  const number = (await sample()).number!;
  const penyelia = await workstationFor('penyelia');
  const receipt = await fillReceiptCheck(penyelia, number);
  await shot(penyelia, 12, 'penyelia-receipt');
  await receipt.getByRole('button', { name: /^Terima/ }).click();

  const parameters = (await sample()).analyses.map((a) => a.parameterName);
  const assign = await assignEachParameter(penyelia, parameters, nameOf('analis.karet1'));
  await shot(penyelia, 12, 'penyelia-assign');
  await assign.getByRole('button', { name: /^Kirim ke MT/ }).click();
  await serverAt('assigned', 'sample');

  const mt = await workstationFor('mt');
  await decideInPanel(mt, number, 'Validasi penugasan', /^Validasi/, () => shot(mt, 13, 'mt-assignment'));
  await serverAt('in_testing', 'sample');
});

test('14-16 · Analis enters the results; Penyelia verifies; MT validates', async () => {
  test.setTimeout(240_000);
  const number = (await sample()).number!;
  const analis = await workstationFor('analis');
  await openSample(analis, number);
  const grid = analis.getByRole('table', { name: /Tabel hasil uji/ });
  await expect(grid).toBeVisible({ timeout: 30_000 });
  const analyses = (await sample()).analyses;
  const kotoran = analyses.findIndex((a) => /kotoran/i.test(a.parameterName));
  const values = analyses.map((_, i) => (i === kotoran ? RESULTS[0]! : RESULTS[1]!));
  await grid.getByRole('textbox', { name: `Hasil ${analyses[0]!.parameterName}`, exact: true }).click();
  for (const v of values) {
    await analis.keyboard.type(v);
    await analis.keyboard.press('Enter');
  }
  await expect(grid.getByText(/^tersimpan/)).toHaveCount(analyses.length, { timeout: 30_000 });
  await shot(analis, 14, 'analis-results');
  await analis.getByRole('button', { name: /^Kirim hasil/ }).click();
  const confirm = analis.getByRole('dialog', { name: 'Kirim hasil ke Penyelia?' });
  await confirm.getByRole('button', { name: /^Kirim hasil/ }).click();
  await expect(confirm).toBeHidden({ timeout: 30_000 });
  await expect
    .poll(async () => (await sample()).analyses.map((a) => a.status), { timeout: 60_000 })
    .toEqual(analyses.map(() => 'submitted'));

  const penyelia = staff.penyelia!;
  await syncNow(penyelia);
  await decideInPanel(penyelia, number, 'Verifikasi hasil', /^Verifikasi/, async (verify) => {
    await expect(verify.getByText(values[0]!)).toBeVisible();
    await shot(penyelia, 15, 'penyelia-verify');
  });
  await serverAt('results_verified', 'sample');

  const mt = staff.mt!;
  await syncNow(mt);
  await decideInPanel(mt, number, 'Validasi hasil', /^Validasi/, () => shot(mt, 16, 'mt-validate'));
  await serverAt('results_validated', 'sample');
});

test('17-18 · Ketua Tim numbers the LHU; CS previews the draft and asks the Kepala Balai for the TTE', async () => {
  test.setTimeout(180_000);
  const number = (await sample()).number!;
  const ketua = staff.ketua!;
  await openFreshRow(ketua, number);
  await shot(ketua, 17, 'ketua-number');
  await ketua.getByRole('button', { name: /Beri No\. LHU/ }).click();
  await serverAt('report_numbered', 'sample');

  const cs = staff.cs!;
  await openFreshRow(cs, number);
  await expect(cs.getByRole('document', { name: 'Pratinjau E-LHU (DRAFT)' })).toBeVisible({
    timeout: 60_000,
  });
  await expect(cs.getByRole('img', { name: /Halaman 1 dari/ })).toBeVisible({ timeout: 30_000 });
  const kepala = cs.getByRole('complementary').getByRole('textbox', { name: 'Kepala Balai penanda tangan' });
  if ((await kepala.inputValue()) === '') {
    await kepala.click();
    await cs.getByRole('option', { name: nameOf('kepala'), exact: true }).click();
  }
  await expect(kepala).toHaveValue(nameOf('kepala'));
  await shot(cs, 18, 'cs-signature-request');
  await cs.getByRole('button', { name: /Buat E-LHU & minta TTE/ }).click();
  await serverAt('awaiting_signature', 'sample');
});

test('19 · the Kepala Balai imports the demo keystore and signs the E-LHU with the passphrase', async () => {
  test.setTimeout(240_000);
  const report = (await sample()).reports.find((r) => r.status !== 'superseded')!;
  const p = await workstationFor('kepala');
  await expect(p).toHaveURL(/#\/tte/);
  const pickIt = p.getByRole('checkbox', { name: `Pilih LHU ${report.number}` });
  await expect(async () => {
    if (!(await pickIt.isVisible())) await syncNow(p);
    await expect(pickIt).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 90_000, intervals: [1_000, 3_000, 5_000] });
  const row = p
    .getByRole('grid', { name: 'Antrean LHU menunggu tanda tangan' })
    .getByRole('row')
    .filter({ hasText: report.number! });
  await expect(row.getByLabel('belum diunduh; hubungkan sekali')).toHaveCount(0, { timeout: 60_000 });
  await row.click();
  await expect(p.getByText(/Halaman 1 dari \d+/)).toBeVisible({ timeout: 30_000 });
  await shot(p, 19, 'kepala-queue');

  await pickIt.check();
  await p.getByRole('button', { name: /^Tandatangani \(1\)/ }).click();
  const dialog = p.getByRole('dialog', { name: 'Tandatangani 1 LHU' });
  await expect(
    dialog.getByText('Impor sertifikat TTE').or(dialog.getByText(/Belum ada sertifikat TTE/)),
  ).toBeVisible({ timeout: 30_000 });
  await dialog.locator('input[type="file"]').setInputFiles(DEMO_KEYSTORE);
  await dialog.getByLabel('Passphrase keystore').fill(DEMO_PASSPHRASE);
  await dialog.getByRole('button', { name: 'Impor sertifikat' }).click();
  const passphrase = dialog.getByRole('textbox', { name: 'Passphrase', exact: true });
  await expect(passphrase).toBeVisible({ timeout: 30_000 });
  await passphrase.fill(DEMO_PASSPHRASE);
  await shot(p, 19, 'kepala-passphrase');
  await dialog.getByRole('button', { name: /^Tandatangani 1 LHU/ }).click();
  const summary = p.getByRole('dialog', { name: 'Selesai' });
  await expect(summary.getByText('1 LHU ditandatangani')).toBeVisible({ timeout: 90_000 });
  await summary.getByRole('button', { name: 'Tutup' }).filter({ hasText: 'Tutup' }).click();
  await serverAt('signed', 'sample', 90_000);
});

test('20 · CS checks the signed E-LHU and releases it to the customer', async () => {
  test.setTimeout(120_000);
  const number = (await sample()).number!;
  const cs = staff.cs!;
  await openFreshRow(cs, number);
  await expect(cs.getByRole('document', { name: /E-LHU .* bertanda tangan/ })).toBeVisible({
    timeout: 30_000,
  });
  await shot(cs, 20, 'cs-release');
  await cs.getByRole('button', { name: /Kirim ke pelanggan/ }).click();
  await cs
    .getByRole('dialog', { name: 'Kirim E-LHU ke pelanggan?' })
    .getByRole('button', { name: 'Kirim ke pelanggan' })
    .click();
  await serverAt('released', 'sample');
});

test('21-22 · the customer fills in the survey, downloads the signed E-LHU and finishes the order', async () => {
  test.setTimeout(120_000);
  const p = customer;
  await p.goto(`${server.url}/pesanan/${orderId}`);
  await expect(p.getByRole('heading', { name: 'Isi survei kepuasan' })).toBeVisible({ timeout: 20_000 });
  await expect(p.getByRole('button', { name: /Unduh LHU/ }).first()).toBeDisabled();
  await shot(p, 21, 'portal-survey-waiting');
  await p.getByRole('link', { name: 'Isi survei' }).click();
  const groups = p.getByRole('main').getByRole('radiogroup');
  await expect(groups).toHaveCount(9);
  for (let i = 0; i < 9; i++)
    await groups
      .nth(i)
      .getByRole('radio', { name: i === 4 ? /Baik$/ : /Sangat baik/ })
      .check();
  await shot(p, 21, 'portal-survey');
  await p.getByRole('button', { name: 'Kirim survei' }).click();
  await expect(p.getByRole('heading', { name: 'Unduh E-LHU' })).toBeVisible();
  expect((await order()).survey).toBeTruthy();

  const [download] = await Promise.all([
    p.waitForEvent('download'),
    p
      .getByRole('button', { name: /Unduh LHU/ })
      .first()
      .click(),
  ]);
  downloaded = await download.path();
  expect(download.suggestedFilename()).toMatch(/^E-LHU_.*\.pdf$/);
  await shot(p, 22, 'portal-download');
  await p.getByRole('button', { name: 'Order selesai' }).click();
  await p.getByRole('dialog').getByRole('button', { name: 'Order selesai' }).click();
  await expect(p.getByRole('heading', { name: 'Pesanan selesai' })).toBeVisible();
  await shot(p, 22, 'portal-finished');
  await serverAt('finished');
});

test('the downloaded E-LHU carries a valid signature (pdfsig)', () => {
  const sig = spawnSync('pdfsig', [downloaded], { encoding: 'utf8' });
  expect(sig.status, sig.stderr).toBe(0);
  expect(sig.stdout).toMatch(/Signature Validation: Signature is Valid\./);
  expect(sig.stdout).toMatch(/Total document signed/);
});

test('the profile fits the phone with a long company name, address and e-mail', async () => {
  const p = customer;
  await p.goto(`${server.url}/profil`);
  await expect(p.getByText(EMAIL)).toBeVisible();
  await shot(p, 22, 'portal-profile-long-names');
  expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // Every value stays inside its card.
  const outside = await p.evaluate(
    () =>
      [...document.querySelectorAll('.portal-row-value')].filter((v) => {
        const card = v.closest('.mantine-Card-root')!.getBoundingClientRect();
        const box = v.getBoundingClientRect();
        return box.right > card.right || box.left < card.left;
      }).length,
  );
  expect(outside).toBe(0);
});

test('no serious or critical accessibility violation on any screen of the SOP', () => {
  expectNoA11yFindings();
});
