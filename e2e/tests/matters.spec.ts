// A residents' matter through the five steps (五民工作法), on phones: a resident of 3号楼 raises it with a
// photo, two neighbours support it and it reaches the council's list, a neighbour comments, staff put it
// to an online vote that the neighbours adopt, staff record the decision (published as a notice) and name
// an owner, the owner reports progress with a photo and asks for acceptance, the building head accepts,
// the resident rates it, and the timeline shows every step.
import { expect, test, type Page } from '@playwright/test';
import { expectOnScreen } from '../pages/forms';
import { NoticeBoard, expectAccessible, signedInPhone } from '../pages/pages';
import { RESIDENT_3, RESIDENT_5, STAFF } from './demo';

/** Lives with 杜国强 in 3号楼 1单元 101. */
const NEIGHBOUR = { phone: '13900311012', password: '123456' };
/** 余杰, the building head of 3号楼, who lives in 1单元 102. */
const HEAD = { phone: '13900311021', password: '123456' };

/** A large photo as a phone takes it (2400 × 1800, noisy, so it does not compress to nothing). */
async function phonePhoto(page: Page): Promise<Buffer> {
  const bytes = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(2400, 1800);
    const ctx = canvas.getContext('2d')!;
    const image = ctx.createImageData(2400, 1800);
    for (let i = 0; i < image.data.length; i += 4) {
      image.data[i] = (i * 7) % 251;
      image.data[i + 1] = (i * 13) % 241;
      image.data[i + 2] = (i * 17) % 239;
      image.data[i + 3] = 255;
    }
    ctx.putImageData(image, 0, 0);
    const blob = await canvas.convertToBlob({ type: 'image/png' });
    return Array.from(new Uint8Array(await blob.arrayBuffer()));
  });
  return Buffer.from(bytes);
}

async function openMatter(page: Page, title: string) {
  await page.goto('/matters');
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
}

test('a matter goes from a resident’s phone through all five steps', async ({ browser }) => {
  test.setTimeout(180_000);
  const title = `3号楼楼道灯坏了 ${Date.now() % 100000}`;

  // Staff: in this community three supports put a building's matter on the council's list.
  const staff = await signedInPhone(browser, STAFF.phone, STAFF.password);
  await staff.page.goto('/matters/board');
  await expect(staff.page.getByRole('heading', { name: '红黑榜', level: 1 })).toBeVisible();
  await staff.page.getByLabel('楼栋事项需要的附议人数').fill('3');
  await staff.page.getByRole('button', { name: '保存' }).click();
  await expect(staff.page.getByText('已保存。')).toBeVisible();

  // 民提: from the home screen, with a photo that the phone makes smaller before sending.
  const r3 = await signedInPhone(browser, RESIDENT_3.phone, RESIDENT_3.password);
  await r3.page.getByRole('link', { name: '我要提一件事' }).click();
  await expect(r3.page.getByRole('heading', { name: '提一件事', level: 1 })).toBeVisible();
  await r3.page.getByLabel('标题', { exact: true }).fill(title);
  await r3.page.getByLabel('详细说明').fill('一单元三楼到五楼的灯不亮，晚上老人上下楼看不清。');
  await r3.page.getByLabel('类别').selectOption({ label: '平安建设' });
  await expect(r3.page.getByRole('radio', { name: /我住的楼/ })).toBeChecked();
  const photo = await phonePhoto(r3.page);
  expect(photo.length).toBeGreaterThan(1_000_000);
  await r3.page.getByLabel(/^照片/).setInputFiles({ name: 'light.png', mimeType: 'image/png', buffer: photo });
  await expectAccessible(r3.page);
  await r3.page.getByRole('button', { name: '提交' }).click();
  await expect(r3.page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expect(r3.page.getByText('已有 1 人附议，满 3 人进入议事')).toBeVisible();
  const picture = r3.page.getByRole('img', { name: '事项照片 1' });
  await expect(picture).toBeVisible();
  await expect
    .poll(() => picture.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]))
    .toEqual([1600, 1200]);
  await expectAccessible(r3.page);

  // Two neighbours support it; the second puts it on the council's list (民议).
  const neighbour = await signedInPhone(browser, NEIGHBOUR.phone, NEIGHBOUR.password);
  await openMatter(neighbour.page, title);
  await neighbour.page.getByRole('button', { name: '我也支持（附议）' }).click();
  await expect(neighbour.page.getByText('您已附议')).toBeVisible();
  await expect(neighbour.page.getByText('已有 2 人附议，满 3 人进入议事')).toBeVisible();
  const head = await signedInPhone(browser, HEAD.phone, HEAD.password);
  await openMatter(head.page, title);
  await head.page.getByRole('button', { name: '我也支持（附议）' }).click();
  // What it did is said where her finger is, as for every everyday change.
  await expect(head.page.getByRole('status').filter({ hasText: '已附议，谢谢您的支持。' })).toBeVisible();
  await expect(head.page.getByText('议事中').first()).toBeVisible();

  // A comment, typed with markup, shows as the text it is.
  await neighbour.page.reload();
  await neighbour.page.getByLabel('观点').selectOption({ label: '建议' });
  const hostile = '<img src=x onerror=alert(1)>换成声控灯更省电';
  await neighbour.page.getByLabel('我的意见').fill(hostile);
  await neighbour.page.getByRole('button', { name: '发表' }).click();
  await expect(neighbour.page.getByText(hostile)).toBeVisible();
  await expect(neighbour.page.getByRole('status').filter({ hasText: '您的意见已发表。' })).toBeVisible();
  await expectAccessible(neighbour.page);

  // 民决: staff put it to an online vote of the building's residents.
  await openMatter(staff.page, title);
  await staff.page.getByLabel('投票几天').fill('3');
  await staff.page.getByRole('button', { name: '发起网上表决' }).click();
  await expect(staff.page.getByText('表决中').first()).toBeVisible();
  await expect(r3.page.getByText('等您投票')).toHaveCount(0);
  for (const s of [r3, neighbour, head]) {
    await s.page.goto('/matters');
    await s.page.getByRole('button', { name: '待我投票' }).click();
    await expect(s.page.getByRole('link', { name: title })).toBeVisible();
    await s.page.getByRole('link', { name: title }).click();
    await s.page.getByRole('link', { name: '去投票' }).click();
    await s.page.getByRole('radio', { name: '赞成' }).check();
    await s.page.getByRole('button', { name: '投这一票' }).click();
    await expect(s.page.getByText(/您的回执/)).toBeVisible();
  }
  await staff.page.getByRole('link', { name: '去投票' }).click();
  await staff.page.getByRole('button', { name: '结束投票' }).click();
  await expect(staff.page.getByText('投票已结束')).toBeVisible();
  await staff.page.goBack();
  await staff.page.reload();
  await staff.page.getByRole('button', { name: '登记表决结果并公示' }).click();
  await expect(staff.page.getByText('表决通过', { exact: true })).toBeVisible();
  await expect(staff.page.getByRole('link', { name: '查看公示' })).toBeVisible();

  // 民办: staff name the owner, whose member reports progress with a photo.
  await staff.page.getByLabel('实施方类型').selectOption({ label: '居民自治小组' });
  await staff.page.getByLabel('实施方名称').fill('楼道志愿队');
  await staff.page.getByLabel(/负责人手机号/).fill(NEIGHBOUR.phone);
  await staff.page.getByRole('button', { name: '确定实施方' }).click();
  await expect(staff.page.getByText('实施方：楼道志愿队（居民自治小组）')).toBeVisible();
  await staff.page.getByLabel('节点名称').fill('采购并安装声控灯');
  await staff.page.getByRole('button', { name: '添加节点' }).click();
  await expect(staff.page.getByText('采购并安装声控灯', { exact: true })).toBeVisible();

  await openMatter(neighbour.page, title);
  await neighbour.page.getByRole('button', { name: '标记完成' }).click();
  await expect(neighbour.page.getByText(/^已完成 \d{4}-/)).toBeVisible();
  await neighbour.page.getByLabel('进展情况').fill('三楼到五楼换了六个声控灯，已经能亮了。');
  await neighbour.page.getByLabel(/^照片/).setInputFiles({ name: 'done.png', mimeType: 'image/png', buffer: photo });
  await neighbour.page.getByRole('button', { name: '发布进展' }).click();
  await expect(neighbour.page.getByText('三楼到五楼换了六个声控灯，已经能亮了。')).toBeVisible();
  await neighbour.page.getByRole('button', { name: '已完成，申请验收' }).click();
  await expect(neighbour.page.getByText('待验收').first()).toBeVisible();
  // The owner does not accept her own work.
  await expect(neighbour.page.getByRole('button', { name: '验收通过' })).toHaveCount(0);

  // The building head, a residents' representative, accepts it.
  await openMatter(head.page, title);
  await head.page.getByRole('button', { name: '验收通过' }).click();
  await expect(head.page.getByText('评价中').first()).toBeVisible();

  // 民评: the resident rates it.
  await openMatter(r3.page, title);
  await r3.page.getByRole('radio', { name: '5 星' }).check();
  await r3.page.getByLabel('说几句（可选）').fill('晚上亮堂多了，谢谢大家。');
  await expectAccessible(r3.page);
  await r3.page.getByRole('button', { name: '提交评价' }).click();
  await expect(r3.page.getByText('平均 5.00 星，1 人评价')).toBeVisible();
  await expect(r3.page.getByText('我的评价：5 星')).toBeVisible();

  // The timeline shows every step, with who acted.
  const timeline = r3.page.getByRole('region', { name: '办理过程' });
  for (const step of [
    '提出',
    '附议人数达到，进入议事',
    '发起网上表决',
    '登记表决结果并公示 · 表决通过',
    '确定实施方 · 楼道志愿队',
    '新增节点',
    '完成节点',
    '更新进展',
    '申请验收',
    '验收通过',
  ]) {
    await expect(timeline.getByText(step, { exact: true })).toBeVisible();
  }
  // Her own list, and the decision on the notice board.
  await r3.page.goto('/matters');
  await r3.page.getByRole('button', { name: '我提的' }).click();
  await expect(r3.page.getByRole('link', { name: title })).toBeVisible();
  await r3.page.goto('/');
  await expect(new NoticeBoard(r3.page).notice(`议事结果公示：${title}`)).toBeVisible();

  // The red/black board counts her building's participation.
  await r3.page.goto('/matters/board');
  await expect(r3.page.getByRole('table')).toContainText('3号楼');
  await expectAccessible(r3.page);

  for (const s of [staff, r3, neighbour, head]) await s.context.close();
});

test('回复 on a comment takes her to the comment box, in view and ready to type', async ({ browser }) => {
  // 电动车充电棚加装监控 of 和谐小区, seeded with three comments; the resident of 5号楼 lives there.
  const { context, page } = await signedInPhone(browser, RESIDENT_5.phone, RESIDENT_5.password);
  await page.goto('/matters/mat_demo_02');
  await expect(page.getByRole('heading', { name: '电动车充电棚加装监控', level: 1 })).toBeVisible();
  const reply = page.getByRole('button', { name: '回复', exact: true }).first();
  await reply.scrollIntoViewIfNeeded();
  await reply.click();
  const box = page.locator('#comment-body');
  await expect(box).toBeFocused();
  await expectOnScreen(page, box);
  await context.close();
});
