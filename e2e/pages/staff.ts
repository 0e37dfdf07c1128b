// Staff's screens for requests: the list they land on, a request's page with the merge form, the audit
// log and the figures; the matters list and its search by number.
import { expect, type Locator, type Page } from '@playwright/test';

export class RequestsList {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/requests');
    await expect(this.page.getByRole('heading', { name: '民生诉求', level: 1 })).toBeVisible();
  }

  tab(name: string): Locator {
    return this.page.getByRole('group', { name: '民生诉求' }).getByRole('button', { name });
  }

  items(): Locator {
    return this.page.locator('li.request-item');
  }

  async find(typed: string) {
    await this.page.getByLabel('按编号或内容查找').fill(typed);
    await this.page.getByRole('button', { name: '搜索', exact: true }).click();
  }
}

/** 居民议事: the matters list with its search by number or title. */
export class MattersList {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/matters');
    await expect(this.page.getByRole('heading', { name: '居民议事', level: 1 })).toBeVisible();
  }

  cards(): Locator {
    return this.page.locator('li.matter-card');
  }

  async find(typed: string) {
    await this.page.getByLabel('按编号或标题查找').fill(typed);
    await this.page.getByRole('button', { name: '搜索', exact: true }).click();
  }
}

export class RequestRecord {
  constructor(readonly page: Page) {}

  /** 「诉求 #3」 under the title, as the page shows it. */
  async number(): Promise<string> {
    const text = (await this.page.locator('p.record-number').textContent()) ?? '';
    return text.replace(/^诉求\s*/, '').trim();
  }

  async mergeInto(number: string, note: string) {
    await this.page.getByLabel('并入的诉求编号').fill(number);
    await this.page.locator('#merge-note').fill(note);
    await this.page.getByRole('button', { name: '并案', exact: true }).click();
  }
}

/**
 * Nothing scrolls sideways at the phone's width: not the page, and not a table inside its own scrolling
 * box (a wide table on a phone becomes cards).
 */
export async function expectNoSidewaysScroll(page: Page) {
  const wide = await page.evaluate(() => {
    const found: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth) found.push('the page');
    for (const el of document.querySelectorAll('.table-scroll, table')) {
      if (el.scrollWidth > el.clientWidth + 1) found.push(`${el.tagName.toLowerCase()}.${el.className} ${el.scrollWidth}>${el.clientWidth}`);
      if (el.getBoundingClientRect().right > window.innerWidth + 0.5) found.push(`${el.tagName.toLowerCase()}.${el.className} goes past the edge`);
    }
    return found;
  });
  expect(wide, `sideways scroll on ${page.url()}`).toEqual([]);
}
