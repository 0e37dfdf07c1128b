// Staff clearing what waits for them, on a 360 px phone in Chinese: 刘晓梅 of the community office signs
// in and lands on the home screen, whose first card counts her unit's open requests (the office hub has
// it too); one tap takes her to them, the overdue one (6号楼 楼道堆物, due in November) first and counts
// on the tabs; she opens it, then merges a resident's duplicate into it by its short number,
// finds a request by typing its number, reads the audit log as sentences, and reads the figures as cards.
// Notices carry their short numbers too (公告 #7 on the card, the page and the paper version), and the
// matters list finds a matter by the number she types.
import { expect, test } from '@playwright/test';
import { expectAccessible, expectTapTargets, shot, signedInPhone } from '../pages/pages';
import { expectOnFirstScreen } from '../pages/nav';
import { MattersList, RequestRecord, RequestsList, expectNoSidewaysScroll } from '../pages/staff';
import { RESIDENT_5, STAFF } from './demo';

test('staff land on what waits for them, merge a duplicate by its number, and read the log and figures', async ({ browser }) => {
  test.setTimeout(180_000);
  const words = `6号楼2单元楼道的纸箱还堆着，没人清（${Date.now() % 10000}）`;

  // A resident of 和谐小区 reports the same hallway again instead of joining the open request.
  const resident = await signedInPhone(browser, RESIDENT_5.phone, RESIDENT_5.password);
  await resident.page.goto('/requests/new');
  await resident.page.getByLabel('遇到了什么问题？').fill(words);
  await resident.page.getByRole('button', { name: '楼道堆物' }).click();
  await resident.page.getByRole('button', { name: '提交' }).click();
  await expect(resident.page.getByRole('heading', { name: '楼道堆物', level: 1 })).toBeVisible();
  const duplicate = await new RequestRecord(resident.page).number();
  expect(duplicate).toMatch(/^#\d+$/);
  // Her own list shows the number too.
  await resident.page.goto('/requests');
  await expect(resident.page.getByRole('button', { name: /我的诉求/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(resident.page.locator('li.request-item').filter({ hasText: words }).getByText(duplicate, { exact: true })).toBeVisible();
  await resident.context.close();

  // Staff sign in and open the requests: her unit's list, open ones, the overdue first.
  const staff = await signedInPhone(browser, STAFF.phone, STAFF.password);
  const page = staff.page;
  await shot(page, 'staff-signed-in');
  const list = new RequestsList(page);
  // Where she lands, what waits for her is first: one tap to her queue, with its counts.
  const queue = page.getByRole('region', { name: '待我处理的诉求' });
  await expect(queue.getByRole('link')).toHaveText(/^\d+ 件未办结\s*\d+ 件超期$/);
  await expectOnFirstScreen(page, queue.getByRole('link'), true);
  // The office hub leads with it too, beside the link to the whole queue.
  await page.getByRole('link', { name: '办公', exact: true }).click();
  await expect(page.getByRole('heading', { name: '社区管理', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: '待我处理的诉求' }).getByRole('link')).toHaveAttribute('href', '/requests');
  await expect(page.getByRole('link', { name: '诉求办理' })).toHaveAttribute('href', '/requests');
  await shot(page, 'office-hub');
  await expectAccessible(page);
  await page.goBack();
  await queue.getByRole('link').click();
  await expect(page.getByRole('heading', { name: '民生诉求', level: 1 })).toBeVisible();
  await expect(list.tab('待我处理')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByLabel('按状态查看')).toHaveValue('open');
  await expect(list.tab('待我处理').locator('.tab-overdue')).toHaveText(/^\d+ 件超期$/);
  await expect(list.tab('待我处理').locator('.tab-count')).toHaveText(/^\d+$/);
  await expect(page.getByText('未办结的诉求，超期的排在最前。')).toBeVisible();
  const first = list.items().first();
  await expect(first).toContainText('楼道堆物');
  await expect(first).toContainText('6号楼2单元三楼楼道堆满纸箱');
  await expect(first.getByText('已超期')).toBeVisible();
  await expect(first.locator('.record-number')).toHaveText('#3');
  await shot(page, 'lands-on-what-waits');
  await expectAccessible(page);
  await expectTapTargets(page);

  // She opens the overdue request: its number is under the title.
  await first.getByRole('link').click();
  await expect(page.getByRole('heading', { name: '楼道堆物', level: 1 })).toBeVisible();
  const record = new RequestRecord(page);
  expect(await record.number()).toBe('#3');
  await shot(page, 'overdue-request');
  await expectAccessible(page);
  await expectTapTargets(page);

  // The resident's duplicate is on the list; she opens it and merges it into #3 by its number.
  await list.open();
  await list.items().filter({ hasText: words }).getByRole('link').click();
  await expect(page.getByRole('heading', { name: '楼道堆物', level: 1 })).toBeVisible();
  expect(await record.number()).toBe(duplicate);
  await expect(page.getByText(/填另一件诉求的编号/)).toBeVisible();
  // A number that is not a request of hers is refused, in words.
  await record.mergeInto('#99999', '同一处楼道堆物');
  await expect(page.getByRole('alert').filter({ hasText: '本社区没有这个编号的另一件诉求' }).first()).toBeVisible();
  await shot(page, 'merge-wrong-number');
  await record.mergeInto('3', '同一处楼道堆物，已并入 #3');
  await expect(page.locator('.badge').getByText('已并案')).toBeVisible();
  await expect(page.getByRole('link', { name: '已并入诉求 #3，请在那里查看进展' })).toBeVisible();
  await shot(page, 'merged-by-number');
  await expectAccessible(page);
  await expectTapTargets(page);
  await page.getByRole('link', { name: '已并入诉求 #3，请在那里查看进展' }).click();
  await expect(page.locator('ol.timeline')).toContainText(duplicate);

  // She finds a request by typing its number, as a caller would say it.
  await list.open();
  await list.find('＃３');
  await expect(list.items()).toHaveCount(1);
  await expect(list.items().first().locator('.record-number')).toHaveText('#3');
  await shot(page, 'found-by-number');
  await expectAccessible(page);
  await expectTapTargets(page);
  await list.find(duplicate.slice(1));
  await expect(list.items()).toHaveCount(1);
  await expect(list.items().first()).toContainText(words);

  // The audit log reads as sentences: who did what, to which request; no raw codes.
  await page.goto('/admin/audit');
  await expect(page.getByRole('heading', { name: '操作日志', level: 1 })).toBeVisible();
  await expect(page.getByText(`刘晓梅 合并重复诉求 — ${duplicate} 楼道堆物`)).toBeVisible();
  await expect(page.getByText('request.merge')).toHaveCount(0);
  await expect(page.locator('.audit-sentence').getByText(/[a-z]+\.[a-z_]+/)).toHaveCount(0);
  await shot(page, 'audit-log-sentences');
  await expectAccessible(page);
  await expectTapTargets(page);

  // The figures on the phone: each unit a card, nothing scrolls sideways.
  await page.goto('/requests/figures');
  await page.getByLabel('从').fill('2026-11-01');
  await page.getByLabel('到').fill('2026-12-31');
  const row = page.getByRole('row', { name: /安居物业公司/ }).first();
  await expect(row).toBeVisible();
  await expect(page.locator('table.figures-table td[data-label="办结率"]').first()).toBeVisible();
  await expectNoSidewaysScroll(page);
  await shot(page, 'figures-as-cards');
  await expectAccessible(page);
  await expectTapTargets(page);
  await staff.context.close();
});

test('a notice shows its number, and typing a number into the matters search finds that matter', async ({ browser }) => {
  test.setTimeout(120_000);
  const staff = await signedInPhone(browser, STAFF.phone, STAFF.password);
  const page = staff.page;

  // 幸福社区居民议事会召开通知 is the community's seventh notice (the demo numbers them as published).
  const title = '幸福社区居民议事会召开通知';
  await page.goto('/notices/archive');
  await page.getByLabel('搜索公告（编号、标题、正文）').fill('公告 #7');
  await page.getByRole('button', { name: '搜索', exact: true }).click();
  const card = page.locator('article.notice-card');
  await expect(card).toHaveCount(1);
  await expect(card.locator('.record-number')).toHaveText('#7');
  // The number stands beside the link, which still reads as the title alone.
  await expect(card.getByRole('link', { name: title, exact: true })).toBeVisible();
  await shot(page, 'notice-found-by-number');
  await expectAccessible(page);
  await expectTapTargets(page);
  await card.getByRole('link', { name: title, exact: true }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expect(page.locator('p.record-number')).toHaveText('公告 #7');
  // Small and quiet: smaller than the text around it, not bold.
  const look = await page.locator('p.record-number').evaluate((el) => {
    const own = getComputedStyle(el);
    const body = getComputedStyle(document.body);
    return { size: parseFloat(own.fontSize), body: parseFloat(body.fontSize), weight: Number(own.fontWeight) };
  });
  expect(look.size).toBeLessThan(look.body);
  expect(look.weight).toBeLessThan(600);
  await shot(page, 'notice-number');

  // And on paper, for the board downstairs.
  await page.goto(`${new URL(page.url()).pathname}/print`);
  await expect(page.locator('.print-sheet .print-kind')).toContainText('公告 #7');

  // The matters list: she types a matter's number as a resident would say it.
  const matters = new MattersList(page);
  await matters.open();
  await matters.find('议题 #3');
  await expect(matters.cards()).toHaveCount(1);
  await expect(matters.cards().first().locator('.record-number')).toHaveText('#3');
  await expect(matters.cards().first()).toContainText('电动车充电棚加装监控');
  await expect(page.getByRole('button', { name: '全部', exact: true })).toHaveAttribute('aria-pressed', 'false');
  await shot(page, 'matter-found-by-number');
  await expectAccessible(page);
  await expectTapTargets(page);
  // Full-width digits from a Chinese keyboard, and words of the title, find it too.
  await matters.find('＃３');
  await expect(matters.cards()).toHaveCount(1);
  await expect(matters.cards().first()).toContainText('电动车充电棚加装监控');
  await matters.find('充电棚');
  await expect(matters.cards().filter({ hasText: '电动车充电棚加装监控' })).toHaveCount(1);
  // A number that names no matter says so.
  await matters.find('#99999');
  await expect(matters.cards()).toHaveCount(0);
  await expect(page.getByText('没有找到这个编号或标题的事项。')).toBeVisible();
  // Clearing the search brings the whole list back.
  await page.getByRole('button', { name: '清除查找' }).click();
  await expect(page.getByRole('button', { name: '全部', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(matters.cards().first()).toBeVisible();
  await expect(page.getByLabel('按编号或标题查找')).toHaveValue('');
  await staff.context.close();
});
