// Staff import a compound from a spreadsheet (a broken file first), then print its invite codes.
import { expect, test } from '@playwright/test';
import { TerritoryPage, expectAccessible, signedInPhone } from '../pages/pages';
import { STAFF } from './demo';

test('a broken spreadsheet is refused line by line; a good one is imported and its codes printed', async ({ browser }) => {
  const compound = `新建小区${Date.now() % 100000}`;
  const staff = await signedInPhone(browser, STAFF.phone, STAFF.password);
  const territory = new TerritoryPage(staff.page);
  await territory.open();

  await territory.importCsv(`小区,楼栋,单元,门牌\n${compound},1号楼,1单元,101\n${compound},,1单元,102\n${compound},1号楼,1单元,101\n`);
  await expect(staff.page.getByText(/第 3 行：请填写楼栋/)).toBeVisible();
  await expect(staff.page.getByText(/第 4 行：与第 2 行是同一户/)).toBeVisible();
  await expect(territory.place(compound)).toHaveCount(0);

  await territory.importCsv(`小区,楼栋,单元,门牌\n${compound},1号楼,1单元,101\n${compound},1号楼,1单元,102\n${compound},1号楼,2单元,101\n`);
  await expect(staff.page.getByText(/已导入：1 个小区、1 栋楼、2 个单元、3 户/)).toBeVisible();
  let building = territory.place(compound).getByRole('listitem').filter({ hasText: '1号楼' }).first();
  await expect(building).toContainText('3 户');
  await expectAccessible(staff.page);

  // A building renamed in place.
  await building.getByRole('button', { name: '改名' }).first().click();
  await building.getByLabel('新名称').first().fill('一号楼');
  await building.getByRole('button', { name: '保存' }).first().click();
  const renamed = territory.place(compound).getByRole('listitem').filter({ hasText: '一号楼' }).first();
  await expect(renamed).toContainText('3 户');
  await expectAccessible(staff.page);

  // The printable sheet: a code with its QR code for every household.
  building = renamed;
  await building.getByRole('link', { name: '邀请码' }).first().click();
  await expect(staff.page.getByText('这栋楼没有未使用的邀请码。')).toBeVisible();
  await staff.page.getByRole('button', { name: '为还没有邀请码的住户生成' }).click();
  await expect(staff.page.getByText('新生成 3 个邀请码')).toBeVisible();
  await expect(staff.page.getByRole('img', { name: new RegExp(`${compound}.*1单元 101`) })).toBeVisible();
  await expect(staff.page.locator('.invite-card')).toHaveCount(3);
  await expectAccessible(staff.page);
  await staff.page.locator('.invite-card').first().getByRole('button', { name: '作废' }).click();
  await expect(staff.page.locator('.invite-card')).toHaveCount(2);

  await staff.context.close();
});
