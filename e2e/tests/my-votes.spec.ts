// Votes a resident can trust, on her phone: staff start a named participatory budget and a secret yes/no
// vote for 3号楼; the resident of 3号楼 finds the newest waiting on her home screen with its count and
// both under 投票/会议; she casts the named one and reads back what she chose (projects, amounts and
// total), casts the secret one and is shown only that it is counted, with her receipt; she signs out
// and in again and finds both, with their receipts, in 我的投票; the counts agree on every screen; once the secret vote closes she checks that
// her receipt is in the published list; on another phone the secret receipt is not to be found.
import { expect, test, type Page } from '@playwright/test';
import { LoginPage, NoticeBoard, expectAccessible, expectTapTargets, shot, signedInPhone } from '../pages/pages';
import { MyVotes, VotePage, startVote } from '../pages/votes';
import { TermHelp } from '../pages/words';
import { RESIDENT_3, STAFF } from './demo';

/**
 * Both checks of every screen of votes the journey visits (the home screen's own tap targets are the home
 * screen's work: there it is the accessibility check only).
 */
async function checked(page: Page, name: string, taps = true) {
  await expectAccessible(page);
  if (taps) await expectTapTargets(page);
  await shot(page, name);
}

test('a resident casts a named and a secret vote, and later finds both with their receipts', async ({ browser }) => {
  test.setTimeout(180_000);
  const stamp = Date.now() % 100000;
  const budget = `3号楼微实事怎么花 ${stamp}`;
  const secret = `3号楼是否装门禁 ${stamp}`;

  const staff = await signedInPhone(browser, STAFF.phone, STAFF.password);
  const budgetUrl = await startVote(staff.page, budget, '3号楼', {
    kind: '在预算内选项目',
    options: '楼道照明，3000\n门口雨棚，5000\n自行车棚，4000',
    budget: '10000',
    named: true,
  });
  const secretUrl = await startVote(staff.page, secret, '3号楼', {});

  // Her home screen: the newest waits for her first, and a link leads to the others; under 投票/会议
  // both wait for her, each with its count.
  const r3 = await signedInPhone(browser, RESIDENT_3.phone, RESIDENT_3.password);
  const waiting = r3.page.getByRole('region', { name: '待我投票' });
  const secretItem = waiting.getByRole('listitem').filter({ hasText: secret });
  await expect(secretItem.getByText(/^已投 0 票，共 \d+ 人可投$/)).toBeVisible();
  await checked(r3.page, 'home-two-votes-waiting', false);
  await waiting.getByRole('link', { name: /^还有 \d+ 个投票等您投$/ }).click();
  await expect(r3.page.getByRole('heading', { name: '投票和会议', level: 1 })).toBeVisible();
  const budgetItem = waiting.getByRole('listitem').filter({ hasText: budget });
  await expect(waiting.getByRole('link', { name: secret })).toBeVisible();

  // The named budget: she picks two projects and reads back what she chose.
  await budgetItem.getByRole('link', { name: budget }).click();
  const named = new VotePage(r3.page);
  await expect(named.heading(budget)).toBeVisible();
  await expect(r3.page.getByText('记名', { exact: true })).toBeVisible();
  await r3.page.getByRole('checkbox', { name: /楼道照明/ }).check();
  await r3.page.getByRole('checkbox', { name: /自行车棚/ }).check();
  await checked(r3.page, 'named-budget-ballot');
  await named.cast();
  const mine = named.myBallot();
  await expect(mine.getByRole('status')).toHaveText('已投票，谢谢您！');
  await expect(mine.getByText('您选的是：')).toBeVisible();
  await expect(mine.getByRole('listitem')).toHaveText(['楼道照明：3000 元', '自行车棚：4000 元']);
  await expect(mine.getByText('合计 7000 元（预算 10000 元）')).toBeVisible();
  const budgetReceipt = await named.receipt();
  const budgetCount = await named.count();
  expect(budgetCount).toMatch(/^已投 1 票，共 \d+ 人可投$/);
  await checked(r3.page, 'named-budget-her-choice');

  // Home again: the budget no longer waits; the secret vote does.
  await r3.page.goto('/');
  await new NoticeBoard(r3.page).expectLoaded();
  await expect(r3.page.getByRole('region', { name: '待我投票' }).getByRole('link', { name: secret })).toBeVisible();
  await expect(r3.page.getByRole('region', { name: '待我投票' }).getByRole('link', { name: budget })).toHaveCount(0);
  await r3.page.getByRole('region', { name: '待我投票' }).getByRole('link', { name: secret }).click();

  // The secret vote: counted, with her receipt, and never what she chose.
  const hidden = new VotePage(r3.page);
  await expect(hidden.heading(secret)).toBeVisible();
  await expect(r3.page.getByText('不记名', { exact: true })).toBeVisible();
  await r3.page.getByRole('radio', { name: '赞成' }).check();
  await checked(r3.page, 'secret-ballot');
  await hidden.cast();
  const counted = hidden.myBallot();
  await expect(counted.getByText(/^您的票已计入。这是不记名投票/)).toBeVisible();
  await expect(counted.getByText('这个回执只保存在这部手机上。')).toBeVisible();
  await expect(counted.getByText('赞成')).toHaveCount(0);
  const secretReceipt = await hidden.receipt();
  const secretCount = await hidden.count();
  await checked(r3.page, 'secret-counted-with-receipt');

  // Later she signs out, and in again on the same phone.
  await r3.page.goto('/');
  await new NoticeBoard(r3.page).signOut();
  const login = new LoginPage(r3.page);
  await login.signIn(RESIDENT_3.phone, RESIDENT_3.password);
  await new NoticeBoard(r3.page).expectLoaded();
  await r3.page.getByRole('navigation', { name: '底部导航' }).getByRole('link', { name: '我的', exact: true }).click();
  await r3.page.getByRole('link', { name: '我的投票和回执' }).click();
  const history = new MyVotes(r3.page);
  await history.expectLoaded();
  const b = history.vote(budget);
  await expect(b.getByText('记名', { exact: true })).toBeVisible();
  await expect(b.getByText('合计 7000 元（预算 10000 元）')).toBeVisible();
  await expect(b.getByText(`您的回执：${budgetReceipt}`)).toBeVisible();
  await expect(b.getByText(budgetCount)).toBeVisible();
  const s = history.vote(secret);
  await expect(s.getByText(`您的回执：${secretReceipt}`)).toBeVisible();
  await expect(s.getByText('这个回执只保存在这部手机上。')).toBeVisible();
  await expect(s.getByText(/^您的票已计入/)).toBeVisible();
  await expect(s.getByText('赞成')).toHaveCount(0);
  await expect(s.getByText(secretCount)).toBeVisible();
  await checked(r3.page, 'history-after-signing-in-again');

  // The count agrees on the vote page, read again.
  await r3.page.goto(secretUrl);
  expect(await new VotePage(r3.page).count()).toBe(secretCount);

  // Staff close the secret vote; she checks her receipt against the published list, on her phone.
  await staff.page.goto(secretUrl);
  await staff.page.getByRole('button', { name: '结束投票' }).click();
  await expect(staff.page.getByText('投票已结束')).toBeVisible();
  await r3.page.reload();
  await r3.page.getByRole('button', { name: '核对我的票是否计入' }).click();
  await expect(new VotePage(r3.page).myBallot().getByRole('status')).toHaveText(
    `已核对：回执 ${secretReceipt} 在公布的投票清单里，您的票已计入。`,
  );
  await checked(r3.page, 'secret-receipt-checked');

  // On another phone her secret receipt is nowhere: only that her ballot is counted.
  const other = await signedInPhone(browser, RESIDENT_3.phone, RESIDENT_3.password);
  await other.page.goto('/votes/mine');
  const elsewhere = new MyVotes(other.page);
  await elsewhere.expectLoaded();
  await expect(elsewhere.vote(secret).getByText(/这部手机上没有保存/)).toBeVisible();
  await expect(elsewhere.vote(secret).getByText(secretReceipt)).toHaveCount(0);
  await expect(elsewhere.vote(budget).getByText(`您的回执：${budgetReceipt}`)).toBeVisible();
  await checked(other.page, 'history-on-another-phone');

  // Tidy: the budget closes too, so other journeys find no vote of this one waiting.
  await staff.page.goto(budgetUrl);
  await staff.page.getByRole('button', { name: '结束投票' }).click();
  await expect(staff.page.getByText('投票已结束')).toBeVisible();
  for (const x of [staff, r3, other]) await x.context.close();
});

test('a named ranking reads back in her order', async ({ browser }) => {
  const stamp = Date.now() % 100000;
  const ranked = `3号楼保洁公司排序 ${stamp}`;
  const staff = await signedInPhone(browser, STAFF.phone, STAFF.password);
  const url = await startVote(staff.page, ranked, '3号楼', {
    kind: '排序投票（逐轮淘汰）',
    options: '洁美保洁\n安居物业\n邻里互助队',
    named: true,
  });
  const r3 = await signedInPhone(browser, RESIDENT_3.phone, RESIDENT_3.password);
  await r3.page.goto(url);
  await r3.page.getByRole('button', { name: /邻里互助队/ }).click();
  await r3.page.getByRole('button', { name: /洁美保洁/ }).click();
  const page = new VotePage(r3.page);
  await page.cast();
  const mine = page.myBallot();
  await expect(mine.getByText('您排的顺序（第一位是最想要的）：')).toBeVisible();
  await expect(mine.getByRole('list')).toHaveJSProperty('tagName', 'OL');
  await expect(mine.getByRole('listitem')).toHaveText(['邻里互助队', '洁美保洁']);
  await checked(r3.page, 'named-ranking-in-her-order');
  await staff.page.goto(url);
  await staff.page.getByRole('button', { name: '结束投票' }).click();
  await expect(staff.page.getByText('投票已结束')).toBeVisible();
  for (const x of [staff, r3]) await x.context.close();
});

test('in a vote that allows it she changes her vote before it closes, and learns what 回执 means', async ({ browser }) => {
  const stamp = Date.now() % 100000;
  const title = `3号楼是否统一更换信报箱 ${stamp}`;
  const staff = await signedInPhone(browser, STAFF.phone, STAFF.password);
  const url = await startVote(staff.page, title, '3号楼', { named: true, changeable: true });
  const r3 = await signedInPhone(browser, RESIDENT_3.phone, RESIDENT_3.password);
  await r3.page.goto(url);
  await r3.page.getByRole('radio', { name: '赞成' }).check();
  const page = new VotePage(r3.page);
  await page.cast();
  const mine = page.myBallot();
  await expect(mine.getByText('您选的是： 赞成')).toBeVisible();
  const first = await page.receipt();

  // "?" beside her receipt says what it is for.
  const receipt = new TermHelp(r3.page, '什么是回执？');
  await receipt.open('投票后给您的一串号码，结果公布后可以在投票清单里找到它，核对您的票算进去了。');
  await checked(r3.page, 'receipt-explained');
  await receipt.close('投票后给您的一串号码，结果公布后可以在投票清单里找到它，核对您的票算进去了。');

  // 改票 opens the ballot again (and 不改了 closes it); her new choice replaces the old one.
  const change = mine.getByRole('button', { name: '改票' });
  await expect(mine.getByText('截止前可以改票，以最后投的一次为准。')).toBeVisible();
  await change.click();
  await expect(mine.getByRole('button', { name: '不改了' })).toHaveAttribute('aria-expanded', 'true');
  await mine.getByRole('radio', { name: '反对' }).check();
  await checked(r3.page, 'changing-her-vote');
  await mine.getByRole('button', { name: '投这一票' }).click();
  await expect(mine.getByRole('status')).toHaveText('已改票，以这一次为准。');
  await expect(mine.getByText('您选的是： 反对')).toBeVisible();
  const second = await page.receipt();
  expect(second).not.toBe(first);
  // Counted once: one ballot of hers in the count, as before.
  await expect(r3.page.getByText(/^已投 1 票，共 \d+ 人可投$/)).toBeVisible();
  await shot(r3.page, 'vote-changed');

  // Her history shows the new choice.
  await r3.page.goto('/votes/mine');
  const record = new MyVotes(r3.page).vote(title);
  await expect(record.getByText('您选的是： 反对')).toBeVisible();
  await staff.page.goto(url);
  await staff.page.getByRole('button', { name: '结束投票' }).click();
  await expect(staff.page.getByText('投票已结束')).toBeVisible();
  // Once it is closed, it cannot be changed.
  await r3.page.goto(url);
  await expect(page.myBallot().getByText('您选的是： 反对')).toBeVisible();
  await expect(r3.page.getByRole('button', { name: '改票' })).toHaveCount(0);
  for (const x of [staff, r3]) await x.context.close();
});
