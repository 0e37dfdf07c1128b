// The notice board's publication on phones: staff publish a financial disclosure with a 7-day publication
// period (公示期) in rich text, a resident objects, staff answer publicly, the resident reads the answer;
// a disclosure whose period is over reads as complete; the paper notice prints with its QR code; hostile
// rich text shows as text and runs nothing.
import { expect, test } from '@playwright/test';
import { NoticeBoard, expectAccessible, signedInPhone } from '../pages/pages';
import { RESIDENT_3, STAFF } from './demo';

test('a financial disclosure with a publication period: objection, public answer, print', async ({ browser }) => {
  const title = `幸福社区10月停车费收支公示 ${Date.now() % 100000}`;
  const staff = await signedInPhone(browser, STAFF.phone, STAFF.password);
  await staff.page.getByRole('link', { name: '发布公告' }).click();
  await staff.page.getByLabel('标题', { exact: true }).fill(title);
  await staff.page.getByLabel('正文').fill('## 收入\n- 停车费 **12,600** 元\n\n## 支出\n- 道闸维修 1,800 元');
  const audience = staff.page.getByLabel('发布范围');
  const whole = audience.locator('option', { hasText: '全社区' }).first();
  await audience.selectOption({ label: (await whole.textContent())!.trim() });
  await staff.page.getByLabel('公告类别').selectOption({ label: '财务公开' });
  await staff.page.getByLabel(/公示期/).fill('7');
  await expectAccessible(staff.page);
  await staff.page.getByRole('button', { name: '发布', exact: true }).click();
  await expect(staff.page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expect(staff.page.getByRole('heading', { name: '收入' })).toBeVisible();
  await expect(staff.page.locator('strong', { hasText: '12,600' })).toBeVisible();
  await expect(staff.page.getByText(/公示期至 .*期间可以提出异议/)).toBeVisible();

  // A resident finds it on the board and objects.
  const r3 = await signedInPhone(browser, RESIDENT_3.phone, RESIDENT_3.password);
  await new NoticeBoard(r3.page).notice(title).click();
  await expect(r3.page.getByText('财务公开').first()).toBeVisible();
  await r3.page.getByLabel('我有异议（请写明理由）').fill('道闸上个月刚换过，为什么又修？');
  await expectAccessible(r3.page);
  await r3.page.getByRole('button', { name: '提出异议' }).click();
  await expect(r3.page.getByText('道闸上个月刚换过，为什么又修？')).toBeVisible();

  // Staff answer publicly; the answer says whether the objection changes the decision.
  await staff.page.reload();
  await staff.page.getByLabel('答复（会公开显示）').fill('上月更换的是东门道闸，本月维修的是西门道闸，票据可到居委会查阅。');
  await staff.page.getByRole('button', { name: '答复', exact: true }).click();
  await expect(staff.page.getByText(/答复（异议不成立）：上月更换的是东门道闸/)).toBeVisible();
  await r3.page.reload();
  await expect(r3.page.getByText(/答复（异议不成立）：上月更换的是东门道闸/)).toBeVisible();

  // The paper notice, printed at the office for the board downstairs: full text, dates and a QR code to
  // the record. Residents' phones do not carry the printing screen.
  await expect(r3.page.getByRole('link', { name: '打印纸质公告' })).toHaveCount(0);
  await staff.page.getByRole('link', { name: '打印纸质公告' }).click();
  await expect(staff.page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expect(staff.page.getByRole('img', { name: '扫码查看网上公示、提出异议' })).toBeVisible();
  await expect(staff.page.getByText(/\/notices\/ntc_/)).toBeVisible();

  // A disclosure whose period ended, with its objection answered, reads as complete; no more objections.
  await r3.page.goto('/notices/archive');
  await r3.page.getByLabel('搜索公告（编号、标题、正文）').fill('公益金收支');
  await r3.page.getByRole('button', { name: '搜索' }).click();
  await r3.page.getByRole('link', { name: '2026年第三季度社区公益金收支公示' }).click();
  await expect(r3.page.getByText('公示期满，无有效异议')).toBeVisible();
  await expect(r3.page.getByRole('button', { name: '提出异议' })).toHaveCount(0);
  await expectAccessible(r3.page);

  for (const s of [staff, r3]) await s.context.close();
});

test('hostile rich text shows as text and runs nothing', async ({ browser }) => {
  const title = `格式测试 ${Date.now() % 100000}`;
  const staff = await signedInPhone(browser, STAFF.phone, STAFF.password);
  await staff.page.goto('/notices/new');
  await staff.page.getByLabel('标题', { exact: true }).fill(title);
  const hostile = [
    '## <script>window.__pwned = 1</script>标题',
    '<img src=x onerror="window.__pwned = 2">',
    '- [点我](javascript:window.__pwned=3)',
    '- [官网](https://example.org) 和 **<b onmouseover="window.__pwned=4">粗</b>**',
  ].join('\n');
  await staff.page.getByLabel('正文').fill(hostile);
  const audience = staff.page.getByLabel('发布范围');
  const option = audience.locator('option', { hasText: '3号楼' }).first();
  await audience.selectOption({ label: (await option.textContent())!.trim() });
  await staff.page.getByRole('button', { name: '发布', exact: true }).click();
  await expect(staff.page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  const url = staff.page.url();

  const r3 = await signedInPhone(browser, RESIDENT_3.phone, RESIDENT_3.password);
  await r3.page.goto(url);
  const body = r3.page.locator('.notice-body');
  await expect(body.getByRole('heading', { name: '<script>window.__pwned = 1</script>标题' })).toBeVisible();
  await expect(body.getByText('<img src=x onerror="window.__pwned = 2">')).toBeVisible();
  await expect(body.getByText('[点我](javascript:window.__pwned=3)')).toBeVisible();
  await expect(body.locator('a[href^="javascript"]')).toHaveCount(0);
  await expect(body.getByRole('link', { name: '官网' })).toHaveAttribute('href', 'https://example.org');
  await expect(body.locator('strong')).toHaveText('<b onmouseover="window.__pwned=4">粗</b>');
  await expect(body.locator('script, img, b')).toHaveCount(0);
  await body.locator('strong').hover();
  expect(await r3.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  for (const s of [staff, r3]) await s.context.close();
});
