// Every main screen, in English and in large type too (the other specs check them in Chinese at the
// normal size): thumb-sized tap targets (44 px, 48 in large type), no sideways scrolling at 360 px, and
// the axe checks. A screenshot of each screen is kept.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, shot, signedInPhone } from '../pages/pages';
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
    await shot(page, `${label}${path.replace(/\//g, '-')}`);
    await expectAccessible(page);
  }
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
