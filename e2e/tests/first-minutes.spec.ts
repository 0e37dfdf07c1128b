// A resident's first five minutes on her phone, in Chinese at 360 px: she joins with a code sent from a
// distance (so she waits for verification), lands on the home screen, goes through the bottom bar to each
// section; once staff confirm her she reads a notice and goes back to the list, and finds sign-out under
// 我的, asked twice.
import { expect, test } from '@playwright/test';
import { JoinPage, LoginPage, MembersPage, NoticeBoard, UnitPage, expectAccessible, shot, signedInPhone } from '../pages/pages';
import { BottomBar, expectOnFirstScreen } from '../pages/nav';
import { startVote } from '../pages/votes';
import { openMeeting } from '../pages/chair';
import { RESIDENT_3, RESIDENT_5, STAFF } from './demo';

test('a pending resident joins, lands on home, goes through every tab, reads a notice and goes back', async ({ browser }) => {
  test.setTimeout(120_000);
  // Staff send 阳光小区 1号楼 1单元 101 a code by phone: whoever joins with it waits for verification.
  const staff = await signedInPhone(browser, STAFF.phone, STAFF.password);
  await staff.page.goto('/admin/units/unt_01_1');
  const code = await new UnitPage(staff.page).issueInvite('101', false);
  await staff.context.close();

  const context = await browser.newContext();
  const page = await context.newPage();

  // The sign-in page: she has no account yet, and it says who helps when a password is forgotten.
  const login = new LoginPage(page);
  await login.open();
  await page.getByText('忘记密码').click();
  await expect(page.getByText(/请找您的网格员，或到社区居委会/)).toBeVisible();
  await shot(page, 'sign-in');
  await expectAccessible(page);
  await expect(page.getByRole('navigation', { name: '底部导航' })).toHaveCount(0);

  // She joins with the code.
  const join = new JoinPage(page);
  await join.open(code);
  await shot(page, 'join');
  await expectAccessible(page);
  const phone = `1372${String(Date.now() % 10000000).padStart(7, '0')}`;
  await join.join({ name: '赵桂兰', phone, passcode: '135790' });

  // Home: who she is and that she waits, and what she most often comes for, on the first screen; the
  // current tab is 首页.
  const board = new NoticeBoard(page);
  await board.expectLoaded();
  const bar = new BottomBar(page);
  await expect(page.getByRole('heading', { name: '您好，赵桂兰', level: 1 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '等待社区确认' })).toBeVisible();
  await expect(bar.tab('首页')).toHaveAttribute('aria-current', 'page');
  // The header's 议事 is the app's name, not a second link: the only link so named is the bar's tab.
  await expect(page.locator('header .brand')).toHaveText('议事');
  await expect(page.getByRole('link', { name: '议事', exact: true })).toHaveCount(1);
  await expect(bar.tab('议事')).toHaveAttribute('href', '/matters');
  await expectOnFirstScreen(page, page.getByRole('link', { name: '我要反映' }), true);
  // Nothing waits for her yet: no empty sections, and no office entry for a resident.
  await expect(page.getByRole('region', { name: '待我投票' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: '已处理，请您确认' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: '办公', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '退出登录' })).toHaveCount(0);
  await shot(page, 'home');
  await expectAccessible(page);

  // Each tab of the bottom bar, and each screen says what it is.
  await bar.go('公告', '公告');
  await expect(page.getByRole('link', { name: '归档与搜索' })).toBeVisible();
  await shot(page, 'tab-notices');
  await expectAccessible(page);

  await bar.go('议事', '居民议事');
  await shot(page, 'tab-matters');
  await expectAccessible(page);

  await bar.go('投票/会议', '投票和会议');
  await expect(page.getByRole('link', { name: '往期会议与搜索' })).toBeVisible();
  await shot(page, 'tab-votes');
  await expectAccessible(page);

  await bar.go('我的', '我的账号');
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
  await shot(page, 'tab-mine');
  await expectAccessible(page);

  // Her requests, and the way back to 我的.
  await page.getByRole('link', { name: '我的诉求' }).click();
  await expect(page.getByRole('heading', { name: '民生诉求', level: 1 })).toBeVisible();
  await expect(bar.tab('我的')).toHaveAttribute('aria-current', 'true');
  await shot(page, 'my-requests');
  await expectAccessible(page);
  await page.getByRole('link', { name: '返回“我的”' }).click();
  await expect(page.getByRole('heading', { name: '我的账号', level: 1 })).toBeVisible();

  await bar.go('首页', '您好，赵桂兰');

  // Staff confirm her (she came to the office with her papers); her home screen now has notices, the
  // newest one starting on the first screen.
  const office = await signedInPhone(browser, STAFF.phone, STAFF.password);
  const members = new MembersPage(office.page);
  await members.open();
  await members.confirm('赵桂兰');
  await office.context.close();
  await page.reload();
  await expect(page.getByRole('heading', { name: '您好，赵桂兰', level: 1 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '等待社区确认' })).toHaveCount(0);
  await expectOnFirstScreen(page, page.getByRole('link', { name: '我要反映' }), true);
  await expectOnFirstScreen(page, page.locator('main .notice-card').first());
  await shot(page, 'home-confirmed');
  await expectAccessible(page);

  // A notice from the list, and back to the list (not home).
  await bar.go('公告', '公告');
  const first = page.locator('main .notice-title a').first();
  const title = (await first.textContent())!.trim();
  await first.click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expect(bar.tab('公告')).toHaveAttribute('aria-current', 'true');
  await shot(page, 'notice');
  await expectAccessible(page);
  await page.getByRole('link', { name: '返回公告列表' }).click();
  await expect(page).toHaveURL(/\/notices$/);
  await expect(page.getByRole('heading', { name: '公告', level: 1 })).toBeVisible();

  // Sign-out is asked twice: "不退出" keeps her in, "确定退出" signs her out.
  await bar.go('我的', '我的账号');
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByText('确定要退出登录吗？')).toBeVisible();
  await shot(page, 'sign-out-asked');
  await expectAccessible(page);
  await page.getByRole('button', { name: '不退出' }).click();
  await expect(page.getByRole('button', { name: '确定退出' })).toBeHidden();
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByRole('button', { name: '确定退出' }).click();
  await expect(page.getByRole('heading', { name: '登录', level: 1 })).toBeVisible();
  await page.goto('/account');
  await expect(page.getByRole('heading', { name: '登录', level: 1 })).toBeVisible();
  await context.close();
});

test('what waits for her comes first on the home screen, with 我要反映 and the newest notice still on the first screen', async ({
  browser,
}) => {
  // The resident of 5号楼: the property company says her door entry is fixed and waits for her word.
  const { context, page } = await signedInPhone(browser, RESIDENT_5.phone, RESIDENT_5.password);
  const waiting = page.getByRole('region', { name: '已处理，请您确认' });
  await expect(waiting.getByRole('link', { name: /门禁/ })).toBeVisible();
  const notices = page.getByRole('heading', { name: '公告', exact: true });
  expect((await waiting.boundingBox())!.y).toBeLessThan((await notices.boundingBox())!.y);
  await expectOnFirstScreen(page, page.getByRole('link', { name: '我要反映' }), true);
  await expectOnFirstScreen(page, page.locator('main .notice-card').first());
  await shot(page, 'home-waiting');
  await expectAccessible(page);
  await waiting.getByRole('link', { name: /门禁/ }).click();
  await expect(page).toHaveURL(/\/requests\/req_demo_02$/);
  await context.close();
});

test('with a vote waiting for her and a meeting in session, 我要反映 and the newest notice are still on the first screen', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now() % 100000;
  const vote = `3号楼是否更换楼道灯 ${stamp}`;
  const meeting = `3号楼居民议事会 ${stamp}`;

  // Staff start a vote for 3号楼 and open two meetings of 3号楼.
  const staff = await signedInPhone(browser, STAFF.phone, STAFF.password);
  await startVote(staff.page, vote, '3号楼', {});
  await openMeeting(staff.page, meeting, '楼道照明');
  // A second one in session: the home screen shows the first, and a link to the others.
  await openMeeting(staff.page, `${meeting} 第二场`, '楼道照明');
  await staff.context.close();

  // The resident of 3号楼, in normal type at 360 × 740: both wait for her above the notices.
  const { context, page } = await signedInPhone(browser, RESIDENT_3.phone, RESIDENT_3.password);
  expect(page.viewportSize()).toEqual({ width: 360, height: 740 });
  const votes = page.getByRole('region', { name: '待我投票' });
  const live = page.getByRole('region', { name: '正在开会' });
  await expect(votes.getByRole('link', { name: new RegExp(vote) })).toBeVisible();
  await expect(live.getByRole('link', { name: new RegExp(meeting) })).toHaveCount(1);
  await expect(live.getByRole('link', { name: /^还有 \d+ 个会议正在开$/ })).toHaveAttribute('href', '/votes');
  await expect(page.locator('main .notice-card').first()).toBeVisible();
  await shot(page, 'home-vote-and-meeting');
  await expectOnFirstScreen(page, page.getByRole('link', { name: '我要反映' }), true);
  await expectOnFirstScreen(page, page.locator('main .notice-card').first());
  await expectAccessible(page);
  await context.close();
});
