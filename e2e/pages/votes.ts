// Page objects of votes: starting one (staff), a vote's page, and 我的投票 (the votes page).
import { expect, type Locator, type Page } from '@playwright/test';

/** What a new vote differs in from the form's defaults (a secret yes/no vote). */
export interface VoteForm {
  kind?: string;
  options?: string;
  budget?: string;
  named?: boolean;
  /** A named vote in which a voter may change her ballot until it closes. */
  changeable?: boolean;
}

/** Staff start a vote for `place` from the form; returns the new vote's address. */
export async function startVote(page: Page, title: string, place: string, form: VoteForm): Promise<string> {
  await page.goto('/votes/new');
  await expect(page.getByRole('heading', { name: '发起投票', level: 1 })).toBeVisible();
  await page.getByLabel('投票事项').fill(title);
  if (form.kind) await page.getByLabel('投票方式').selectOption({ label: form.kind });
  if (form.options) await page.getByLabel(/^(选项|项目)（每行一个/).fill(form.options);
  if (form.budget) await page.getByLabel('总预算（元）').fill(form.budget);
  const audience = page.getByLabel('投票范围');
  const option = audience.locator('option', { hasText: place }).first();
  await audience.selectOption({ label: (await option.textContent())!.trim() });
  if (form.named) await page.getByRole('checkbox', { name: '无记名投票' }).uncheck();
  if (form.changeable) await page.getByRole('checkbox', { name: '截止前可以改票（仅限记名投票）' }).check();
  await page.getByRole('button', { name: '发起' }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  return new URL(page.url()).pathname;
}

/** One vote's page, as a voter sees it. */
export class VotePage {
  constructor(readonly page: Page) {}

  heading(title: string) {
    return this.page.getByRole('heading', { name: title, level: 1 });
  }

  async cast() {
    await this.page.getByRole('button', { name: '投这一票' }).click();
    await expect(this.myBallot()).toBeVisible();
  }

  /** 我的一票: what she chose (or that it is counted), her receipt. */
  myBallot(): Locator {
    return this.page.getByRole('region', { name: '我的一票' });
  }

  /** Her receipt as shown, e.g. `7K2M-Q9XD-4HTB`. */
  async receipt(): Promise<string> {
    const line = this.myBallot().getByText(/^您的回执：/);
    await expect(line).toHaveText(/^您的回执：[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    return ((await line.textContent()) ?? '').replace('您的回执：', '').trim();
  }

  /** The count, e.g. 「已投 1 票，共 12 人可投」. */
  async count(): Promise<string> {
    const line = this.page.getByText(/^已投 \d+ 票，共 \d+ 人可投$/).first();
    await expect(line).toBeVisible();
    return ((await line.textContent()) ?? '').trim();
  }
}

/** `/votes`: the votes waiting for her and 我的投票, her history with receipts. */
export class MyVotes {
  constructor(readonly page: Page) {}

  async expectLoaded() {
    await expect(this.page.getByRole('heading', { name: '投票', level: 1 })).toBeVisible();
    await expect(this.page.getByRole('heading', { name: '我的投票', level: 2 })).toBeVisible();
  }

  /** Her record of one vote. */
  vote(title: string): Locator {
    return this.page
      .getByRole('region', { name: '我的投票' })
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('link', { name: title }) });
  }
}
