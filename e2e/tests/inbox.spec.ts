// The inbox on a phone: staff publish a notice to 3号楼; a resident of 3号楼 sees her bell's count rise,
// opens the notice from her inbox, and clears the bell.
import { expect, test, type Page } from '@playwright/test';
import { NewNoticePage, NoticeBoard, expectAccessible, shot, signedInPhone } from '../pages/pages';
import { RESIDENT_3, STAFF } from './demo';

/** The bell in the header ("消息"), and how many it says are unread. */
function bell(page: Page) {
  return page.getByRole('banner').getByRole('link', { name: /^消息/ });
}

async function unread(page: Page): Promise<number> {
  const label = (await bell(page).getAttribute('aria-label')) ?? '';
  const m = /(\d+) 条未读/.exec(label);
  return m ? Number(m[1]) : 0;
}

test('a notice to her building rings her bell; she opens it from the inbox and clears the bell', async ({ browser }) => {
  const r3 = await signedInPhone(browser, RESIDENT_3.phone, RESIDENT_3.password);
  // Once the count is known, the bell says it in words.
  await expect(bell(r3.page)).toHaveAttribute('aria-label', /^消息，/);
  const before = await unread(r3.page);

  const title = `3号楼电梯停运通知 ${Date.now()}`;
  const staff = await signedInPhone(browser, STAFF.phone, STAFF.password);
  await new NoticeBoard(staff.page).openNewNotice();
  await new NewNoticePage(staff.page).publish(title, '明天上午9点到11点电梯保养，请走楼梯。', '3号楼');
  await expect(staff.page.getByRole('heading', { name: title, level: 1 })).toBeVisible();

  // Her next screen shows one more unread, in a number she can read from the header.
  await r3.page.reload();
  await expect(bell(r3.page)).toHaveAttribute('aria-label', `消息，${before + 1} 条未读`);
  await expect(bell(r3.page)).toContainText(String(before + 1));
  await bell(r3.page).click();
  await expect(r3.page.getByRole('heading', { name: '消息', level: 1 })).toBeVisible();
  const item = r3.page.getByRole('listitem').filter({ hasText: title });
  await expect(item).toContainText('新公告');
  await expect(item).toContainText('未读');
  await expectAccessible(r3.page);
  await shot(r3.page, 'inbox');

  // Opening it opens the notice, and it is read.
  await item.getByRole('link').click();
  await expect(r3.page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expect(r3.page.getByText('明天上午9点到11点电梯保养，请走楼梯。')).toBeVisible();
  await r3.page.goto('/notifications');
  await expect(r3.page.getByRole('listitem').filter({ hasText: title })).not.toContainText('未读');

  // Everything read: the bell says so.
  if (before > 0) {
    await r3.page.getByRole('button', { name: '全部标为已读' }).click();
    await expect(r3.page.getByRole('button', { name: '全部标为已读' })).toHaveCount(0);
  }
  await r3.page.reload();
  await expect(bell(r3.page)).toHaveAttribute('aria-label', '消息，没有未读');
  for (const s of [staff, r3]) await s.context.close();
});
