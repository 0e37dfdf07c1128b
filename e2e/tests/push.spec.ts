// Notifications on the phone: her choices of what may push and when stay chosen; push on this phone
// subscribes the browser and gives the server its subscription; a notice to her building reaches the
// push service sealed for this phone, and the service worker shows it.
//
// Chromium here reaches no real push service, so the page's PushManager is replaced by one that hands out
// a subscription on a fake push service this test runs on the loopback, with keys the test made (as a
// browser would); the test opens what the postman sends with those keys (RFC 8291) and gives it to the
// service worker as the browser would (CDP's ServiceWorker.deliverPushMessage).
import { createDecipheriv, createECDH, hkdfSync, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { LoginPage, NoticeBoard, expectAccessible, shot, signedInPhone } from '../pages/pages';
import { RESIDENT_3, STAFF } from './demo';

/** 宋立新, building head of 阳光小区 1号楼 (no other test changes her settings). */
const HEAD_1 = { phone: '13900111021', password: '123456' };

async function settingsPage(page: Page) {
  await page.getByRole('navigation', { name: '底部导航' }).getByRole('link', { name: '我的', exact: true }).click();
  await expect(page.getByRole('heading', { name: '我的账号', level: 1 })).toBeVisible();
  await page.getByRole('link', { name: '通知设置' }).click();
  await expect(page.getByRole('heading', { name: '通知设置', level: 1 })).toBeVisible();
}

function pushSwitch(page: Page) {
  return page.getByRole('switch', { name: '这台手机接收推送' });
}

test('her choices of what pushes and when stay chosen; the inbox keeps everything', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.open();
  await login.signIn(HEAD_1.phone, HEAD_1.password);
  await new NoticeBoard(page).expectLoaded();
  await settingsPage(page);
  await expect(page.getByText('所有消息都会出现在每个页面顶部的「消息」（铃铛）里')).toBeVisible();
  // This phone is not subscribed (whatever the browser can do, the switch does not say on).
  await expect(pushSwitch(page)).toHaveAttribute('aria-checked', 'false');

  const form = page.getByRole('form', { name: '哪些消息要推送' });
  await form.getByRole('checkbox', { name: '新公告' }).setChecked(false);
  await form.getByRole('checkbox', { name: '会议通知' }).setChecked(false);
  await form.getByRole('checkbox', { name: '请您投票' }).setChecked(true);
  await form.getByRole('checkbox', { name: '开启免打扰时段' }).setChecked(true);
  await form.getByLabel('从几点开始').selectOption('21');
  await form.getByLabel('到几点结束').selectOption('6');
  await expect(form.getByText('每天 21:00 到第二天 6:00 不响铃。')).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'notification-settings');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByText('已保存。')).toBeVisible();

  await page.reload();
  await expect(form.getByRole('checkbox', { name: '新公告' })).not.toBeChecked();
  await expect(form.getByRole('checkbox', { name: '会议通知' })).not.toBeChecked();
  await expect(form.getByRole('checkbox', { name: '请您投票' })).toBeChecked();
  await expect(form.getByRole('checkbox', { name: /^议事进展/ })).toBeChecked();
  await expect(form.getByRole('checkbox', { name: '开启免打扰时段' })).toBeChecked();
  await expect(form.getByLabel('从几点开始')).toHaveValue('21');
  await expect(form.getByLabel('到几点结束')).toHaveValue('6');

  // No quiet hours, every topic back on: kept too.
  await form.getByRole('checkbox', { name: '开启免打扰时段' }).setChecked(false);
  await expect(form.getByLabel('从几点开始')).toBeHidden();
  for (const name of ['新公告', '会议通知']) await form.getByRole('checkbox', { name }).setChecked(true);
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByText('已保存。')).toBeVisible();
  await page.reload();
  await expect(form.getByRole('checkbox', { name: '开启免打扰时段' })).not.toBeChecked();
  await expect(form.getByRole('checkbox', { name: '新公告' })).toBeChecked();
  await expect(form.getByLabel('从几点开始')).toBeHidden();
  await context.close();
});

/** A push service on the loopback that keeps what is posted to it. */
class FakePushService {
  readonly received: { path: string; headers: Record<string, string | string[] | undefined>; body: Buffer }[] = [];
  private constructor(private readonly server: Server) {}

  static async start(): Promise<FakePushService> {
    let service: FakePushService | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        service?.received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
        res.writeHead(201).end();
      });
    });
    service = new FakePushService(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return service;
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop() {
    this.server.close();
  }
}

/** What a browser keeps for a subscription: its ECDH key pair and auth secret. */
function phoneKeys() {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return { ecdh, auth, p256dh: ecdh.getPublicKey().toString('base64url'), authText: auth.toString('base64url') };
}

/** Opens an aes128gcm Web Push message (RFC 8291, RFC 8188) as the browser would. */
function openPush(body: Buffer, keys: ReturnType<typeof phoneKeys>): string {
  const salt = body.subarray(0, 16);
  const idLength = body[20];
  const asPublic = body.subarray(21, 21 + idLength);
  const sealed = body.subarray(21 + idLength);
  const uaPublic = keys.ecdh.getPublicKey();
  const shared = keys.ecdh.computeSecret(asPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), uaPublic, asPublic]);
  const ikm = Buffer.from(hkdfSync('sha256', shared, keys.auth, keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  const padded = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]);
  // The last record: its data, then the delimiter 0x02, then zeros.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  expect(padded[end], 'the last record ends with the delimiter 0x02').toBe(2);
  return padded.subarray(0, end).toString('utf-8');
}

/** The page's PushManager hands out this subscription (kept in localStorage, as a browser keeps its own). */
async function stubPushManager(context: BrowserContext, endpoint: string, keys: ReturnType<typeof phoneKeys>) {
  await context.addInitScript(
    ({ endpoint, p256dh, auth }) => {
      const KEPT = 'test.push.subscription';
      const subscription = () => ({
        endpoint,
        expirationTime: null,
        toJSON: () => ({ endpoint, expirationTime: null, keys: { p256dh, auth } }),
        unsubscribe: async () => {
          localStorage.removeItem(KEPT);
          return true;
        },
      });
      PushManager.prototype.subscribe = async function (options?: PushSubscriptionOptionsInit) {
        const key = options?.applicationServerKey;
        const bytes = key instanceof ArrayBuffer ? new Uint8Array(key) : new Uint8Array((key as ArrayBufferView).buffer);
        localStorage.setItem(KEPT, JSON.stringify({ userVisibleOnly: options?.userVisibleOnly, key: Array.from(bytes) }));
        return subscription() as unknown as PushSubscription;
      };
      PushManager.prototype.getSubscription = async function () {
        return (localStorage.getItem(KEPT) ? subscription() : null) as unknown as PushSubscription | null;
      };
    },
    { endpoint, p256dh: keys.p256dh, auth: keys.authText },
  );
}

/** What the stubbed browser was asked to subscribe with, or null when it holds no subscription. */
async function browserSubscription(page: Page): Promise<{ userVisibleOnly: boolean; key: number[] } | null> {
  return page.evaluate(() => JSON.parse(localStorage.getItem('test.push.subscription') ?? 'null'));
}

test('push on this phone: a notice to her building is pushed, sealed for her phone, and shown by the service worker', async ({
  browser,
}) => {
  const service = await FakePushService.start();
  const keys = phoneKeys();
  const endpoint = `${service.origin}/sub/${Date.now()}`;
  const context = await browser.newContext({ permissions: ['notifications'] });
  await stubPushManager(context, endpoint, keys);
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.open();
  await login.signIn(RESIDENT_3.phone, RESIDENT_3.password);
  await new NoticeBoard(page).expectLoaded();
  await settingsPage(page);

  // Quiet hours (22:00 to 7:00 unless she chose) would hold the push: off, and notices push.
  const form = page.getByRole('form', { name: '哪些消息要推送' });
  await form.getByRole('checkbox', { name: '新公告' }).setChecked(true);
  await form.getByRole('checkbox', { name: '开启免打扰时段' }).setChecked(false);
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByText('已保存。')).toBeVisible();

  // On: the browser is subscribed with the server's key, and the server is given the subscription.
  const status = await (await context.request.get('/api/v1/push/subscription')).json();
  expect(status.public_key, 'the worker runs with a VAPID key (scripts/test.sh)').toBeTruthy();
  await expect(pushSwitch(page)).toHaveAttribute('aria-checked', 'false');
  const put = page.waitForRequest((r) => r.url().endsWith('/api/v1/push/subscription') && r.method() === 'PUT');
  await pushSwitch(page).click();
  expect((await put).postDataJSON()).toMatchObject({ endpoint, keys: { p256dh: keys.p256dh, auth: keys.authText } });
  await expect(pushSwitch(page)).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByText('已开启：有新消息时，这台手机会响铃提醒您。')).toBeVisible();
  const asked = await browserSubscription(page);
  expect(asked?.userVisibleOnly).toBe(true);
  expect(Buffer.from(asked?.key ?? []).toString('base64url')).toBe(status.public_key);
  await expectAccessible(page);
  await shot(page, 'push-on');
  await page.reload();
  await expect(pushSwitch(page)).toHaveAttribute('aria-checked', 'true');

  // Staff publish a notice to 3号楼; the postman posts it to her push service.
  const { context: staff } = await signedInPhone(browser, STAFF.phone, STAFF.password);
  const mine = () => service.received.filter((r) => endpoint.endsWith(r.path));
  const title = `3号楼停电通知 ${Date.now()}`;
  const published = await staff.request.post('/api/v1/notices', {
    headers: { 'x-yishi-csrf': '1' },
    data: { title, body: '周六上午8点到10点检修线路，请提前准备。', scope: { kind: 'building', id: 'bld_03' } },
  });
  expect(published.status()).toBe(201);
  await expect.poll(() => mine().length, { timeout: 15_000 }).toBeGreaterThan(0);
  expect(mine(), 'the fake push service received the notice').toHaveLength(1);
  const delivery = mine()[0];
  expect(delivery.headers['content-encoding']).toBe('aes128gcm');
  expect(String(delivery.headers.authorization)).toMatch(/^vapid t=[\w-]+\.[\w-]+\.[\w-]+, k=[\w-]+$/);
  const payload = JSON.parse(openPush(delivery.body, keys));
  expect(payload).toMatchObject({ title: '新公告', body: title });
  expect(payload.url).toMatch(/^\/notices\/ntc_/);
  expect(payload.id).toBeTruthy();

  // The browser gives it to the service worker, which shows it.
  const cdp = await context.newCDPSession(page);
  const origin = new URL(page.url()).origin;
  const registration = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const ours = registrations.find((r) => !r.isDeleted && r.scopeURL.startsWith(origin));
      if (ours) resolve(ours.registrationId);
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.deliverPushMessage', {
    origin,
    registrationId: await registration,
    data: JSON.stringify(payload),
  });
  await expect
    .poll(() =>
      page.evaluate(async () =>
        (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({
          title: n.title,
          body: n.body,
          tag: n.tag,
          url: n.data?.url,
        })),
      ),
    )
    .toContainEqual({ title: '新公告', body: title, tag: payload.id, url: payload.url });

  // Off: the browser is unsubscribed and the server told.
  const removed = page.waitForRequest((r) => r.url().endsWith('/api/v1/push/subscription') && r.method() === 'DELETE');
  await pushSwitch(page).click();
  await removed;
  await expect(pushSwitch(page)).toHaveAttribute('aria-checked', 'false');
  expect(await browserSubscription(page)).toBeNull();

  // On again, then signing out unsubscribes this browser too.
  await pushSwitch(page).click();
  await expect(pushSwitch(page)).toHaveAttribute('aria-checked', 'true');
  await page.goto('/account');
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByRole('button', { name: '确定退出' }).click();
  await expect(page.getByRole('heading', { name: '登录', exact: true, level: 1 })).toBeVisible();
  await expect.poll(() => browserSubscription(page)).toBeNull();

  service.stop();
  await cdp.detach();
  await staff.close();
  await context.close();
});
