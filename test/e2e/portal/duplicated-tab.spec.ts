/**
 * End to end on a phone: a duplicated portal tab. The duplicate starts with a copy of the first
 * tab's sessionStorage, so both hold the same single-use refresh token, and the server revokes the
 * session when a spent token comes back (reuse detection). The tabs coordinate
 * (renderer/portal/api/tab-sessions.ts): one refresh at a time, the new pair handed over, a tab
 * holding a spent token asks the one that spent it. Checked here:
 *
 *   - the duplicate and the first tab both stay signed in through reloads, one after the other and
 *     at the same moment;
 *   - a tab reopened from a stale copy of the storage (a discarded tab restored) gets the live pair
 *     instead of replaying the spent token;
 *   - logging out in one tab ends the others;
 *   - the same steps in a browser without the coordination (no BroadcastChannel, no Web Locks)
 *     still log both tabs out: the scenario does reproduce what customers met.
 */
import { test, expect, type BrowserContext, type Page } from '@playwright/test';
import { startDemoServer, type ServerHandle } from '../support/stack';
import { expectNoA11yFindings } from '../support/ui';
import { logIn, logOut, phone, screen } from './portal';

test.describe.configure({ mode: 'serial' });

const REFRESH_KEY = 'sippt.portal.refresh';
let server: ServerHandle;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startDemoServer();
});

test.afterAll(async () => {
  await server?.stop();
});

/** The browser's "duplicate tab": a window opened by the page, which starts with a copy of its sessionStorage. */
async function duplicate(page: Page): Promise<Page> {
  const [dup] = await Promise.all([
    page.context().waitForEvent('page'),
    page.evaluate(() => void window.open(location.href, '_blank')),
  ]);
  await dup.waitForLoadState();
  return dup;
}

const stored = (page: Page): Promise<string | null> =>
  page.evaluate((k) => sessionStorage.getItem(k), REFRESH_KEY);

async function signedIn(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Pesanan saya' })).toBeVisible({ timeout: 20_000 });
  await expect(page).toHaveURL(/\/pesanan$/);
}

async function signedOut(page: Page): Promise<void> {
  await expect(page).toHaveURL(/\/masuk\?next=/, { timeout: 20_000 });
}

/** A new tab whose sessionStorage is a given copy (what a restored, discarded tab starts with). */
async function tabFromCopy(context: BrowserContext, refresh: string, url: string): Promise<Page> {
  const page = await context.newPage();
  // Only on the first load: a reload keeps what the page stored since.
  await page.addInitScript(
    ([k, v]) => {
      if (!sessionStorage.getItem('e2e.copied')) {
        sessionStorage.setItem(k, v);
        sessionStorage.setItem('e2e.copied', '1');
      }
    },
    [REFRESH_KEY, refresh] as const,
  );
  await page.goto(url);
  return page;
}

test('both tabs stay signed in: reloads one after the other and at once, a stale copy, log out ends both', async ({
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const { context, page: first } = await phone(browser);
  try {
    await logIn(first, server.url, 'pelanggan');
    const original = (await stored(first))!;
    expect(original).toBeTruthy();

    const second = await duplicate(first);
    // The duplicate has the first tab's token, spends it on load, and the first tab takes the new pair.
    await signedIn(second);
    await screen(second, testInfo, 'duplicated-tab');
    await expect.poll(() => stored(first)).not.toBe(original);
    expect(await stored(first)).toBe(await stored(second));

    await first.reload();
    await signedIn(first);
    await second.reload();
    await signedIn(second);
    // At the same moment: one refreshes, the other takes its pair.
    await Promise.all([first.reload(), second.reload()]);
    await signedIn(first);
    await signedIn(second);

    // A tab restored with the very first (long spent) token asks the others instead of replaying it.
    const third = await tabFromCopy(context, original, `${server.url}/pesanan`);
    await signedIn(third);
    await first.reload();
    await signedIn(first);
    await second.reload();
    await signedIn(second);

    // Log out in one tab: the tabs of that session end too (no reload needed).
    await second.goto(`${server.url}/pesanan`);
    await signedIn(second);
    await logOut(first);
    await signedOut(second);
    await third.reload();
    await signedOut(third);
  } finally {
    await context.close();
  }
  expectNoA11yFindings();
});

test('without the coordination the same steps log both tabs out (the scenario reproduces the bug)', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const { context, page: first } = await phone(browser);
  await context.addInitScript(() => {
    Object.defineProperty(window, 'BroadcastChannel', { value: undefined, configurable: true });
    Object.defineProperty(navigator, 'locks', { value: undefined, configurable: true });
  });
  try {
    await logIn(first, server.url, 'pelanggan');
    const second = await duplicate(first);
    await signedIn(second);
    await first.reload();
    await signedOut(first);
    // The server revoked the whole session: the duplicate is out at its next refresh.
    await second.reload();
    await signedOut(second);
  } finally {
    await context.close();
  }
});
