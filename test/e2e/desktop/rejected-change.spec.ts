/**
 * End to end: a rejected change (issue 8, "A rejected change"; UI.md, "A rejected change is a red
 * banner under the top bar until it is resolved"). The Penyelia's workstation reaches the server
 * through a relay the test can cut (its network cable), so the server and the other roles stay up.
 *
 * Offline, the Penyelia assigns analysts on two received samples. Meanwhile, on the server, the
 * assignment of each sample is made from another workstation and returned by the MT with a reason.
 * When the Penyelia's desktop is back online and syncs, both offline changes are refused: the red
 * banner and the sync panel show each with the MT's return and its reason, and say that redo can
 * work. *Ulangi* sends the Penyelia's assignment again on the current state (the server then has
 * it); *Abaikan* drops the other (the server keeps the MT's return), and the banner goes away.
 */
import { test, expect, type Page } from '@playwright/test';
import type { Order, Sample } from '../../../shared/domain/entities';
import { demoOrder } from '../support/clients';
import { serialStage } from '../support/stage';
import type { DesktopHandle, ProxyHandle } from '../support/stack';
import { checkScreen, expectNoA11yFindings, inSyncPanel, pill, signIn, syncNow } from '../support/ui';
import { assignAllToOneAndSend } from '../support/lab-steps';

/** Two samples of the Karet lab received at step 12, analysts still to assign (demo data). */
const FIRST = demoOrder('krt-12d');
const SECOND = demoOrder('krt-12e');
const MT_REASON = 'PRI dan plastisitas harus satu analis (alat plastimeter sama); mohon tugaskan ulang.';

const stage = serialStage();
let relay: ProxyHandle;
let desk: DesktopHandle;
let page: Page;
let users: { id: string; username: string; name: string }[] = [];
const numbers: Record<string, string> = {};

const sampleOf = async (ref: { orderId: string; sampleId: string }): Promise<Sample> =>
  (await stage.api.order(ref.orderId)).samples.find((s: Order['samples'][number]) => s.id === ref.sampleId)!;
const userId = (username: string) => users.find((u) => u.username === username)!.id;
const userName = (username: string) => users.find((u) => u.username === username)!.name;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  await stage.start();
  relay = await stage.relay();
  desk = await stage.desktop(relay.url);
  users = await stage.api.users();
  for (const ref of [FIRST, SECOND]) {
    const s = await sampleOf(ref);
    expect(s.status).toBe('received');
    numbers[ref.sampleId] = s.number!;
  }
  page = await stage.workstation(browser);
});

/** The Penyelia's assignment through the screen: the same analyst for all, then Kirim ke MT. */
async function assignOnScreen(ref: { sampleId: string }, analyst: string) {
  await assignAllToOneAndSend(page, numbers[ref.sampleId]!, userName(analyst));
  // Done here: the sample waits for the MT (step 13), and the change waits to be sent.
  await expect(page.getByText(/perubahan Anda pada order ini belum terkirim/)).toBeVisible();
}

/** Another workstation assigns the sample, and the MT returns the assignment with a reason. */
async function assignedAndReturnedElsewhere(ref: { orderId: string; sampleId: string }) {
  const s = await sampleOf(ref);
  const assignments = s.analyses.map((a) => ({ analysisId: a.id, analystId: userId('analis.karet2') }));
  await stage.api.post('penyelia.karet', `orders/${ref.orderId}/samples/${ref.sampleId}/assign`, {
    assignments,
  });
  await stage.api.post('mt.karet', `orders/${ref.orderId}/samples/${ref.sampleId}/assignment/return`, {
    reason: MT_REASON,
  });
  expect((await sampleOf(ref)).status).toBe('received');
}

test('offline, the Penyelia assigns; meanwhile the MT returns the assignment on the server', async () => {
  test.setTimeout(240_000);
  await signIn(page, desk, 'penyelia.karet');
  await expect(pill(page)).toHaveAccessibleName(/^Daring · Semua terkirim · sinkron/, { timeout: 90_000 });

  await relay.cut();
  await assignOnScreen(FIRST, 'analis.karet1');
  await assignOnScreen(SECOND, 'analis.karet1');
  await expect(pill(page)).toHaveAccessibleName(/^Luring · 2 perubahan menunggu/, { timeout: 90_000 });

  for (const ref of [FIRST, SECOND]) await assignedAndReturnedElsewhere(ref);
});

test('back online: the red banner and the sync panel show the rejected changes with the reason', async () => {
  test.setTimeout(240_000);
  const testInfo = test.info();
  await relay.restore();
  const banner = page.getByRole('alert').filter({ hasText: /perubahan ditolak server/i });
  await expect(async () => {
    if (!(await banner.isVisible())) await syncNow(page);
    await expect(banner).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 150_000, intervals: [2_000, 5_000, 10_000] });

  await expect(banner).toContainText(/2 perubahan ditolak server/i);
  // What was refused, who changed it first and why (the MT's reason), and that redo can work.
  await expect(banner).toContainText(
    `Dikembalikan oleh Manajer Teknis (MT) (${userName('mt.karet')}): ${MT_REASON}`,
  );
  await expect(banner).toContainText(/Alasan: Data sudah berubah sejak Anda membukanya/);
  await expect(banner).toContainText('Ulangi dapat berhasil pada keadaan sekarang.');
  await expect(banner.getByRole('button', { name: 'Ulangi' })).toBeEnabled();
  await expect(banner.getByRole('button', { name: 'Abaikan' })).toBeEnabled();
  await expect(pill(page)).toHaveAccessibleName(/^Daring .*2 ditolak/, { timeout: 60_000 });
  await checkScreen(page, testInfo, 'rejected-01-banner');

  await inSyncPanel(page, async (panel) => {
    await expect(panel.getByText(MT_REASON)).toHaveCount(2);
    await expect(panel.getByRole('button', { name: 'Ulangi' })).toHaveCount(2);
    await checkScreen(page, testInfo, 'rejected-02-panel-sinkron');
  });

  // Both samples are as the server has them: received, returned by the MT.
  for (const ref of [FIRST, SECOND]) expect((await sampleOf(ref)).status).toBe('received');
});

test('Ulangi sends the change again on the current state; Abaikan drops the other', async () => {
  test.setTimeout(240_000);
  const testInfo = test.info();
  const banner = page.getByRole('alert').filter({ hasText: /perubahan ditolak server/i });

  // Ulangi on the banner (the oldest rejection first).
  await banner.getByRole('button', { name: 'Ulangi' }).click();
  await expect(page.getByText('Perubahan diulang dan dikirim lagi.')).toBeVisible({ timeout: 30_000 });
  await expect(banner).not.toContainText(/2 perubahan ditolak/i);

  // One of the two is now assigned on the server, with the Penyelia's own picks.
  let redone: { orderId: string; sampleId: string } | null = null;
  await expect(async () => {
    for (const ref of [FIRST, SECOND]) {
      const s = await sampleOf(ref);
      if (s.status === 'assigned') {
        expect(s.analyses.every((a) => a.analystId === userId('analis.karet1'))).toBe(true);
        redone = ref;
      }
    }
    expect(redone).not.toBeNull();
  }).toPass({ timeout: 60_000 });
  const other = redone === FIRST ? SECOND : FIRST;

  // Abaikan in the sync panel for the other.
  await inSyncPanel(page, async (panel) => {
    await expect(panel.getByRole('button', { name: 'Abaikan' })).toHaveCount(1, { timeout: 30_000 });
    await panel.getByRole('button', { name: 'Abaikan' }).click();
    await expect(page.getByText('Perubahan diabaikan.')).toBeVisible({ timeout: 30_000 });
    await expect(panel.getByText('Tidak ada yang ditolak.')).toBeVisible({ timeout: 30_000 });
  });

  // Resolved: no banner, nothing waiting; the server keeps the MT's return on the dismissed one.
  await expect(page.getByRole('alert').filter({ hasText: /ditolak server/i })).toHaveCount(0, {
    timeout: 30_000,
  });
  await expect(pill(page)).toHaveAccessibleName(/^Daring · Semua terkirim/, { timeout: 60_000 });
  await expect(pill(page)).not.toHaveAccessibleName(/ditolak/);
  const kept = await sampleOf(other);
  expect(kept.status).toBe('received');
  expect(kept.analyses.every((a) => a.analystId === userId('analis.karet2'))).toBe(true);
  await checkScreen(page, testInfo, 'rejected-03-resolved');
});

test('axe-core: no serious or critical violation on the rejected-change screens', () => {
  expectNoA11yFindings();
});
