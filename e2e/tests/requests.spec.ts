// Residents' requests (民生诉求) on phones: a resident of 3号楼 reports a broken light (the app suggests
// the kind from her words and shows who will handle it and by when), a member of her household finds it
// among nearby requests and joins it instead of reporting again, the property company's repairman
// accepts and resolves it, and the resident confirms and rates it. Then staff run the scheduled job on
// the demo's overdue request, see it escalated, and read the figures.
import { expect, test } from '@playwright/test';
import { expectAccessible, signedInPhone } from '../pages/pages';
import { ELDER, GRID_WORKER, RESIDENT_3, STAFF, STREET_ADMIN } from './demo';

/** Lives with 杜国强 in 3号楼 1单元 101. */
const NEIGHBOUR = { phone: '13900311012', password: '123456' };
/** 王建军 of 安居物业公司, the unit that handles broken lights. */
const REPAIRMAN = { phone: '13800000021', password: 'yishi2026' };

test('a resident reports a broken light, the property company fixes it, and she rates it', async ({ browser }) => {
  test.setTimeout(120_000);
  const where = `东门第${Date.now() % 1000}根灯杆`;

  // The resident, from the home screen.
  const r3 = await signedInPhone(browser, RESIDENT_3.phone, RESIDENT_3.password);
  await r3.page.getByRole('link', { name: '我要反映' }).click();
  await expect(r3.page.getByRole('heading', { name: '反映问题', level: 1 })).toBeVisible();
  await expectAccessible(r3.page);
  await r3.page.getByLabel('遇到了什么问题？').fill('3号楼东门的路灯晚上不亮，老人出门看不清路。');
  // The kind is suggested from her words; choosing it shows who handles it, within what time.
  await r3.page.getByRole('button', { name: '路灯损坏' }).click();
  await expect(r3.page.getByLabel('问题类别', { exact: true })).toHaveValue('sub_light');
  await expect(r3.page.getByText('由安居物业公司办理，时限 3 个工作日')).toBeVisible();
  await expect(r3.page.getByRole('radio', { name: /我住的单元/ })).toBeChecked();
  await r3.page.getByLabel('具体位置', { exact: true }).fill(where);
  await r3.page.getByLabel(/允许办理单位看到我的姓名/).check();
  await r3.page.getByRole('button', { name: '提交' }).click();
  await expect(r3.page.getByRole('heading', { name: '路灯损坏', level: 1 })).toBeVisible();
  await expect(r3.page.getByText('已受理登记')).toBeVisible();
  await expect(r3.page.getByText('责任单位：安居物业公司')).toBeVisible();
  await expect(r3.page.getByText(/^办理期限：/)).toBeVisible();
  await expect(r3.page.getByText(where)).toBeVisible();
  const requestUrl = r3.page.url();

  // A member of her household sees it nearby and joins it (并案) instead of reporting again.
  const neighbour = await signedInPhone(browser, NEIGHBOUR.phone, NEIGHBOUR.password);
  await neighbour.page.goto('/requests/new');
  await neighbour.page.getByLabel('遇到了什么问题？').fill('楼下黑乎乎的');
  // She looks the kind up herself.
  await neighbour.page.getByLabel('查找问题类别').fill('路灯');
  await neighbour.page.getByRole('button', { name: '路灯损坏' }).click();
  await expect(neighbour.page.getByRole('heading', { name: '附近已有人反映了同样的问题' })).toBeVisible();
  await neighbour.page.getByRole('button', { name: '这也是我的问题' }).first().click();
  await expect(neighbour.page).toHaveURL(/\/requests\/req_/);
  await expect(neighbour.page.getByRole('heading', { name: '路灯损坏', level: 1 })).toBeVisible();
  await expect(neighbour.page.getByText('邻居也反映了这个问题')).toBeVisible();

  // The repairman finds it in his unit's list and handles it.
  const fixer = await signedInPhone(browser, REPAIRMAN.phone, REPAIRMAN.password);
  await fixer.page.goto('/requests');
  await fixer.page.getByRole('button', { name: '待我处理' }).click();
  await fixer.page.getByText(where).first().waitFor();
  await fixer.page.goto(requestUrl);
  await expect(fixer.page.getByText('反映人：杜国强')).toBeVisible();
  await fixer.page.getByRole('button', { name: '接单' }).click();
  await expect(fixer.page.locator('.badge').getByText('已接单')).toBeVisible();
  await fixer.page.getByRole('button', { name: '开始办理' }).click();
  await expect(fixer.page.locator('.badge').getByText('办理中')).toBeVisible();
  await fixer.page.getByLabel('办理结果（居民能看到）').fill('更换了灯泡和镇流器，已经亮了。');
  await fixer.page.getByRole('button', { name: '办结' }).click();
  await expect(fixer.page.locator('.badge').getByText('已办结，待您确认')).toBeVisible();

  // The resident confirms and rates it.
  await r3.page.reload();
  await expect(r3.page.getByRole('heading', { name: '问题解决了吗？' })).toBeVisible();
  await expect(r3.page.getByText('更换了灯泡和镇流器，已经亮了。')).toBeVisible();
  await r3.page.getByRole('radio', { name: '已解决' }).check();
  await r3.page.getByRole('radio', { name: '5 星' }).check();
  await r3.page.getByLabel('说几句（可选）').fill('第二天就修好了，谢谢王师傅。');
  await r3.page.getByRole('button', { name: '提交评价' }).click();
  await expect(r3.page.locator('.badge').getByText('已完结')).toBeVisible();
  await expect(r3.page.getByRole('heading', { name: '居民评价' })).toBeVisible();
  await expect(r3.page.getByText('★★★★★')).toBeVisible();
  // The record: who did what, and when.
  const record = r3.page.locator('ol.timeline');
  for (const step of ['诉求登记，转交', '单位接单', '开始办理', '办结', '居民确认已解决']) {
    await expect(record.getByText(step, { exact: true })).toBeVisible();
  }
  await expect(record.getByText(/王建军 · /).first()).toBeVisible();
  for (const p of [r3, neighbour, fixer]) await p.context.close();
});

test('an overdue request is escalated by the scheduled job, and staff read the figures', async ({ browser }) => {
  const staff = await signedInPhone(browser, STAFF.phone, STAFF.password);
  const page = staff.page;
  // The demo's 6号楼 hallway request was due on 19 November and is still open.
  await page.goto('/requests');
  await page.getByRole('button', { name: '全部诉求' }).click();
  await page.getByLabel('按状态查看').selectOption({ label: '已超期' });
  const item = page.locator('li.request-item').filter({ hasText: '楼道堆物' });
  await expect(item.getByText('已超期')).toBeVisible();
  // The Cron Trigger, run by hand as `wrangler dev --test-scheduled` allows.
  const ran = await page.request.get('/__scheduled?cron=*/10+*+*+*+*');
  expect(ran.ok()).toBe(true);
  await page.getByLabel('按状态查看').selectOption({ label: '已升级督办' });
  await expect(item.getByText('已升级至区督办')).toBeVisible();
  await item.getByRole('link').click();
  await expect(page.getByRole('heading', { name: '楼道堆物', level: 1 })).toBeVisible();
  const record = page.locator('ol.timeline');
  await expect(record.getByText('已升级至区督办')).toBeVisible();
  await expect(record.getByText(/^系统 · /)).toBeVisible();

  // Figures for November: three requests, two completed.
  await page.goto('/requests/figures');
  await page.getByLabel('从').fill('2026-11-01');
  await page.getByLabel('到').fill('2026-11-30');
  const received = page.locator('dl.figures > div').filter({ hasText: '受理数' });
  await expect(received.locator('dd')).toHaveText('3');
  await expect(page.locator('dl.figures > div').filter({ hasText: '办结率' }).locator('dd')).toHaveText('66.7%');
  await expect(page.getByRole('row', { name: /安居物业公司/ })).toBeVisible();
  await expectAccessible(page);

  // The catalogue: each kind with its unit and time limit. It is the district's: community staff read
  // it and keep their own units, the street admin edits the kinds.
  await page.goto('/requests/catalogue');
  await expect(page.getByRole('heading', { name: '诉求目录', level: 1 })).toBeVisible();
  await expect(page.getByText('由安居物业公司办理，时限 3 个工作日').first()).toBeVisible();
  await expect(page.getByText('由燃气公司办理，时限 2 小时')).toBeVisible();
  await expect(page.getByRole('button', { name: '修改“燃气泄漏”' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '添加单位' })).toBeVisible();
  await staff.context.close();
  // The street admin edits a kind: gas leaks within one hour.
  const admin = await signedInPhone(browser, STREET_ADMIN.phone, STREET_ADMIN.password);
  await admin.page.goto('/requests/catalogue');
  await admin.page.getByRole('button', { name: '修改“燃气泄漏”' }).click();
  await expect(admin.page.getByRole('heading', { name: '修改问题类别' })).toBeVisible();
  await expect(admin.page.getByLabel('问题类别', { exact: true })).toHaveValue('燃气泄漏');
  await admin.page.getByRole('spinbutton', { name: '办理时限' }).fill('1');
  await admin.page.getByRole('button', { name: '保存修改' }).click();
  await expect(admin.page.getByText('由燃气公司办理，时限 1 小时')).toBeVisible();
  await expectAccessible(admin.page);
  await admin.context.close();
});

test('a grid worker registers a request for an elderly resident without a phone', async ({ browser }) => {
  const grid = await signedInPhone(browser, GRID_WORKER.phone, GRID_WORKER.password);
  const page = grid.page;
  await page.goto('/requests/new');
  // She has no home here: the form is for registering a visit or a call.
  await expect(page.getByLabel('代居民登记（电话或来访）')).toBeChecked();
  await page.getByLabel('反映人姓名').fill(ELDER);
  await page.getByLabel('来源').selectOption({ label: '来访' });
  await page.getByLabel('问题在哪里').selectOption({ label: '阳光小区 3号楼' });
  await page.getByLabel('遇到了什么问题？').fill('何阿姨说1单元门禁刷卡没反应，进不了门。');
  await page.getByRole('button', { name: '单元门禁损坏' }).click();
  await page.getByRole('button', { name: '提交' }).click();
  await expect(page.getByRole('heading', { name: '单元门禁损坏', level: 1 })).toBeVisible();
  await expect(page.getByText(`反映人：${ELDER}`)).toBeVisible();
  await expect(page.getByText('责任单位：安居物业公司')).toBeVisible();
  await grid.context.close();
});
