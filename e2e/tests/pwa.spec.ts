// The light app on a weak network: the frame and the last notices before the wasm, the notice board read
// offline, a new version offered gently, and the two apps (resident and office) one tap apart.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { LoginPage, NoticeBoard, expectAccessible, signedInPhone } from '../pages/pages';
import { RESIDENT_3, STAFF } from './demo';

const HEAD_3 = { phone: '13900311021', password: '123456' };

/** The apps this page has loaded (home: yishi-home, resident: yishi-app, office: yishi-office). */
async function loadedApps(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((n) => n.endsWith('_bg.wasm'))
      .map((n) => (n.includes('yishi-office') ? 'office' : n.includes('yishi-home') ? 'home' : 'resident')),
  );
}

/** Waits until the service worker controls the page (installed, activated, claimed). */
async function controlledByServiceWorker(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

test('the notice board read earlier opens with the network off, and a change is not sent', async ({ browser }) => {
  const { context, page } = await signedInPhone(browser, RESIDENT_3.phone, RESIDENT_3.password);
  const board = new NoticeBoard(page);
  await controlledByServiceWorker(page);
  // Read the board and one notice while online (the service worker keeps the answers).
  await page.reload();
  await board.openAll();
  await expect(board.notice('3号楼停水通知')).toBeVisible();
  await board.notice('3号楼停水通知').click();
  await expect(page.getByRole('heading', { name: '3号楼停水通知' })).toBeVisible();
  await page.goto('/notices');
  await expect(board.notice('3号楼停水通知')).toBeVisible();

  // In the lift: no network at all.
  await context.setOffline(true);
  await page.reload();
  await board.expectLoaded();
  await expect(page.getByRole('status').filter({ hasText: '离线' })).toBeVisible();
  await expect(board.notice('3号楼停水通知')).toBeVisible();
  await board.notice('3号楼停水通知').click();
  await expect(page.getByRole('heading', { name: '3号楼停水通知' })).toBeVisible();
  await expectAccessible(page);
  if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/offline-notice.png`, fullPage: true });

  // A change is never queued behind her back: she is told it was not sent.
  await page.getByRole('button', { name: '标记为已读' }).click();
  await expect(page.getByText('您现在没有联网，没有发出。联网后请再试一次。')).toBeVisible();

  // Back online, the banner goes with the next answer from the network.
  await context.setOffline(false);
  await page.goto('/');
  await board.expectLoaded();
  await expect(page.getByRole('status').filter({ hasText: '离线' })).toHaveCount(0);
  await context.close();
});

test('before the wasm arrives she sees the frame and the notices of her last visit; a failed download offers a retry', async ({
  browser,
}) => {
  // No service worker here: every load goes to the network, which the test then breaks.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.open();
  await login.signIn(RESIDENT_3.phone, RESIDENT_3.password);
  const board = new NoticeBoard(page);
  await board.expectLoaded();
  // The first notice on her board (other tests may have published newer ones).
  const first = page.locator('main a[href^="/notices/ntc"]').first();
  const title = (await first.textContent())!.trim();
  const href = (await first.getAttribute('href'))!;

  // The wasm never comes: the page still shows the frame and her last notices, as links.
  await page.route('**/*_bg.wasm', (route) => route.abort('connectionfailed'));
  await page.reload();
  await expect(page.getByText('议事').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: '上次看到的公告' })).toBeVisible();
  await expect(page.getByRole('link', { name: title, exact: true })).toHaveAttribute('href', href);
  await expect(page.getByText('网络不好，没有打开。')).toBeVisible();

  // The network is back: "重新打开" opens the app.
  await page.unroute('**/*_bg.wasm');
  await page.getByRole('button', { name: '重新打开' }).click();
  await board.expectLoaded();
  await expect(page.getByRole('heading', { name: '上次看到的公告' })).toHaveCount(0);

  // Signing out forgets them: the next person on this phone sees nothing of hers.
  await board.signOut();
  await page.route('**/*_bg.wasm', (route) => route.abort('connectionfailed'));
  await page.reload();
  await expect(page.getByText('网络不好，没有打开。')).toBeVisible();
  await expect(page.getByRole('heading', { name: '上次看到的公告' })).toHaveCount(0);
  await context.close();
});

test('a new version is offered with "有新版本，点此刷新" and taken with one tap', async ({ browser }) => {
  const { context, page } = await signedInPhone(browser, RESIDENT_3.phone, RESIDENT_3.password);
  await controlledByServiceWorker(page);
  const firstVersion = await page.evaluate(async () => (await caches.keys()).find((k) => k.startsWith('yishi-shell-')));

  // A deploy: the server now serves another version of the service worker (the same one, another version
  // name), written where the local worker serves the app from, and put back afterwards.
  const served = join(__dirname, '../../dist/sw.js');
  const original = readFileSync(served, 'utf-8');
  writeFileSync(served, original.replace(/const VERSION = "([^"]*)";/, 'const VERSION = "$1-next";'));
  try {
    await expect
      .poll(async () => {
        await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update().catch(() => {}));
        return page.getByRole('button', { name: '有新版本，点此刷新' }).count();
      })
      .toBe(1);
  } finally {
    writeFileSync(served, original);
  }
  const prompt = page.getByRole('button', { name: '有新版本，点此刷新' });
  await expect(prompt).toBeVisible();
  await prompt.click();
  await new NoticeBoard(page).expectLoaded();
  await expect(prompt).toHaveCount(0);
  await expect
    .poll(() => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('yishi-shell-'))))
    .toEqual([`${firstVersion}-next`]);
  await context.close();
});

test('staff land in the office app; a building head stays a resident, one tap from her tools and back', async ({ browser }) => {
  // Staff: the office app, at once.
  const staff = await signedInPhone(browser, STAFF.phone, STAFF.password);
  await expect.poll(() => loadedApps(staff.page)).toContain('office');
  await staff.page.getByRole('link', { name: '办公', exact: true }).click();
  await expect(staff.page.getByRole('heading', { name: '社区管理' })).toBeVisible();
  // She signs out; a resident signs in on the same device and lands in a resident's app.
  await staff.page.goto('/');
  await new NoticeBoard(staff.page).signOut();
  const login = new LoginPage(staff.page);
  await login.signIn(RESIDENT_3.phone, RESIDENT_3.password);
  await new NoticeBoard(staff.page).expectLoaded();
  await expect.poll(() => loadedApps(staff.page)).not.toContain('office');
  await expect(staff.page.getByRole('link', { name: '办公', exact: true })).toHaveCount(0);
  await staff.context.close();

  // A resident never downloads the office app.
  const resident = await signedInPhone(browser, RESIDENT_3.phone, RESIDENT_3.password);
  await resident.page.reload();
  await new NoticeBoard(resident.page).expectLoaded();
  expect(await loadedApps(resident.page)).not.toContain('office');
  await expect(resident.page.getByRole('link', { name: '办公', exact: true })).toHaveCount(0);
  await resident.context.close();

  // A building head: the resident app, and her tools one tap away.
  const { context, page } = await signedInPhone(browser, HEAD_3.phone, HEAD_3.password);
  expect(await loadedApps(page)).not.toContain('office');
  await page.getByRole('link', { name: '办公', exact: true }).click();
  await expect(page.getByRole('heading', { name: '社区管理' })).toBeVisible();
  await expect.poll(() => loadedApps(page)).toEqual(['office']);
  // Still signed in; back to the resident app from her home screen.
  await page.getByRole('link', { name: '返回首页' }).click();
  await page.getByRole('button', { name: '切换到居民版' }).click();
  await new NoticeBoard(page).expectLoaded();
  await expect.poll(() => loadedApps(page)).not.toContain('office');
  // The choice is remembered on this phone.
  await page.reload();
  await new NoticeBoard(page).expectLoaded();
  expect(await loadedApps(page)).not.toContain('office');
  await context.close();
});

test('a phone loads the small home app first; another screen opens the resident app, cached from then on', async ({ browser }) => {
  const { context, page } = await signedInPhone(browser, RESIDENT_3.phone, RESIDENT_3.password);
  // Sign-in and the home screen: the home app alone.
  expect(await loadedApps(page)).toEqual(['home']);
  await controlledByServiceWorker(page);

  // 居民议事 is not in the home app: the same address opens in the resident app, which the service worker
  // fetched in the background.
  await page.getByRole('link', { name: '看看大家提的事' }).click();
  await expect(page.getByRole('heading', { name: '居民议事' })).toBeVisible();
  expect(await loadedApps(page)).toEqual(['resident']);
  await expectAccessible(page);

  // From now on the resident app opens everything, from the cache: no more moving between apps.
  await page.goto('/');
  await new NoticeBoard(page).expectLoaded();
  expect(await loadedApps(page)).toEqual(['resident']);
  await context.close();
});
