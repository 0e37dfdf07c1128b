// Browser tests: Debian's Chromium on a phone viewport, in Chinese, against the worker that
// scripts/with-worker.sh starts (BASE_URL) with the demo district loaded.
import { defineConfig, devices } from '@playwright/test';

const baseURL = process.env.BASE_URL;
if (!baseURL) {
  throw new Error('BASE_URL is not set: run the browser tests with `make test` (scripts/with-worker.sh).');
}

export default defineConfig({
  testDir: './tests',
  // One worker: the machine has two cores and the local runtime shares them.
  workers: 1,
  fullyParallel: false,
  // One more try for a journey that fails once (a loaded machine can starve a step of its time); the
  // runner reports it as "flaky" and `make test` names it at the end, so it is seen and fixed, not hidden.
  retries: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: './test-results',
  use: {
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // A small Android phone: 360 px wide, touch, mobile user agent.
    ...devices['Galaxy S9+'],
    viewport: { width: 360, height: 740 },
    browserName: 'chromium',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
