// Forms that say what is wrong where the finger is, and the defects found with them: a resident waiting
// for confirmation reports a problem with her own places to choose from, meets an error that names the
// field she must fix, fixes it and sees what became of her report; plain words at a vote's form, its start
// chosen as a date and time; and the smaller defects each with the check that would have caught it.
import { expect, test } from '@playwright/test';
import { JoinPage, NoticeBoard, TerritoryPage, UnitPage, expectAccessible, expectTapTargets, shot, signedInPhone } from '../pages/pages';
import { ReportForm, expectOnScreen, fieldError } from '../pages/forms';
import { RESIDENT_3, RESIDENT_5, STAFF } from './demo';

test('a resident waiting for confirmation reports a problem, fixes the field named, and hears the result', async ({ browser }) => {
  const stamp = Date.now() % 100000;
  const building = `${stamp}号楼`;

  // Staff add a small building and send a code for 101 from a distance: who joins with it waits.
  const staff = await signedInPhone(browser, STAFF.phone, STAFF.password);
  const territory = new TerritoryPage(staff.page);
  await territory.open();
  await territory.addBuilding('阳光小区', building, { units: 1, floors: 1, doors: 2 });
  const item = territory.place(building);
  await expect(item).toContainText('2 户');
  await item.getByRole('link', { name: '住户' }).click();
  const code = await new UnitPage(staff.page).issueInvite('101');
  await staff.context.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  const join = new JoinPage(page);
  // A wrong code is told at once; her own names the flat it opens, and nobody's name.
  await join.open();
  await page.getByLabel('邀请码').fill('ZZZZ-ZZZZ');
  await expect(page.getByText('找不到这个邀请码，或者它已经用过了')).toBeVisible();
  await join.open(code);
  await expect(page.getByRole('status').filter({ hasText: `这个邀请码是 阳光小区 ${building} 1单元 101 的。` })).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'join-names-the-flat');
  await join.join({ name: `新居民${stamp}`, phone: `1371${String(stamp).padStart(7, '0')}`, passcode: '135790' });
  await new NoticeBoard(page).expectLoaded();
  await expect(page.getByText('您的居民身份正在等待社区确认')).toBeVisible();
  await shot(page, 'waiting-home');

  // Her places are offered though she waits, and she is told her report goes through all the same.
  const report = new ReportForm(page);
  await report.open();
  await expect(page.getByText('您的住户信息还在等社区确认。现在也可以反映问题')).toBeVisible();
  await expect(report.place(new RegExp(`我住的单元（阳光小区 ${building} 1单元）`))).toBeChecked();
  await expect(report.place(new RegExp(`我住的楼（阳光小区 ${building}）`))).toBeVisible();
  await expect(report.place(/的其他地方/)).toBeVisible();
  await expectAccessible(page);
  await expectTapTargets(page);
  await shot(page, 'report-form');

  // Sent empty, the form names what is missing in plain words, at the field, with the focus there.
  await report.submit();
  await expect(fieldError(page, '请填写遇到的问题。')).toBeVisible();
  await expect(report.description()).toBeFocused();
  await expect(report.description()).toHaveAttribute('aria-invalid', 'true');
  await shot(page, 'missing-problem');
  // Writing clears it at once.
  await report.description().fill(`${building}门口的路灯不亮，晚上看不清路。`);
  await expect(fieldError(page, '请填写遇到的问题。')).toHaveCount(0);
  await expect(report.description()).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: '路灯损坏' }).click();

  // "Elsewhere" needs the exact place: the error is on that field and names it, never a meeting's place.
  await report.place(/的其他地方/).check();
  await expect(page.getByText('选了“其他地方”，请写清楚在哪里')).toBeVisible();
  await report.submit();
  const missing = fieldError(page, '请填写具体位置。');
  await expect(missing).toBeVisible();
  await expect(page.getByText(/会议地点/)).toHaveCount(0);
  await expect(report.exactPlace()).toBeFocused();
  await expectOnScreen(page, missing);
  await expectAccessible(page);
  await shot(page, 'missing-exact-place');
  await report.exactPlace().fill('东门停车场入口');
  await expect(missing).toHaveCount(0);
  await shot(page, 'fixed');

  // Sent: the report opens, and what became of it is said near the bottom of the screen, announced.
  await report.submit();
  await expect(page.getByRole('heading', { name: '路灯损坏', level: 1 })).toBeVisible();
  const toast = page.getByRole('status').filter({ hasText: '已送出，安居物业公司会处理' });
  await expect(toast).toBeVisible();
  await expectOnScreen(page, toast);
  const box = await toast.boundingBox();
  expect(box!.y, 'the result is said in the lower half, where her thumb is').toBeGreaterThan(740 / 2);
  await shot(page, 'sent');
  await expect(page.getByText('东门停车场入口')).toBeVisible();
  await context.close();
});

test('the new-vote form names its own fields, clears an error once fixed, and opens now or at a chosen time', async ({ browser }) => {
  const staff = await signedInPhone(browser, STAFF.phone, STAFF.password);
  const page = staff.page;
  await page.goto('/votes/new');
  await expect(page.getByRole('heading', { name: '发起投票', level: 1 })).toBeVisible();
  await expect(page.getByRole('radio', { name: '现在开始' })).toBeChecked();
  await shot(page, 'new-vote');

  // No audience chosen: it asks to choose 投票范围, in the form's words, not 发布范围.
  await page.getByRole('button', { name: '发起', exact: true }).click();
  const scope = fieldError(page, '请选择投票范围。');
  await expect(scope).toBeVisible();
  await expect(page.getByText('请填写发布范围。')).toHaveCount(0);
  await expect(page.getByLabel('投票范围')).toBeFocused();
  await shot(page, 'missing-audience');
  await page.getByLabel('投票范围').selectOption({ index: 1 });
  await expect(scope).toHaveCount(0);

  // No question: it is named as the form names it, and goes once she types it.
  await page.getByRole('button', { name: '发起', exact: true }).click();
  const title = fieldError(page, '请填写投票事项。');
  await expect(title).toBeVisible();
  await expect(page.getByLabel('投票事项')).toBeFocused();
  await page.getByLabel('投票事项').fill('东门充电棚加装照明');
  await expect(title).toHaveCount(0);
  await expect(page.getByLabel('投票事项')).not.toHaveAttribute('aria-invalid', 'true');

  // A start chosen as a date and time, China time; one in the past is refused at the field.
  await page.getByRole('radio', { name: '定个时间开始' }).check();
  const starts = page.getByLabel('开始时间（北京时间）');
  await expect(starts).toHaveAttribute('type', 'datetime-local');
  await expect(starts).toHaveValue(/^\d{4}-\d\d-\d\dT\d\d:00$/);
  await starts.fill('2020-01-01T08:00');
  await page.getByRole('button', { name: '发起', exact: true }).click();
  await expect(fieldError(page, '开始时间')).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'start-in-the-past');
  await starts.fill('2030-01-01T08:00');
  await expect(fieldError(page, '开始时间')).toHaveCount(0);
  await staff.context.close();
});

test('a new meeting starts now or at a date and time she picks, never “hours from now”', async ({ browser }) => {
  const staff = await signedInPhone(browser, STAFF.phone, STAFF.password);
  const page = staff.page;
  const title = `3号楼停车位协商会 ${Date.now() % 100000}`;
  await page.goto('/meetings/new');
  await expect(page.getByRole('heading', { name: '召开议事会', level: 1 })).toBeVisible();
  await expect(page.getByText(/几小时后/)).toHaveCount(0);
  await expect(page.getByRole('radio', { name: '现在开始' })).toBeChecked();
  await page.getByLabel('会议名称').fill(title);
  await page.getByLabel('会议地点').fill('阳光小区党群服务站');
  const audience = page.getByLabel('会议范围');
  const option = audience.locator('option', { hasText: '3号楼' }).first();
  await audience.selectOption({ label: (await option.textContent())!.trim() });
  await page.getByLabel('议程（每行一个议题）').fill('地面停车位怎么分');

  // A time in China time, the next whole hour to begin with; one long past is refused at the field.
  await page.getByRole('radio', { name: '定个时间开始' }).check();
  const starts = page.getByLabel('开会时间（北京时间）');
  await expect(starts).toHaveAttribute('type', 'datetime-local');
  await expect(starts).toHaveValue(/^\d{4}-\d\d-\d\dT\d\d:00$/);
  await starts.fill('2020-01-01T19:30');
  await page.getByRole('button', { name: '召开', exact: true }).click();
  await expect(fieldError(page, '开会时间不能早于现在，也不能晚于半年以后。')).toBeVisible();
  await expect(starts).toBeFocused();
  await expectAccessible(page);
  await shot(page, 'meeting-start-in-the-past');

  // A week from now at half past seven in the evening: the meeting page says so.
  const day = new Date(Date.now() + 7 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
  await starts.fill(`${day}T19:30`);
  await expect(fieldError(page, '开会时间不能早于现在，也不能晚于半年以后。')).toHaveCount(0);
  await page.getByRole('button', { name: '召开', exact: true }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expect(page.getByText(`${day} 19:30`)).toBeVisible();
  await shot(page, 'meeting-called-for-a-time');
  await staff.context.close();
});

test('a resident sees no empty drafts tab, a notice’s publication dates, an adopted covenant without drafting comments, and no “answer by” a past date', async ({ browser }) => {
  const r3 = await signedInPhone(browser, RESIDENT_3.phone, RESIDENT_3.password);
  const page = r3.page;

  // Drafts and scheduled notices are for those who post.
  await page.goto('/notices/archive');
  await expect(page.getByRole('button', { name: '已归档' })).toBeVisible();
  await expect(page.getByRole('button', { name: '草稿和定时' })).toHaveCount(0);
  await shot(page, 'archive-tabs');

  // A notice with a publication period says when it runs.
  await page.goto('/notices/ntc_demo_07');
  await expect(page.getByRole('term').filter({ hasText: '公示期' })).toBeVisible();
  await expect(page.locator('.period-dates')).toHaveText(/^\d{4}-\d\d-\d\d \d\d:\d\d 至 \d{4}-\d\d-\d\d \d\d:\d\d$/);
  await shot(page, 'notice-period');

  await r3.context.close();

  // The adopted covenant's clause 2 reads alone; the drafting comment is kept apart, folded.
  const r5 = await signedInPhone(browser, RESIDENT_5.phone, RESIDENT_5.password);
  await r5.page.goto('/covenants/cov_demo_01');
  const clause2 = r5.page.locator('ol.clauses > li').nth(1);
  await expect(clause2).toContainText('电动车不进楼道');
  await expect(clause2).not.toContainText('充电棚晚上要有灯');
  const earlier = r5.page.locator('details.drafting-comments');
  await expect(earlier.locator('summary')).toHaveText('起草时收到的意见（1 条）');
  await earlier.locator('summary').click();
  await expect(earlier).toContainText('第 2 条：充电棚晚上要有灯');
  await expectAccessible(r5.page);
  await shot(r5.page, 'covenant');

  // A request resolved weeks ago: she is not asked to answer "by" a date already past.
  await r5.page.goto('/requests/req_demo_02');
  await expect(r5.page.getByRole('heading', { name: '问题解决了吗？' })).toBeVisible();
  await expect(r5.page.getByText(/确认时间（.*）已经过了/)).toBeVisible();
  await expect(r5.page.getByText(/请在 .* 前确认/)).toHaveCount(0);
  await shot(r5.page, 'confirm-lapsed');
  await r5.context.close();

  // Staff, who post, still have their drafts.
  const staff = await signedInPhone(browser, STAFF.phone, STAFF.password);
  await staff.page.goto('/notices/archive');
  await expect(staff.page.getByRole('button', { name: '草稿和定时' })).toBeVisible();
  await staff.context.close();
});
