/**
 * The signing dialog when the Kepala Balai signs with a PKCS#11 token (settings: signing.source
 * 'token'; SoftHSM2 here): it asks for the "PIN token" instead of a passphrase, asks for no key
 * file, names the token, and shows the token's own refusal of a wrong PIN in plain words with the
 * field cleared for another try. Then the right PIN signs the report.
 */
import { test, expect } from '@playwright/test';
import { Bridge } from '../support/clients';
import { Stage } from '../support/stage';
import type { DesktopHandle } from '../support/stack';
import { checkScreen, expectNoA11yFindings, syncNow } from '../support/ui';
import { DEMO_KEYSTORE, DEMO_PASSPHRASE } from '../support/demo-keystore';
import {
  TOKEN_LABEL,
  USER_PIN,
  makeSoftHsmToken,
  softhsmAvailable,
  type SoftHsmToken,
} from '../../integration/signing/support/softhsm';

const stage = new Stage();
let desk: DesktopHandle;
let token: SoftHsmToken;

test.describe.configure({ mode: 'serial' });
test.skip(softhsmAvailable() !== null, `SoftHSM2: ${softhsmAvailable()} (apt-get install -y softhsm2)`);

test.beforeAll(async () => {
  test.setTimeout(180_000);
  // Sets SOFTHSM2_CONF in this process; the desktop host started next inherits it.
  token = makeSoftHsmToken({ p12Path: DEMO_KEYSTORE, p12Passphrase: DEMO_PASSPHRASE });
  await stage.start();
  desk = await stage.desktop();
});
test.afterAll(async () => {
  await stage.stop();
  token?.cleanup();
});

test('with a token the dialog asks for the PIN token, refuses a wrong PIN in plain words, and signs with the right one', async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const p = await stage.signedIn(browser, desk, 'kepala');
  // The Kepala Balai's choice, made once in the settings.
  await new Bridge(desk).value('settings.update', {
    signing: { source: 'token', modulePath: token.modulePath, tokenLabel: TOKEN_LABEL },
  });
  await expect(p).toHaveURL(/#\/tte/);
  const pick = p.getByRole('checkbox', { name: /^Pilih LHU / }).first();
  await expect(async () => {
    if (!(await pick.isVisible())) await syncNow(p);
    await expect(pick).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 90_000, intervals: [1_000, 3_000, 5_000] });
  await expect(p.getByLabel('belum diunduh; hubungkan sekali')).toHaveCount(0, { timeout: 60_000 });
  await pick.check();
  await p.getByRole('button', { name: /^Tandatangani \(1\)/ }).click();
  const dialog = p.getByRole('dialog', { name: 'Tandatangani 1 LHU' });
  await expect(dialog).toBeVisible();

  // No key file asked for: the token, and its PIN.
  const pin = dialog.getByRole('textbox', { name: 'PIN token', exact: true });
  await expect(pin).toBeVisible({ timeout: 30_000 });
  await expect(dialog.getByText('Impor sertifikat TTE')).toHaveCount(0);
  await expect(dialog.getByRole('textbox', { name: 'Passphrase', exact: true })).toHaveCount(0);
  await expect(dialog.getByText('Token TTE', { exact: true })).toBeVisible();
  await expect(dialog.getByText(TOKEN_LABEL, { exact: true })).toBeVisible();
  await expect(dialog.getByText(/kunci privat tidak pernah keluar dari token/)).toBeVisible();
  await checkScreen(p, testInfo, 'token-signing-01-pin');

  // A wrong PIN: the token's refusal, in plain words, under the field; the field is empty again.
  await pin.fill('0000');
  await dialog.getByRole('button', { name: /^Tandatangani 1 LHU/ }).click();
  await expect(dialog.getByText(/PIN token salah/)).toBeVisible({ timeout: 60_000 });
  await expect(pin).toHaveValue('');
  await expect(pin).toBeFocused();
  await checkScreen(p, testInfo, 'token-signing-02-pin-salah');

  // The right PIN signs.
  await pin.fill(USER_PIN);
  await dialog.getByRole('button', { name: /^Tandatangani 1 LHU/ }).click();
  // The dialog's title becomes the summary's once signing ends.
  await expect(p.getByRole('dialog').getByText(/1 LHU ditandatangani/)).toBeVisible({ timeout: 120_000 });
  await checkScreen(p, testInfo, 'token-signing-03-selesai');
});

test('axe-core: no serious or critical violation on the token signing screens', () => {
  expectNoA11yFindings();
});
