// The notice board, end to end on phones: staff post a notice to 3号楼; a resident of 3号楼 sees it on her
// phone, a resident of 5号楼 does not.
import { expect, test } from '@playwright/test';
import { LoginPage, NewNoticePage, NoticeBoard, expectAccessible, signedInPhone } from '../pages/pages';
import { RESIDENT_3, RESIDENT_5, STAFF } from './demo';

test('staff post a notice to 3号楼: residents of 3号楼 see it, residents of 5号楼 do not', async ({ browser }) => {
  const title = `3号楼楼道灯维修通知 ${Date.now()}`;

  // Staff, on a phone.
  const staff = await signedInPhone(browser, STAFF.phone, STAFF.password);
  const board = new NoticeBoard(staff.page);
  await board.openNewNotice();
  await expectAccessible(staff.page);
  await new NewNoticePage(staff.page).publish(title, '今晚7点维修3号楼楼道灯，\n届时会短暂停电，请注意安全。', '3号楼');
  await expect(staff.page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expect(staff.page.getByText('届时会短暂停电，请注意安全。')).toBeVisible();

  // A resident of 3号楼 sees it and opens it.
  const r3 = await signedInPhone(browser, RESIDENT_3.phone, RESIDENT_3.password);
  const r3Board = new NoticeBoard(r3.page);
  await expect(r3Board.notice(title)).toBeVisible();
  await expectAccessible(r3.page);
  await r3Board.notice(title).click();
  await expect(r3.page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expect(r3.page.getByText('今晚7点维修3号楼楼道灯，')).toBeVisible();

  // A resident of 5号楼 sees the community's notices but not this one.
  const r5 = await signedInPhone(browser, RESIDENT_5.phone, RESIDENT_5.password);
  const r5Board = new NoticeBoard(r5.page);
  await r5Board.openAll();
  await expect(r5Board.notice('幸福社区居民议事会召开通知')).toBeVisible();
  await expect(r5Board.notice('5号楼电梯年度检修')).toBeVisible();
  await expect(r5Board.notice(title)).toHaveCount(0);
  await expect(r5Board.notice('3号楼停水通知')).toHaveCount(0);
  // Residents may not publish.
  await expect(r5.page.getByRole('link', { name: '发布公告' })).toHaveCount(0);

  for (const s of [staff, r3, r5]) await s.context.close();
});

test('a wrong password is explained in plain Chinese, and sign-out really signs out', async ({ page }) => {
  const login = new LoginPage(page);
  await login.open();
  await expectAccessible(page);
  await login.signIn(RESIDENT_3.phone, '000000');
  await expect(login.alert()).toContainText('手机号或密码不正确');

  await login.signIn(RESIDENT_3.phone, RESIDENT_3.password);
  const board = new NoticeBoard(page);
  await board.expectLoaded();
  await board.signOut();
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
});

test('notice text with markup is shown as text and runs nothing', async ({ browser }) => {
  const staff = await signedInPhone(browser, STAFF.phone, STAFF.password);
  let dialogs = 0;
  staff.page.on('dialog', async (d) => {
    dialogs += 1;
    await d.dismiss();
  });
  await new NoticeBoard(staff.page).openNewNotice();
  const title = `<img src=x onerror=alert(1)>标记测试 ${Date.now()}`;
  const body = '<script>alert("正文")</script><a href="javascript:alert(2)">点我</a>';
  await new NewNoticePage(staff.page).publish(title, body, '幸福社区');
  await expect(staff.page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expect(staff.page.getByText(body)).toBeVisible();
  await expect(staff.page.locator('main img, main script, main a[href^="javascript"]')).toHaveCount(0);
  await staff.page.goto('/');
  await expect(new NoticeBoard(staff.page).notice(title)).toBeVisible();
  expect(dialogs).toBe(0);
  await staff.context.close();
});

test('the app switches to English and to large type', async ({ browser }) => {
  const { page, context } = await signedInPhone(browser, RESIDENT_3.phone, RESIDENT_3.password);
  await page.getByRole('button', { name: '大字模式' }).click();
  await expect(page.getByRole('button', { name: '大字模式' })).toHaveAttribute('aria-pressed', 'true');
  const size = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  expect(size).toBeGreaterThanOrEqual(22);
  await expectAccessible(page);

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Notices', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Notices', exact: true })).toBeVisible();
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { name: '公告', exact: true })).toBeVisible();
  await context.close();
});
