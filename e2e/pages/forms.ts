// Page objects for forms that say what is wrong where the finger is.
import { expect, type Locator, type Page } from '@playwright/test';

/** 反映问题: a resident's report of a problem. */
export class ReportForm {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole('link', { name: '我要反映' }).first().click();
    await expect(this.page.getByRole('heading', { name: '反映问题', level: 1 })).toBeVisible();
  }

  place(name: RegExp) {
    return this.page.getByRole('radio', { name });
  }

  description() {
    return this.page.getByLabel('遇到了什么问题？');
  }

  exactPlace() {
    return this.page.getByLabel('具体位置', { exact: true });
  }

  async submit() {
    await this.page.getByRole('button', { name: '提交' }).click();
  }
}

/** The error shown at a field, tied to it with aria-describedby or inside its group. */
export function fieldError(page: Page, text: string | RegExp): Locator {
  return page.locator('.field-error[role="alert"]').filter({ hasText: text });
}

/** Whether `locator` lies within the visible screen (where her finger and eyes are). */
export async function expectOnScreen(page: Page, locator: Locator) {
  const box = await locator.boundingBox();
  expect(box, 'the element is not shown').not.toBeNull();
  const height = page.viewportSize()?.height ?? 740;
  expect(box!.y, 'above the screen').toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, 'below the screen').toBeLessThanOrEqual(height);
}
