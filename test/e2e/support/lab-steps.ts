/**
 * The lab's steps on the desktop's sample screen, as several specs walk them: the Penyelia's step 12
 * (the receipt check, Pemeriksaan contoh, of a sample that arrived in order, and the assignment of
 * analysts, Penugasan, per parameter or the same analyst for all), the Analis typing the result
 * column, and a decision taken in a sample's work panel (validate, verify).
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { openSample } from './ui';

/** A user's name as a literal inside a RegExp (names may hold dots and brackets). */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Pick an analyst in the open list: the option's name starts with the analyst's name. */
export async function pickAnalyst(page: Page, analystName: string): Promise<void> {
  await page.getByRole('option', { name: new RegExp(`^${escapeRegExp(analystName)}`) }).click();
}

/** The sample opened on `page`, and its work panel named `region` once it shows. */
export async function openSamplePanel(page: Page, sampleNumber: string, region: string): Promise<Locator> {
  await openSample(page, sampleNumber);
  const panel = page.getByRole('region', { name: region });
  await expect(panel).toBeVisible({ timeout: 30_000 });
  return panel;
}

/**
 * A decision in the sample's work panel (Validasi penugasan, Verifikasi hasil, Validasi hasil): the
 * panel opened, `look` at it (the spec's checks and screenshot), then `button` pressed.
 */
export async function decideInPanel(
  page: Page,
  sampleNumber: string,
  region: string,
  button: RegExp,
  look: (panel: Locator) => Promise<void>,
): Promise<void> {
  const panel = await openSamplePanel(page, sampleNumber, region);
  await look(panel);
  await panel.getByRole('button', { name: button }).click();
}

/**
 * Open the sample and fill its receipt check as for a sample that arrived whole: enough, in good
 * condition, container good, seal intact. Returns the form, for the spec to look at and accept ("Terima").
 */
export async function fillReceiptCheck(page: Page, sampleNumber: string): Promise<Locator> {
  const receipt = await openSamplePanel(page, sampleNumber, 'Pemeriksaan contoh');
  const answers: [group: string, answer: string][] = [
    ['Jumlah', 'Cukup'],
    ['Kondisi', 'Baik'],
    ['Wadah', 'Baik'],
    ['Segel', 'Utuh'],
  ];
  for (const [group, answer] of answers)
    await receipt
      .getByRole('radiogroup', { name: group })
      .getByRole('radio', { name: answer, exact: true })
      .check();
  await receipt.getByLabel('Kondisi penyimpanan').fill('Suhu ruang');
  // The field suggests stored conditions: its list closes when the next field takes the focus.
  await receipt.getByLabel('Catatan').fill('Tiga bandela utuh, label pelanggan terbaca.');
  return receipt;
}

/**
 * Once the receipt is accepted: one analyst picked in each parameter's own field. Returns the
 * assignment panel, for the spec to look at and send ("Kirim ke MT").
 */
export async function assignEachParameter(
  page: Page,
  parameterNames: readonly string[],
  analystName: string,
): Promise<Locator> {
  const assign = page.getByRole('region', { name: 'Penugasan analis' });
  await expect(assign).toBeVisible({ timeout: 30_000 });
  for (const parameter of parameterNames) {
    await assign.getByRole('textbox', { name: `Analis untuk ${parameter}`, exact: true }).click();
    await pickAnalyst(page, analystName);
  }
  return assign;
}

/**
 * A received sample assigned whole to one analyst ("Analis yang sama untuk semua", "Terapkan ke
 * semua") and sent to the MT: the screen moves on to step 13 (the MT's validation).
 */
export async function assignAllToOneAndSend(
  page: Page,
  sampleNumber: string,
  analystName: string,
): Promise<void> {
  const panel = await openSamplePanel(page, sampleNumber, 'Penugasan analis');
  await panel.getByRole('textbox', { name: 'Analis yang sama untuk semua', exact: true }).click();
  await pickAnalyst(page, analystName);
  await panel.getByRole('button', { name: 'Terapkan ke semua' }).click();
  await panel.getByRole('button', { name: /^Kirim ke MT/ }).click();
  await expect(page.getByText('13 · Validasi penugasan')).toBeVisible({ timeout: 30_000 });
}

/**
 * The Analis types `values` down the result column of `grid`, one per analysis from the first: each
 * cell has the focus as its value is typed, and Enter moves down. `asTyped(i)` runs before that
 * Enter (a check on what the screen shows while the value is typed, not yet saved).
 */
export async function typeResultColumn(
  page: Page,
  grid: Locator,
  analyses: readonly { parameterName: string }[],
  values: readonly string[],
  asTyped: (i: number) => Promise<void> = async () => {},
): Promise<void> {
  const cell = (i: number) =>
    grid.getByRole('textbox', { name: `Hasil ${analyses[i]!.parameterName}`, exact: true });
  await cell(0).click();
  for (let i = 0; i < analyses.length; i++) {
    await expect(cell(i)).toBeFocused();
    await page.keyboard.type(values[i]!);
    await asTyped(i);
    await page.keyboard.press('Enter');
  }
}
