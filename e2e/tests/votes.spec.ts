// A vote, end to end on phones: staff start a yes/no vote for 3号楼; a resident of 3号楼 finds it on her
// home screen, votes and gets a receipt; the result is hidden until staff close the vote, then shown.
import { expect, test } from '@playwright/test';
import { NoticeBoard, expectAccessible, signedInPhone } from '../pages/pages';
import { RESIDENT_3, RESIDENT_5, STAFF } from './demo';

test('a resident votes on her phone and sees the result after close', async ({ browser }) => {
  const title = `是否在3号楼门口加装雨棚 ${Date.now() % 100000}`;
  const staff = await signedInPhone(browser, STAFF.phone, STAFF.password);
  await staff.page.getByRole('link', { name: '发起投票' }).click();
  await expect(staff.page.getByRole('heading', { name: '发起投票', level: 1 })).toBeVisible();
  await staff.page.getByLabel('投票事项').fill(title);
  const audience = staff.page.getByLabel('投票范围');
  const option = audience.locator('option', { hasText: '3号楼' }).first();
  await audience.selectOption({ label: (await option.textContent())!.trim() });
  await staff.page.getByLabel('投票时长（小时）').fill('2');
  await expectAccessible(staff.page);
  await staff.page.getByRole('button', { name: '发起' }).click();
  await expect(staff.page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expect(staff.page.getByText('投票进行中')).toBeVisible();

  const r3 = await signedInPhone(browser, RESIDENT_3.phone, RESIDENT_3.password);
  const waiting = r3.page.getByRole('region', { name: '待我投票' });
  await expect(waiting.getByRole('link', { name: title })).toBeVisible();
  await expectAccessible(r3.page);
  await waiting.getByRole('link', { name: title }).click();
  await r3.page.getByRole('radio', { name: '赞成' }).check();
  await expectAccessible(r3.page);
  await r3.page.getByRole('button', { name: '投这一票' }).click();
  await expect(r3.page.getByText(/您的回执：[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/)).toBeVisible();
  await r3.page.reload();
  await expect(r3.page.getByText('您已经投过票了。')).toBeVisible();
  await expect(r3.page.getByText('投票结束后公布结果。')).toBeVisible();
  await r3.page.goto('/');
  await new NoticeBoard(r3.page).expectLoaded();
  await expect(r3.page.getByRole('region', { name: '待我投票' }).getByRole('link', { name: title })).toHaveCount(0);

  await staff.page.reload();
  await staff.page.getByRole('button', { name: '结束投票' }).click();
  await expect(staff.page.getByText('投票已结束')).toBeVisible();
  await expect(staff.page.getByText('通过', { exact: true })).toBeVisible();

  // Staff publish the result on the notice board (公示).
  await staff.page.getByRole('button', { name: '公示结果' }).click();
  await expect(staff.page.getByRole('heading', { name: `投票结果：${title}`, level: 1 })).toBeVisible();
  await expect(staff.page.getByText('赞成 1 票，反对 0 票，弃权 0 票。')).toBeVisible();

  await r3.page.goBack();
  await r3.page.reload();
  await expect(r3.page.getByRole('heading', { name: '投票结果' })).toBeVisible();
  await expect(r3.page.getByText('通过', { exact: true })).toBeVisible();
  await expect(r3.page.getByText(/赞成 · 1 票/)).toBeVisible();
  await expectAccessible(r3.page);
  await r3.page.goto('/');
  await expect(new NoticeBoard(r3.page).notice(`投票结果：${title}`)).toBeVisible();

  for (const s of [staff, r3]) await s.context.close();
});

test('residents choose two of three options, and the two most chosen win', async ({ browser }) => {
  const title = `5号楼绿化改造选哪两项 ${Date.now() % 100000}`;
  const staff = await signedInPhone(browser, STAFF.phone, STAFF.password);
  await staff.page.goto('/votes/new');
  await staff.page.getByLabel('投票事项').fill(title);
  await staff.page.getByLabel('投票方式').selectOption({ label: '从几个选项中选几个' });
  await staff.page.getByLabel('选项（每行一个）').fill('种树\n修花坛\n加座椅');
  await staff.page.getByLabel(/最多选几项/).fill('2');
  const audience = staff.page.getByLabel('投票范围');
  const option = audience.locator('option', { hasText: '5号楼' }).first();
  await audience.selectOption({ label: (await option.textContent())!.trim() });
  await expectAccessible(staff.page);
  await staff.page.getByRole('button', { name: '发起' }).click();
  await expect(staff.page.getByRole('heading', { name: title, level: 1 })).toBeVisible();

  const r5 = await signedInPhone(browser, RESIDENT_5.phone, RESIDENT_5.password);
  await r5.page.getByRole('region', { name: '待我投票' }).getByRole('link', { name: title }).click();
  await r5.page.getByRole('checkbox', { name: '种树' }).check();
  await r5.page.getByRole('checkbox', { name: '加座椅' }).check();
  await expectAccessible(r5.page);
  await r5.page.getByRole('button', { name: '投这一票' }).click();
  await expect(r5.page.getByText(/您的回执：/)).toBeVisible();

  await staff.page.reload();
  await staff.page.getByRole('button', { name: '结束投票' }).click();
  await expect(staff.page.getByText('种树 · 1 票')).toBeVisible();
  await expect(staff.page.getByText('修花坛 · 0 票')).toBeVisible();
  await expect(staff.page.getByText('加座椅 · 1 票')).toBeVisible();

  for (const s of [staff, r5]) await s.context.close();
});

test('a building funds small projects by equal shares, and the result says what is funded', async ({ browser }) => {
  const title = `3号楼微实事选哪几项 ${Date.now() % 100000}`;
  const staff = await signedInPhone(browser, STAFF.phone, STAFF.password);
  await staff.page.goto('/votes/new');
  await staff.page.getByLabel('投票事项').fill(title);
  await staff.page.getByLabel('投票方式').selectOption({ label: '在预算内选项目，每人一份钱' });
  await expect(staff.page.getByText(/预算平分给每位投票人/)).toBeVisible();
  await staff.page.getByLabel('项目（每行一个：名称，费用）').fill('装雨棚，300\n修车棚，300\n添座椅，200');
  await staff.page.getByLabel('总预算（元）').fill('500');
  const audience = staff.page.getByLabel('投票范围');
  const option = audience.locator('option', { hasText: '3号楼' }).first();
  await audience.selectOption({ label: (await option.textContent())!.trim() });
  await expectAccessible(staff.page);
  await staff.page.getByRole('button', { name: '发起' }).click();
  await expect(staff.page.getByRole('heading', { name: title, level: 1 })).toBeVisible();

  const r3 = await signedInPhone(browser, RESIDENT_3.phone, RESIDENT_3.password);
  await r3.page.getByRole('region', { name: '待我投票' }).getByRole('link', { name: title }).click();
  await r3.page.getByRole('checkbox', { name: /添座椅/ }).check();
  await r3.page.getByRole('checkbox', { name: /装雨棚/ }).check();
  await expectAccessible(r3.page);
  await r3.page.getByRole('button', { name: '投这一票' }).click();
  await expect(r3.page.getByText(/您的回执：/)).toBeVisible();

  // She is the only voter, so her share is the whole budget, and both projects she approves fit it.
  await staff.page.reload();
  await staff.page.getByRole('button', { name: '结束投票' }).click();
  await expect(staff.page.getByText(/获得资助（共 500 元）/)).toBeVisible();
  // The ballots as a Pabulib file, for anyone to recount with participatory-budgeting tools.
  const pabulib = staff.page.getByRole('link', { name: /Pabulib 格式/ });
  await expect(pabulib).toBeVisible();
  const file = await staff.page.request.get((await pabulib.getAttribute('href'))!);
  expect(await file.text()).toContain('\nrule;equalshares/add1\n');

  for (const s of [staff, r3]) await s.context.close();
});
