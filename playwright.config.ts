import { defineConfig } from '@playwright/test';

// Debian's Chromium (no browser download is possible here), with the flags DESIGN.md gives for a
// closed network. One worker: the machine has two cores and each test starts its own kiosk.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 90_000,
  // CI runs these right after the Vitest suites on two cores: give a slow paint room, not a flake.
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: {
    viewport: { width: 1280, height: 1024 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
