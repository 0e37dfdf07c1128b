// The shell: the bottom bar and the first screen of a phone.
import { expect, type Locator, type Page } from '@playwright/test';

/** The bar at the bottom of every signed-in screen: 首页, 公告, 议事, 投票/会议, 我的. */
export class BottomBar {
  constructor(readonly page: Page) {}

  nav() {
    return this.page.getByRole('navigation', { name: '底部导航' });
  }

  tab(name: string) {
    return this.nav().getByRole('link', { name, exact: true });
  }

  /** Taps a tab and waits for its screen (its level-1 heading, then its lists); the tab is then the current page. */
  async go(name: string, heading: string | RegExp) {
    await this.tab(name).click();
    await expect(this.page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
    await expect(this.tab(name)).toHaveAttribute('aria-current', 'page');
    await expect(this.page.locator('main .loading')).toHaveCount(0);
  }
}

/**
 * The top of `locator` is within the first screen, above the bottom bar, before any scrolling (and, with
 * `whole`, all of it is).
 */
export async function expectOnFirstScreen(page: Page, locator: Locator, whole = false) {
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await locator.boundingBox();
  const bar = await page.locator('.tab-bar').boundingBox();
  expect(box, 'shown').not.toBeNull();
  const fold = bar ? bar.y : page.viewportSize()!.height;
  const edge = whole ? box!.y + box!.height : box!.y + 24;
  expect(edge, `within the first screen (above ${Math.round(fold)} px)`).toBeLessThanOrEqual(fold);
}
