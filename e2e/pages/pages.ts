// Page objects: what a user sees and does, by role and label, in Chinese.
import { expect, test, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export class LoginPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/login');
    await expect(this.page.getByRole('heading', { name: '登录' })).toBeVisible();
  }

  async signIn(phone: string, password: string) {
    await this.page.getByLabel('手机号').fill(phone);
    await this.page.getByLabel('密码').fill(password);
    await this.page.getByRole('button', { name: '登录' }).click();
  }

  alert() {
    return this.page.getByRole('alert');
  }
}

export class JoinPage {
  constructor(readonly page: Page) {}

  async open(code?: string) {
    await this.page.goto(code ? `/join?code=${encodeURIComponent(code)}` : '/join');
    await expect(this.page.getByRole('heading', { name: '用邀请码加入' })).toBeVisible();
  }

  async join(fields: { name: string; phone: string; passcode: string; code?: string }) {
    if (fields.code !== undefined) await this.page.getByLabel('邀请码').fill(fields.code);
    await this.page.getByLabel('姓名').fill(fields.name);
    await this.page.getByLabel('手机号').fill(fields.phone);
    await this.page.getByLabel('设置密码').fill(fields.passcode);
    await this.page.getByRole('button', { name: '加入' }).click();
  }
}

export class NoticeBoard {
  constructor(readonly page: Page) {}

  async expectLoaded() {
    await expect(this.page.getByRole('heading', { name: '公告', exact: true })).toBeVisible();
  }

  notice(title: string) {
    return this.page.getByRole('link', { name: title, exact: true });
  }

  async openNewNotice() {
    await this.page.getByRole('link', { name: '发布公告' }).click();
    await expect(this.page.getByRole('heading', { name: '发布公告' })).toBeVisible();
  }

  /** 公告 in the bottom bar: every notice in force, beyond the newest few on the home screen. */
  async openAll() {
    await this.page.getByRole('navigation', { name: '底部导航' }).getByRole('link', { name: '公告', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: '公告', level: 1 })).toBeVisible();
  }

  /** Signing out is under 我的, and asks first. */
  async signOut() {
    await this.page.getByRole('navigation', { name: '底部导航' }).getByRole('link', { name: '我的', exact: true }).click();
    await this.page.getByRole('button', { name: '退出登录' }).click();
    await this.page.getByRole('button', { name: '确定退出' }).click();
    await expect(this.page.getByRole('heading', { name: '登录', exact: true })).toBeVisible();
  }
}

export class NewNoticePage {
  constructor(readonly page: Page) {}

  async publish(title: string, body: string, scopeLabel: string) {
    await this.page.getByLabel('标题').fill(title);
    await this.page.getByLabel('正文').fill(body);
    const scope = this.page.getByLabel('发布范围');
    const option = scope.locator('option', { hasText: scopeLabel }).first();
    await scope.selectOption({ label: (await option.textContent())!.trim() });
    await this.page.getByRole('button', { name: '发布' }).click();
  }
}

/** A fresh browser context on a phone, signed in as `phone`, on the notice board. */
export async function signedInPhone(
  browser: Browser,
  phone: string,
  password: string,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.open();
  await login.signIn(phone, password);
  await new NoticeBoard(page).expectLoaded();
  return { context, page };
}

/**
 * Fails on serious or critical accessibility violations (WCAG 2 A/AA rules), on a page wider than the
 * phone's screen (nothing may need sideways scrolling at 360 px), and on a tap target smaller than a
 * finger (`expectTapTargets`).
 */
export async function expectAccessible(page: Page) {
  await expectTapTargets(page);
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, 'the page scrolls sideways on a phone').toBeLessThanOrEqual(innerWidth);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/** 社区管理 › 楼栋与住户: the tree, new buildings, imports. */
export class TerritoryPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/admin/territory');
    await expect(this.page.getByRole('heading', { name: '楼栋与住户', level: 1 })).toBeVisible();
  }

  /** The item of a place in the tree (its own line and everything below it). */
  place(name: string) {
    return this.page.getByRole('listitem').filter({ has: this.page.getByText(name, { exact: true }) }).last();
  }

  async addBuilding(compound: string, name: string, layout: { units: number; floors: number; doors: number }) {
    const form = this.page.getByRole('form', { name: '新增楼栋' });
    await form.getByLabel('所在小区').selectOption({ label: compound });
    await form.getByLabel('名称').fill(name);
    await form.getByLabel('单元数').fill(String(layout.units));
    await form.getByLabel('楼层数').fill(String(layout.floors));
    await form.getByLabel('每层户数').fill(String(layout.doors));
    await form.getByRole('button', { name: '添加' }).click();
  }

  async importCsv(csv: string) {
    const form = this.page.getByRole('form', { name: '从表格导入' });
    await form.getByLabel('表格内容（CSV）').fill(csv);
    await form.getByRole('button', { name: '导入' }).click();
  }
}

/** 社区管理 › a unit's households. */
export class UnitPage {
  constructor(readonly page: Page) {}

  household(door: string) {
    return this.page.getByRole('listitem').filter({ has: this.page.getByRole('heading', { name: `门牌 ${door}` }) });
  }

  /** Issues a code for the household and returns it as printed (ABCD-EFGH). */
  async issueInvite(door: string, inPerson = false): Promise<string> {
    await this.page.getByLabel('当面发放（加入后直接认证）').setChecked(inPerson);
    const household = this.household(door);
    await household.getByRole('button', { name: '生成邀请码' }).click();
    const status = household.getByRole('status');
    await expect(status).toContainText('新的邀请码');
    const match = /([2-9A-Z]{4}-[2-9A-Z]{4})/.exec((await status.textContent()) ?? '');
    if (!match) throw new Error('no invite code shown');
    return match[1];
  }
}

/** 社区管理 › 居民认证与成员. */
export class MembersPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/admin/members');
    await expect(this.page.getByRole('heading', { name: '居民认证与成员', level: 1 })).toBeVisible();
  }

  member(name: string) {
    return this.page.getByRole('listitem').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  async confirm(name: string) {
    await this.member(name).getByRole('button', { name: '确认身份' }).click();
    await expect(this.member(name)).toHaveCount(0);
  }
}

/**
 * Fails on any visible tap target smaller than 44 × 44 px (48 × 48 in large type): links, buttons, form
 * fields, `<summary>`, and a check box or radio button by its label. A link inside a sentence of running
 * text is exempt (the sentence is what the finger aims at), as WCAG 2.5.5 allows.
 */
export async function expectTapTargets(page: Page) {
  const small = await page.evaluate(() => {
    const min = document.documentElement.classList.contains('large-type') ? 48 : 44;
    const found: string[] = [];
    const seen = new Set<Element>();
    const describe = (el: Element, r: DOMRect) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} "${(el.textContent ?? (el as HTMLInputElement).value ?? '').trim().slice(0, 24)}" ${Math.round(r.width)}×${Math.round(r.height)}`;
    const inSentence = (el: Element) => {
      const block = el.parentElement;
      if (!block || el.tagName !== 'A') return false;
      const own = (el.textContent ?? '').trim().length;
      const all = (block.textContent ?? '').trim().length;
      return getComputedStyle(el).display === 'inline' && all > own + 8;
    };
    for (const el of document.querySelectorAll('a[href], button, input, select, textarea, summary, [role="button"]')) {
      let target: Element = el;
      if (el instanceof HTMLInputElement) {
        if (el.type === 'hidden') continue;
        if (el.type === 'checkbox' || el.type === 'radio') target = el.closest('label') ?? el;
      }
      if (seen.has(target)) continue;
      seen.add(target);
      const style = getComputedStyle(target);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      const r = target.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (inSentence(target)) continue;
      // Half a pixel of rounding is not a finger's worth.
      if (r.width < min - 0.5 || r.height < min - 0.5) found.push(describe(target, r));
    }
    return found;
  });
  expect(small, `tap targets smaller than the minimum on ${page.url()}`).toEqual([]);
}

/**
 * Keeps a full-page screenshot of one step of a journey as a test artefact, numbered in order, in the
 * test's folder under `e2e/test-results/` (and attached to the test's report).
 */
export async function shot(page: Page, name: string) {
  const info = test.info();
  const n = info.attachments.filter((a) => a.contentType === 'image/png').length + 1;
  const path = info.outputPath(`${String(n).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await info.attach(name, { path, contentType: 'image/png' });
}
