// Every main screen, in English and in large type too (the other specs check them in Chinese at the
// normal size): thumb-sized tap targets (44 px, 48 in large type), no sideways scrolling at 360 px, and
// the axe checks. A screenshot of each screen is kept.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, shot, signedInPhone } from '../pages/pages';
import { startVote } from '../pages/votes';
import { RESIDENT_5, STAFF } from './demo';

/** A resident's screens (of 和谐小区 5号楼, where the demo has matters at every step and a covenant). */
const RESIDENT_SCREENS = [
  '/',
  '/notices',
  '/notices/archive',
  '/notices/ntc_demo_07',
  '/matters',
  '/matters/mat_demo_01',
  '/matters/mat_demo_02',
  '/matters/board',
  '/covenants',
  '/covenants/cov_demo_01',
  '/votes',
  '/meetings',
  '/account',
  '/account/notifications',
  '/requests',
  '/requests/new',
  '/requests/req_demo_02',
];

/** The office's screens, as community staff see them. */
const OFFICE_SCREENS = [
  '/',
  '/admin',
  '/admin/territory',
  '/admin/members',
  '/admin/audit',
  '/requests',
  '/requests/figures',
  '/notices/new',
  '/votes/new',
  '/meetings/new',
  '/matters/mat_demo_02',
];

async function walk(page: Page, screens: string[], label: string) {
  for (const path of screens) {
    await page.goto(path);
    await expect(page.locator('main h1').first()).toBeVisible();
    await expect(page.locator('main .loading')).toHaveCount(0);
    await shot(page, `${label}${path.replace(/\//g, '-').replace(/\?.*$/, '')}`);
    await expectAccessible(page);
    await expectHeadersOnFewLines(page);
  }
}

/**
 * No table header is squeezed into a narrow column that breaks it a character or a word per line: each
 * shown header takes at most about two lines (the figures, the notice's reads, a covenant's coverage,
 * the council's board).
 */
async function expectHeadersOnFewLines(page: Page) {
  const stacked = await page.evaluate(() =>
    [...document.querySelectorAll('main th')]
      .filter((th) => {
        const box = th.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) return false;
        const style = getComputedStyle(th);
        const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.5;
        const padding = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
        return box.height - padding > line * 2.5;
      })
      .map((th) => `${th.textContent?.trim()} (${Math.round(th.getBoundingClientRect().height)} px)`),
  );
  expect(stacked, `table headers on more than two lines on ${page.url()}`).toEqual([]);
}

async function english(page: Page) {
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
}

async function largeType(page: Page) {
  await page.locator('.header-tools').getByRole('button', { name: /大字模式|Large text/ }).click();
  await expect(page.locator('html')).toHaveClass(/large-type/);
}

test('in English, a resident’s screens', async ({ browser }) => {
  test.setTimeout(240_000);
  const { context, page } = await signedInPhone(browser, RESIDENT_5.phone, RESIDENT_5.password);
  await english(page);
  await walk(page, RESIDENT_SCREENS, 'en');
  await context.close();
});

test('in large type, a resident’s screens', async ({ browser }) => {
  test.setTimeout(240_000);
  const { context, page } = await signedInPhone(browser, RESIDENT_5.phone, RESIDENT_5.password);
  await largeType(page);
  await walk(page, RESIDENT_SCREENS, 'large');
  await context.close();
});

test('in English and in large type, the office’s screens', async ({ browser }) => {
  test.setTimeout(300_000);
  const { context, page } = await signedInPhone(browser, STAFF.phone, STAFF.password);
  await english(page);
  await walk(page, OFFICE_SCREENS, 'en');
  await largeType(page);
  await page.getByRole('button', { name: '中文' }).click();
  await walk(page, OFFICE_SCREENS, 'large');
  await context.close();
});

test('in English and in large type, a vote with its ballot, 我的投票, the chair’s console, check-in, sign-in and joining', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const stamp = Date.now() % 100000;
  // Staff start a vote for 5号楼 and open a meeting of 5号楼.
  const staff = await signedInPhone(browser, STAFF.phone, STAFF.password);
  const vote = await startVote(staff.page, `5号楼是否加装雨棚 ${stamp}`, '5号楼', {});
  await staff.page.goto('/meetings/new');
  await staff.page.getByLabel('会议名称').fill(`5号楼居民议事会 ${stamp}`);
  await staff.page.getByLabel('会议地点').fill('和谐小区党群服务站');
  const audience = staff.page.getByLabel('会议范围');
  const option = audience.locator('option', { hasText: '5号楼' }).first();
  await audience.selectOption({ label: (await option.textContent())!.trim() });
  await staff.page.getByLabel('议程（每行一个议题）').fill('加装雨棚');
  await staff.page.getByRole('button', { name: '召开' }).click();
  await expect(staff.page.getByRole('heading', { name: `5号楼居民议事会 ${stamp}`, level: 1 })).toBeVisible();
  await staff.page.getByRole('button', { name: '开始会议' }).click();
  await expect(staff.page.getByText('会议进行中')).toBeVisible();
  const meeting = new URL(staff.page.url()).pathname;
  const checkIn = new URL((await staff.page.getByRole('link', { name: /签到链接/ }).getAttribute('href'))!, staff.page.url());

  // The chair's live console.
  await english(staff.page);
  await walk(staff.page, [meeting], 'en-chair');
  await largeType(staff.page);
  await staff.page.getByRole('button', { name: '中文' }).click();
  await walk(staff.page, [meeting], 'large-chair');
  await staff.context.close();

  // The resident: the vote with its ballot form, her votes, the room's check-in.
  const screens = [vote, '/votes/mine', `${checkIn.pathname}${checkIn.search}`];
  const { context, page } = await signedInPhone(browser, RESIDENT_5.phone, RESIDENT_5.password);
  await english(page);
  await page.goto(vote);
  await expect(page.locator('form.ballot, .ballot-form, form').first()).toBeVisible();
  await walk(page, screens, 'en');
  await largeType(page);
  await page.getByRole('button', { name: '中文' }).click();
  await walk(page, screens, 'large');
  await context.close();

  // Signed out: sign-in and joining.
  const out = await browser.newContext();
  const visitor = await out.newPage();
  await visitor.goto('/login');
  await english(visitor);
  await walk(visitor, ['/login', '/join'], 'en');
  await largeType(visitor);
  await visitor.getByRole('button', { name: '中文' }).click();
  await walk(visitor, ['/login', '/join'], 'large');
  await out.close();
});
