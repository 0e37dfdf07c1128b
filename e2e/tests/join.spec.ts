// A new resident joins her household with the invite code that staff printed, on her phone.
import { expect, test } from '@playwright/test';
import { JoinPage, NoticeBoard, expectAccessible } from '../pages/pages';
import { inviteCode } from './demo';

test('a resident joins with a printed invite code and sees her building’s notices', async ({ page }) => {
  const code = inviteCode('阳光小区 3号楼 2单元 301');
  const join = new JoinPage(page);
  // The printed QR code opens the join page with the code filled in.
  await join.open(code);
  await expect(page.getByLabel('邀请码')).toHaveValue(code);
  await expectAccessible(page);
  await join.join({ name: '王秀英', phone: '13700001234', passcode: '135790' });

  const board = new NoticeBoard(page);
  await board.expectLoaded();
  await expect(page.getByText('王秀英')).toBeVisible();
  await expect(page.getByText(/3号楼/).first()).toBeVisible();
  await board.openAll();
  await expect(board.notice('3号楼停水通知')).toBeVisible();
  await expect(board.notice('5号楼电梯年度检修')).toHaveCount(0);

  // The same code cannot be used twice.
  await board.signOut();
  await join.open(code);
  await join.join({ name: '王建国', phone: '13700001235', passcode: '135790' });
  await expect(page.getByText('邀请码无效、已被使用或已作废')).toBeVisible();
});
