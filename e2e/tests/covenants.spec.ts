// A covenant (一事一约) on phones: staff draft one for 3号楼, a resident comments on a clause, staff put it
// to a household vote that the neighbours adopt, households sign online and one on paper, and the
// coverage of the building is shown.
import { expect, test } from '@playwright/test';
import { expectAccessible, signedInPhone } from '../pages/pages';
import { RESIDENT_3, STAFF } from './demo';

/** 余杰, the building head of 3号楼 (1单元 102). */
const HEAD = { phone: '13900311021', password: '123456' };

test('a covenant is drafted, adopted by vote and signed by households, with coverage shown', async ({ browser }) => {
  test.setTimeout(120_000);
  const title = `3号楼楼道公约 ${Date.now() % 100000}`;
  const staff = await signedInPhone(browser, STAFF.phone, STAFF.password);
  await staff.page.goto('/covenants/new');
  await staff.page.getByLabel('标题', { exact: true }).fill(title);
  const scope = staff.page.getByLabel('发布范围');
  const option = scope.locator('option', { hasText: '3号楼' }).first();
  await scope.selectOption({ label: (await option.textContent())!.trim() });
  await staff.page.getByLabel('条款（每行一条）').fill('楼道内不堆放杂物\n电动车不进楼道充电\n垃圾按时分类投放');
  await expectAccessible(staff.page);
  await staff.page.getByRole('button', { name: '起草公约' }).click();
  await expect(staff.page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expect(staff.page.getByRole('heading', { name: '第 1 版 · 征求意见中' })).toBeVisible();
  const url = staff.page.url();

  // A resident comments on the second clause.
  const r3 = await signedInPhone(browser, RESIDENT_3.phone, RESIDENT_3.password);
  await r3.page.goto('/covenants');
  await r3.page.getByRole('link', { name: title }).click();
  await r3.page.getByLabel('对哪一条提意见').selectOption({ label: '第 2 条' });
  await r3.page.getByLabel('我的意见').fill('楼下能不能先装几个充电桩？');
  await r3.page.getByRole('button', { name: '提意见' }).click();
  await expect(r3.page.getByText('楼下能不能先装几个充电桩？')).toBeVisible();
  await expectAccessible(r3.page);

  // Staff put it to a vote of the households; two households vote for it.
  await staff.page.reload();
  await staff.page.getByRole('button', { name: '提交居民投票' }).click();
  await expect(staff.page.getByRole('heading', { name: '第 1 版 · 投票中' })).toBeVisible();
  const head = await signedInPhone(browser, HEAD.phone, HEAD.password);
  for (const s of [r3, head]) {
    await s.page.goto(url);
    await s.page.getByRole('link', { name: '去投票' }).click();
    await s.page.getByRole('radio', { name: '赞成' }).check();
    await s.page.getByRole('button', { name: '投这一票' }).click();
    await expect(s.page.getByText(/您的回执/)).toBeVisible();
  }
  await staff.page.getByRole('link', { name: '去投票' }).click();
  await staff.page.getByRole('button', { name: '结束投票' }).click();
  await expect(staff.page.getByText('投票已结束')).toBeVisible();
  await staff.page.goto(url);
  await staff.page.getByRole('button', { name: '登记投票结果' }).click();
  await expect(staff.page.getByText('现行：第 1 版')).toBeVisible();
  await expect(staff.page.getByRole('link', { name: '查看公示' })).toBeVisible();

  // Households sign: two online, one on paper for an elderly neighbour without a phone.
  for (const s of [r3, head]) {
    await s.page.goto(url);
    await s.page.getByRole('button', { name: '我家签署' }).click();
    await expect(s.page.getByText(/本户已签署/)).toBeVisible();
  }
  await staff.page.reload();
  await staff.page.getByLabel('单元', { exact: true }).selectOption({ label: '阳光小区 3号楼 1单元' });
  await staff.page.getByLabel('门牌').selectOption({ label: '201' });
  await staff.page.getByLabel('原因').fill('何桂英不用手机，在纸质公约上签了字');
  await staff.page.getByRole('button', { name: '登记纸质签名' }).click();
  await expect(staff.page.getByRole('table')).toContainText('阳光小区 3号楼');
  await expect(staff.page.getByRole('table')).toContainText('3/10 户（30.0%）');
  await expectAccessible(staff.page);

  for (const s of [staff, r3, head]) await s.context.close();
});
