// A resident's own account: her name shown as initials, a new passcode that signs out her other phone.
import { expect, test } from '@playwright/test';
import { JoinPage, LoginPage, NoticeBoard, expectAccessible } from '../pages/pages';
import { inviteCode } from './demo';

test('a resident hides her given name, changes her passcode and her other phone is signed out', async ({ browser }) => {
  const code = inviteCode('和谐小区 6号楼 2单元 202');
  const phoneNumber = `1371${String(Date.now() % 10000000).padStart(7, '0')}`;
  const context = await browser.newContext();
  const page = await context.newPage();
  const join = new JoinPage(page);
  await join.open(code);
  await join.join({ name: '欧阳秀兰', phone: phoneNumber, passcode: '135790' });
  await new NoticeBoard(page).expectLoaded();

  // The same resident on a second phone.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  const login = new LoginPage(otherPage);
  await login.open();
  await login.signIn(phoneNumber, '135790');
  await new NoticeBoard(otherPage).expectLoaded();

  await page.getByRole('navigation', { name: '底部导航' }).getByRole('link', { name: '我的', exact: true }).click();
  await expect(page.getByRole('heading', { name: '我的账号', level: 1 })).toBeVisible();
  const sessions = page.getByRole('region', { name: '已登录的设备' });
  await expect(sessions.getByText('本机')).toBeVisible();
  await expect(sessions.getByRole('button', { name: '退出该设备' })).toHaveCount(1);
  await expectAccessible(page);

  await page.getByRole('radio', { name: /只显示姓氏/ }).check();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存。')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('radio', { name: /只显示姓氏/ })).toBeChecked();

  // A wrong current passcode is explained; the right one changes it.
  const form = page.getByRole('form', { name: '修改密码' });
  await form.getByLabel('当前密码').fill('000000');
  await form.getByLabel('新密码').fill('246801');
  await form.getByRole('button', { name: '修改密码' }).click();
  await expect(page.getByText('手机号或密码不正确。')).toBeVisible();
  await form.getByLabel('当前密码').fill('135790');
  await form.getByRole('button', { name: '修改密码' }).click();
  await expect(page.getByText('密码已修改，其他设备已退出登录。')).toBeVisible();

  // The second phone is signed out; the new passcode works there.
  await otherPage.reload();
  await expect(otherPage.getByRole('heading', { name: '登录' })).toBeVisible();
  await login.signIn(phoneNumber, '246801');
  await new NoticeBoard(otherPage).expectLoaded();

  await context.close();
  await other.close();
});
