// Reading a notice: a resident marks it read; the grid worker sees who has not read it and records it for an
// elderly resident without a phone (代办), with the reason; staff see that act in the audit log.
import { expect, test } from '@playwright/test';
import { NewNoticePage, NoticeBoard, expectAccessible, signedInPhone } from '../pages/pages';
import { ELDER, GRID_WORKER, RESIDENT_3, STAFF } from './demo';

test('a grid worker records that an elderly resident without a phone was told of a notice', async ({ browser }) => {
  const title = `3号楼消防检查通知 ${Date.now() % 100000}`;
  const staff = await signedInPhone(browser, STAFF.phone, STAFF.password);
  await staff.page.goto('/notices/new');
  await new NewNoticePage(staff.page).publish(title, '本周六上午检查楼道消防设施，请清理楼道杂物。', '3号楼');
  await expect(staff.page.getByRole('heading', { name: title, level: 1 })).toBeVisible();

  // A resident of 3号楼 marks it read.
  const r3 = await signedInPhone(browser, RESIDENT_3.phone, RESIDENT_3.password);
  await new NoticeBoard(r3.page).notice(title).click();
  await r3.page.getByRole('button', { name: '标记为已读' }).click();
  await expect(r3.page.getByText(/您已于.*阅读/)).toBeVisible();
  await expectAccessible(r3.page);

  // The grid worker of 阳光小区 sees who has not read it, and records it for 何桂英.
  const grid = await signedInPhone(browser, GRID_WORKER.phone, GRID_WORKER.password);
  await new NoticeBoard(grid.page).notice(title).click();
  const reads = grid.page.getByRole('region', { name: '阅读情况' });
  await expect(reads.getByText(/已读 1 人/)).toBeVisible();
  await expect(reads.getByText(ELDER).first()).toBeVisible();
  const form = grid.page.getByRole('form', { name: '代为确认已告知' });
  await form.getByLabel('选择居民').selectOption({ label: (await form.getByLabel('选择居民').locator('option', { hasText: ELDER }).textContent())!.trim() });
  await form.getByLabel('原因').fill('老人没有手机，已上门告知');
  await expectAccessible(grid.page);
  await form.getByRole('button', { name: '确认' }).click();
  await expect(reads.getByText(`由${GRID_WORKER.name}代为确认：老人没有手机，已上门告知`)).toBeVisible();
  await expect(reads.getByText(/已读 2 人/)).toBeVisible();

  // Staff see the act in the audit log, with whom it was for and why.
  await staff.page.goto('/admin/audit');
  const entry = staff.page.getByRole('listitem').filter({ hasText: `${GRID_WORKER.name} 代 ${ELDER} 确认已知晓 — ${title}` });
  await expect(entry).toBeVisible();
  await expect(entry.getByText('原因：老人没有手机，已上门告知')).toBeVisible();
  await expectAccessible(staff.page);

  for (const s of [staff, r3, grid]) await s.context.close();
});
