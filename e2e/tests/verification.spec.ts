// Residents' verification, end to end: staff add a building, issue a household code, a new resident joins
// with it on her phone and waits; staff confirm her; she then sees her building's notices.
import { expect, test } from '@playwright/test';
import { JoinPage, MembersPage, NewNoticePage, NoticeBoard, TerritoryPage, UnitPage, expectAccessible, signedInPhone } from '../pages/pages';
import { STAFF } from './demo';

test('a resident who joins with a code sent from a distance waits for staff to confirm her', async ({ browser }) => {
  const stamp = Date.now() % 100000;
  const building = `${stamp}号楼`;

  // Staff add a building with one unit of one floor, two doors.
  const staff = await signedInPhone(browser, STAFF.phone, STAFF.password);
  await staff.page.getByRole('link', { name: '办公', exact: true }).click();
  await expectAccessible(staff.page);
  await staff.page.getByRole('link', { name: '楼栋与住户' }).click();
  const territory = new TerritoryPage(staff.page);
  await expect(staff.page.getByRole('heading', { name: '楼栋与住户', level: 1 })).toBeVisible();
  await territory.addBuilding('阳光小区', building, { units: 1, floors: 1, doors: 2 });
  const item = territory.place(building);
  await expect(item).toContainText('2 户');
  await expectAccessible(staff.page);

  // …and issue a code for 101, not in person.
  await item.getByRole('link', { name: '住户' }).click();
  await expect(staff.page.getByRole('heading', { level: 1 })).toContainText(building);
  const unit = new UnitPage(staff.page);
  const code = await unit.issueInvite('101');
  await expectAccessible(staff.page);

  // She joins on her own phone and waits.
  const context = await browser.newContext();
  const phone = await context.newPage();
  const join = new JoinPage(phone);
  await join.open(code);
  const name = `新居民${stamp}`;
  await join.join({ name, phone: `1370${String(stamp).padStart(7, '0')}`, passcode: '135790' });
  const board = new NoticeBoard(phone);
  await board.expectLoaded();
  await expect(phone.getByText('您的居民身份正在等待社区确认')).toBeVisible();
  await expect(phone.getByText('目前还没有公告。')).toBeVisible();
  await expectAccessible(phone);

  // Staff confirm her and post to her building.
  const members = new MembersPage(staff.page);
  await members.open();
  await expect(members.member(name)).toContainText('待认证');
  await expectAccessible(staff.page);
  await members.confirm(name);
  const title = `${building}入住须知`;
  await staff.page.goto('/notices/new');
  await new NewNoticePage(staff.page).publish(title, '欢迎入住，请爱护公共设施。', building);
  await expect(staff.page.getByRole('heading', { name: title, level: 1 })).toBeVisible();

  // She now sees it.
  await phone.reload();
  await board.expectLoaded();
  await expect(phone.getByText('您的居民身份正在等待社区确认')).toHaveCount(0);
  await expect(board.notice(title)).toBeVisible();
  // Her community's older notices are under 公告 (the home screen shows the newest few).
  await board.openAll();
  await expect(board.notice('幸福社区居民议事会召开通知')).toBeVisible();

  await context.close();
  await staff.context.close();
});
