// How long a signed-in resident waits for her home screen, on a phone's network and CPU, cold (nothing
// cached) and warm (the service worker's cache): bytes transferred, first paint, her last notices shown by
// the frame (warm), and the newest notice visible and tappable in the app. Also whether the browser finds
// the app installable, on the home and sign-in pages. Prints figures; asserts nothing.
//
// Run against a local worker with the demo district (make bench does):
//   scripts/with-worker.sh --load api-worker/seed/demo.sql -- node scripts/bench_load.mjs
// Emulation through the Chrome DevTools Protocol: latency and throughput (Network.emulateNetworkConditions)
// and the CPU slowed 4× (Emulation.setCPUThrottlingRate). The local worker compresses with brotli, as
// Cloudflare does.
import { chromium } from 'playwright-core';

const BASE = process.env.BASE_URL;
if (!BASE) throw new Error('BASE_URL is not set: run through scripts/with-worker.sh');
const RESIDENT = { phone: '13900311011', password: '123456' };
const NEWEST = '3号楼停水通知';
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PROFILES = [
  // kbps → bytes per second.
  { name: 'slow 3G', latency: 400, down: (400 * 1000) / 8, up: (400 * 1000) / 8 },
  { name: 'fast 4G', latency: 170, down: (9000 * 1000) / 8, up: (9000 * 1000) / 8 },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

async function emulate(page, profile) {
  const conditions = {
    offline: false,
    latency: profile.latency,
    downloadThroughput: profile.down,
    uploadThroughput: profile.up,
  };
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', conditions);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e) => (bytes += e.encodedDataLength));
  // The page's emulation does not reach its service worker, which fetches the API's answers itself:
  // the same conditions for every service worker target, and its bytes counted too.
  const browserCdp = await browser.newBrowserCDPSession();
  const { targetInfos } = await browserCdp.send('Target.getTargets');
  let id = 0;
  for (const target of targetInfos.filter((t) => t.type === 'service_worker')) {
    const { sessionId } = await browserCdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
    for (const [method, params] of [['Network.enable', {}], ['Network.emulateNetworkConditions', conditions]]) {
      await browserCdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: ++id, method, params }) });
    }
  }
  browserCdp.on('Target.receivedMessageFromTarget', ({ message }) => {
    const event = JSON.parse(message);
    if (event.method === 'Network.loadingFinished') bytes += event.params.encodedDataLength;
  });
  return {
    cdp: { detach: async () => (await cdp.detach(), await browserCdp.detach()) },
    bytes: () => bytes,
  };
}

/** Loads `/` and returns the figures, in ms from the navigation's start. */
async function load(page, profile) {
  const { cdp, bytes } = await emulate(page, profile);
  await page.goto('/', { waitUntil: 'commit', timeout: 120_000 });
  const ready = await page.waitForFunction(
    (title) => {
      const link = [...document.querySelectorAll('main#main a')].find((a) => a.textContent === title);
      return link && link.getBoundingClientRect().height > 0 ? performance.now() : false;
    },
    NEWEST,
    { polling: 50, timeout: 120_000 },
  );
  const usable = await ready.jsonValue();
  const paint = await page.evaluate(() => {
    const fp = performance.getEntriesByName('first-contentful-paint')[0] ?? performance.getEntriesByName('first-paint')[0];
    return fp ? fp.startTime : null;
  });
  const fromFrame = await page.evaluate(() => window.__frameNotices ?? null);
  await page.waitForTimeout(300); // the last responses' loadingFinished events
  await cdp.detach();
  return { bytes: bytes(), paint, frame: fromFrame, usable };
}

async function signedInContext() {
  const context = await browser.newContext({
    baseURL: BASE,
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const answer = await context.request.post('/api/v1/sessions', {
    data: RESIDENT,
    headers: { 'x-yishi-csrf': '1' },
  });
  if (!answer.ok()) throw new Error(`sign-in failed: ${answer.status()} ${await answer.text()}`);
  // When the frame (before the wasm) first lists her last notices.
  await context.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('#boot-list li')) {
        window.__frameNotices = performance.now();
        observer.disconnect();
      }
    }).observe(document, { subtree: true, childList: true });
  });
  return context;
}

const median = (xs) => {
  const s = xs.filter((x) => x !== null).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : null;
};
const ms = (x) => (x === null ? '—' : `${Math.round(x)} ms`);
const kb = (x) => `${(x / 1000).toFixed(1)} kB`;

console.log(`Home screen of a signed-in resident, 360 px phone, CPU 4× slower; median of ${RUNS} runs`);
console.log('profile    cache  transferred   first paint   last notices (frame)   newest notice usable');
for (const profile of PROFILES) {
  const cold = [];
  const warm = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await signedInContext();
    const page = await context.newPage();
    cold.push(await load(page, profile));
    // The service worker installs after the first load; then the same phone comes back.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 }).catch(() => {});
    const again = await context.newPage();
    await page.close();
    warm.push(await load(again, profile));
    await context.close();
  }
  for (const [label, runs] of [['cold', cold], ['warm', warm]]) {
    console.log(
      `${profile.name.padEnd(10)} ${label.padEnd(6)} ${kb(median(runs.map((r) => r.bytes))).padStart(11)}   ${ms(median(runs.map((r) => r.paint))).padStart(11)}   ${ms(median(runs.map((r) => r.frame))).padStart(20)}   ${ms(median(runs.map((r) => r.usable))).padStart(20)}`,
    );
  }
}

// Installability, as Chromium judges it (Lighthouse 12 no longer has a PWA category), in a profile on disk:
// an incognito context is never installable.
const { mkdtempSync, rmSync } = await import('node:fs');
const { tmpdir } = await import('node:os');
const { join } = await import('node:path');
const profileDir = mkdtempSync(join(tmpdir(), 'yishi-bench-'));
const persistent = await chromium.launchPersistentContext(profileDir, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
  baseURL: BASE,
  viewport: { width: 360, height: 740 },
});
await persistent.request.post('/api/v1/sessions', { data: RESIDENT, headers: { 'x-yishi-csrf': '1' } });
for (const path of ['/', '/login']) {
  const page = await persistent.newPage();
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => navigator.serviceWorker.ready);
  const cdp = await persistent.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  const manifest = await cdp.send('Page.getAppManifest');
  console.log(
    `installable ${path.padEnd(7)} ${installabilityErrors.length === 0 ? 'yes' : 'no: ' + installabilityErrors.map((e) => e.errorId).join(', ')}` +
      ` (manifest ${manifest.errors.length === 0 ? 'valid' : 'errors: ' + manifest.errors.map((e) => e.message).join('; ')})`,
  );
  await page.close();
}
await persistent.close();
rmSync(profileDir, { recursive: true, force: true });
await browser.close();
