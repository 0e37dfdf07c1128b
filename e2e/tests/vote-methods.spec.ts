// The other methods of the voting engine on phones, and what staff do around a vote: a ranked vote with
// a paper ballot entered for an elderly resident without a phone, the register and the downloads; a
// participatory budget; a proxy given by phone number before a vote opens; floor areas and years of birth.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signedInPhone } from '../pages/pages';
import { ELDER, RESIDENT_3, RESIDENT_5, STAFF } from './demo';

async function chooseAudience(page: Page, place: string) {
  const audience = page.getByLabel('投票范围');
  const option = audience.locator('option', { hasText: place }).first();
  await audience.selectOption({ label: (await option.textContent())!.trim() });
}

test('residents rank canteen suppliers; staff enter a paper ballot; the runoff picks one', async ({ browser }) => {
  const title = `老年食堂供应商排序 ${Date.now() % 100000}`;
  const staff = await signedInPhone(browser, STAFF.phone, STAFF.password);
  await staff.page.goto('/votes/new');
  await staff.page.getByLabel('投票事项').fill(title);
  await staff.page.getByLabel('投票方式').selectOption({ label: '排序投票（逐轮淘汰）' });
  await staff.page.getByLabel('选项（每行一个）').fill('幸福餐厅\n阳光厨房\n邻里食堂');
  await chooseAudience(staff.page, '3号楼');
  await expectAccessible(staff.page);
  await staff.page.getByRole('button', { name: '发起' }).click();
  await expect(staff.page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  const voteUrl = staff.page.url();

  // The resident taps her favourite first, then her second choice.
  const r3 = await signedInPhone(browser, RESIDENT_3.phone, RESIDENT_3.password);
  await r3.page.getByRole('region', { name: '待我投票' }).getByRole('link', { name: title }).click();
  await expect(r3.page.getByText('按您喜欢的顺序依次点选项')).toBeVisible();
  await r3.page.getByRole('button', { name: /阳光厨房/ }).click();
  await r3.page.getByRole('button', { name: /幸福餐厅/ }).click();
  await expect(r3.page.getByRole('button', { name: /第1 阳光厨房/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(r3.page.getByRole('button', { name: /第2 幸福餐厅/ })).toBeVisible();
  await expect(r3.page.getByRole('button', { name: /邻里食堂/ })).toHaveAttribute('aria-pressed', 'false');
  await expectAccessible(r3.page);
  await r3.page.getByRole('button', { name: '投这一票' }).click();
  await expect(r3.page.getByText(/您的回执：[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/)).toBeVisible();

  // Staff see who voted, and enter the paper ballot of the elderly resident who has no phone.
  await staff.page.reload();
  const register = staff.page.getByRole('region', { name: '投票人名单' });
  await expect(register.getByRole('listitem').filter({ hasText: '杜国强' }).getByText('已投')).toBeVisible();
  await expect(register.getByRole('listitem').filter({ hasText: ELDER }).getByText('未投')).toBeVisible();
  const voter = staff.page.getByLabel('投票人', { exact: true });
  const elder = voter.locator('option', { hasText: ELDER }).first();
  await voter.selectOption({ label: (await elder.textContent())!.trim() });
  await staff.page.getByLabel('投票方式').selectOption({ label: '纸质票' });
  await staff.page.getByRole('button', { name: /邻里食堂/ }).click();
  await expectAccessible(staff.page);
  await staff.page.getByRole('button', { name: '投这一票' }).click();
  await expect(staff.page.getByText(/已录入。回执：/)).toBeVisible();
  await expect(register.getByRole('listitem').filter({ hasText: ELDER }).getByText('已投')).toBeVisible();

  await staff.page.getByRole('button', { name: '结束投票' }).click();
  await expect(staff.page.getByText('投票已结束')).toBeVisible();
  const rounds = staff.page.getByRole('table', { name: '各轮票数' });
  await expect(rounds).toBeVisible();
  await expect(staff.page.getByText(/^当选：/)).toBeVisible();
  await expectAccessible(staff.page);

  // The result and the ballot list download as files anyone can open and recount.
  const downloads = staff.page.getByRole('region', { name: '下载' });
  const resultCsv = await downloads.getByRole('link', { name: '结果（表格 CSV）' }).getAttribute('href');
  const csv = await staff.page.request.get(resultCsv!);
  expect(csv.headers()['content-type']).toContain('text/csv');
  const text = await csv.text();
  expect(text).toContain('选项,第1轮');
  expect(text).toContain('实投,2');
  const listHref = await downloads.getByRole('link', { name: /投票清单（JSON/ }).getAttribute('href');
  const list = await (await staff.page.request.get(listHref!)).json();
  expect(list.ballots).toHaveLength(2);
  expect(list.ballots.map((b: { channel: string }) => b.channel).sort()).toEqual(['online', 'paper']);

  await r3.page.goto(voteUrl);
  await expect(r3.page.getByRole('heading', { name: '投票结果' })).toBeVisible();
  await expect(r3.page.getByRole('table', { name: '各轮票数' })).toBeVisible();
  for (const s of [staff, r3]) await s.context.close();
});

test('households choose projects within a budget, and the most chosen are funded', async ({ browser }) => {
  const title = `5号楼微实事项目 ${Date.now() % 100000}`;
  const staff = await signedInPhone(browser, STAFF.phone, STAFF.password);
  await staff.page.goto('/votes/new');
  await staff.page.getByLabel('投票事项').fill(title);
  await staff.page.getByLabel('投票方式').selectOption({ label: '自己搭配一组不超预算的项目' });
  await staff.page.getByLabel('项目（每行一个：名称，费用）').fill('楼道照明，3000\n健身器材，8000\n长椅，2000');
  await staff.page.getByLabel('总预算（元）').fill('10000');
  await chooseAudience(staff.page, '5号楼');
  await staff.page.getByLabel('谁来投票').selectOption({ label: '一户一票，家里谁先投算谁的' });
  await expectAccessible(staff.page);
  await staff.page.getByRole('button', { name: '发起' }).click();
  await expect(staff.page.getByRole('heading', { name: title, level: 1 })).toBeVisible();

  const r5 = await signedInPhone(browser, RESIDENT_5.phone, RESIDENT_5.password);
  await r5.page.getByRole('region', { name: '待我投票' }).getByRole('link', { name: title }).click();
  await expect(r5.page.getByText('您家的票（一户一票）')).toBeVisible();
  await r5.page.getByRole('checkbox', { name: /楼道照明/ }).check();
  await r5.page.getByRole('checkbox', { name: /健身器材/ }).check();
  await expect(r5.page.getByText('已选 11000 元，预算 10000 元')).toBeVisible();
  await r5.page.getByRole('button', { name: '投这一票' }).click();
  await expect(r5.page.getByRole('alert')).toHaveText('所选项目的总费用超过了预算，请少选一些。');
  await r5.page.getByRole('checkbox', { name: /健身器材/ }).uncheck();
  await r5.page.getByRole('checkbox', { name: /长椅/ }).check();
  await expect(r5.page.getByText('已选 5000 元，预算 10000 元')).toBeVisible();
  await expectAccessible(r5.page);
  await r5.page.getByRole('button', { name: '投这一票' }).click();
  await expect(r5.page.getByText(/您的回执：/)).toBeVisible();

  await staff.page.reload();
  await staff.page.getByRole('button', { name: '结束投票' }).click();
  await expect(staff.page.getByText('获得资助（共 5000 元）：楼道照明、长椅')).toBeVisible();
  await expect(staff.page.getByText('健身器材 · 0 票')).toBeVisible();
  for (const s of [staff, r5]) await s.context.close();
});

test('before a vote opens, a resident asks a neighbour to vote for her by phone number', async ({ browser }) => {
  const title = `3号楼停车位分配方案 ${Date.now() % 100000}`;
  const staff = await signedInPhone(browser, STAFF.phone, STAFF.password);
  await staff.page.goto('/votes/new');
  await staff.page.getByLabel('投票事项').fill(title);
  await chooseAudience(staff.page, '3号楼');
  // It opens at a set time (the default: the next whole hour at least an hour away).
  await staff.page.getByRole('radio', { name: '定个时间开始' }).check();
  await expect(staff.page.getByLabel('开始时间（北京时间）')).not.toHaveValue('');
  await staff.page.getByLabel(/每人最多接受几份委托/).fill('1');
  await staff.page.getByRole('button', { name: '发起' }).click();
  await expect(staff.page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expect(staff.page.getByText('投票还没开始')).toBeVisible();
  const voteUrl = staff.page.url();

  const r3 = await signedInPhone(browser, RESIDENT_3.phone, RESIDENT_3.password);
  await r3.page.goto(voteUrl);
  const proxy = r3.page.getByRole('region', { name: '委托邻居代投' });
  await expect(proxy).toBeVisible();
  await proxy.getByLabel('受托邻居的手机号').fill('139 0051 1011');
  await proxy.getByRole('button', { name: '委托', exact: true }).click();
  await expect(proxy.getByRole('alert')).toHaveText('这个手机号的主人不在这次投票的投票人名单里，不能受托。');
  await proxy.getByLabel('受托邻居的手机号').fill('13900311021');
  await expectAccessible(r3.page);
  await proxy.getByRole('button', { name: '委托', exact: true }).click();
  await expect(proxy.getByText(/已委托余.*代您投票。/)).toBeVisible();
  await r3.page.reload();
  await expect(r3.page.getByText('您已委托邻居代您投票。')).toBeVisible();
  await expect(r3.page.getByRole('region', { name: '委托邻居代投' })).toHaveCount(0);
  for (const s of [staff, r3]) await s.context.close();
});

test('staff record a resident year of birth and a household floor area', async ({ browser }) => {
  const staff = await signedInPhone(browser, STAFF.phone, STAFF.password);
  await staff.page.goto('/admin/members');
  await staff.page.getByRole('checkbox', { name: '只看待认证的居民' }).uncheck();
  await staff.page.getByLabel(/搜索/).fill(ELDER);
  await staff.page.getByRole('search').getByRole('button').click();
  await staff.page.getByRole('link', { name: new RegExp(ELDER) }).first().click();
  await expect(staff.page.getByRole('heading', { name: ELDER, level: 1 })).toBeVisible();
  const birth = staff.page.getByRole('region', { name: '出生年份' });
  await birth.getByRole('textbox', { name: '出生年份' }).fill('1850');
  await birth.getByRole('button', { name: '保存' }).click();
  await expect(staff.page.getByRole('alert')).toContainText('出生年份');
  await birth.getByRole('textbox', { name: '出生年份' }).fill('1946');
  await birth.getByRole('button', { name: '保存' }).click();
  await expect(birth.getByRole('status')).toHaveText('已保存。');
  await expectAccessible(staff.page);
  await staff.page.reload();
  await expect(staff.page.getByRole('region', { name: '出生年份' }).getByRole('textbox', { name: '出生年份' })).toHaveValue('1946');

  // The floor area of 何桂英's home, 3号楼 1单元 201, for votes by a double majority.
  await staff.page.goto('/admin/units/unt_03_1');
  const door = staff.page.getByRole('listitem').filter({ has: staff.page.getByRole('heading', { name: '门牌 201' }) });
  await door.getByLabel('建筑面积（平方米）').fill('八十');
  await door.getByRole('button', { name: '保存' }).click();
  await expect(door.getByRole('alert')).toContainText('建筑面积');
  await door.getByLabel('建筑面积（平方米）').fill('86.5');
  await door.getByRole('button', { name: '保存' }).click();
  await expect(door.getByRole('status')).toHaveText('已保存。');
  await expectAccessible(staff.page);
  await staff.page.reload();
  const saved = staff.page.getByRole('listitem').filter({ has: staff.page.getByRole('heading', { name: '门牌 201' }) });
  await expect(saved.getByLabel('建筑面积（平方米）')).toHaveValue('86.5');
  await staff.context.close();
});
