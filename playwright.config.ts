import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

// Debian's Chromium on the build machines; Playwright's own browser where it is installed.
const debianChromium = '/usr/bin/chromium';
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync(debianChromium) ? debianChromium : undefined);

export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/support/global-setup.ts',
  // Screenshots of every screen are kept as artifacts of the run.
  outputDir: `${process.env.SIPPT_E2E_OUT ?? 'test-results'}/e2e`,
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  use: {
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
  },
});
