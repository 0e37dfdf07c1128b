// The chair's first meeting with a room of sixty (阳光小区居民议事会, seeded with its 62 residents): she
// opens it on her phone, checks herself in, finds neighbours by a few characters of a name, a building
// or a flat, or the initials of a name's pinyin, and checks them in with one tap (and takes back a wrong
// tap), two neighbours check in by the room's code on their own phones and the rest of the room through
// the API, the presence line says when the quorum is reached, the wall screen counts each building as
// people come, a motion is put and voted on phones, the chair closes it and ends the meeting, each after
// a confirm step that takes the focus and says what will happen, and publishes the minutes.
import { expect, test } from '@playwright/test';
import { expectAccessible, expectTapTargets, shot, signedInPhone } from '../pages/pages';
import { ChairConsole, MeetingApi, WallScreen, openMeeting } from '../pages/chair';
import { RESIDENT_3, STAFF } from './demo';

const MEETING = 'mtg_demo_01';
const TITLE = '阳光小区居民议事会';
/** Two neighbours who scan the room's code on their own phones. */
const PHONES = [
  { phone: RESIDENT_3.phone, password: RESIDENT_3.password, name: '杜国强' },
  { phone: '13900311021', password: '123456', name: '余杰' },
];

test('a chair runs a meeting of sixty from check-in to published minutes', async ({ browser }) => {
  test.setTimeout(300_000);
  const chair = await signedInPhone(browser, STAFF.phone, STAFF.password);
  const page = chair.page;
  const console_ = new ChairConsole(page);

  // She finds the meeting she called among what is coming, and opens it.
  await page.goto('/meetings');
  await page.getByRole('link', { name: TITLE }).first().click();
  await expect(page.getByRole('heading', { name: TITLE, level: 1 })).toBeVisible();
  await shot(page, 'meeting-scheduled');
  await page.getByRole('button', { name: '开始会议' }).click();
  await expect(page.getByText('会议进行中')).toBeVisible();

  // She chairs it and is on the list: one tap checks her in; the count and the quorum are one sentence.
  await expect(page.getByText('您是主持人，也在参会名单里，可以签到和表决。')).toBeVisible();
  await expect(console_.presence()).toHaveText(/^到会 0 人，应到 \d+ 人，还差 \d+ 人达到法定人数（\d+ 人）。$/);
  await page.getByRole('button', { name: '我已到场，签到' }).click();
  await expect(page.getByText('您已签到。')).toBeVisible();
  await expect(console_.presence()).toHaveText(/^到会 1 人，/);
  const text = (await console_.presence().textContent()) ?? '';
  const invited = Number(/应到 (\d+) 人/.exec(text)?.[1]);
  const needed = Number(/（(\d+) 人）/.exec(text)?.[1]);
  expect(invited).toBeGreaterThanOrEqual(60);
  expect(needed).toBe(Math.ceil((invited * 51) / 100));
  await expect(page.getByText('其他参会人：到会 1 人，应到 1 人')).toBeVisible();
  await expect(console_.building('3号楼')).toBeVisible();
  await shot(page, 'chair-checked-in');
  await expectAccessible(page);
  await expectTapTargets(page);

  // Neighbours by a few characters: a name, a building with a door, a surname; each line says so.
  await console_.checkIn('宋立', '宋立新');
  await shot(page, 'checked-in-by-name');
  await console_.checkIn('3号楼201', '何桂英');
  await expect(console_.person('何桂英')).toContainText('3号楼 1单元 201');
  await console_.checkIn('金芳', '金芳');
  await console_.checkIn('1号楼 102', '魏佳怡');
  // The initials of a name's pinyin, as on any Chinese phone: 「lxm」 is the chair 刘晓梅 herself,
  // 「WXM」 her neighbour 魏晓梅 of 3号楼.
  await console_.search().fill('lxm');
  await expect(console_.person('刘晓梅')).toContainText('已到');
  await expect(page.locator('#check-in-found > li')).toHaveCount(1);
  await console_.checkIn('WXM', '魏晓梅');
  await expect(console_.person('魏晓梅')).toContainText('3号楼');
  await shot(page, 'checked-in-by-initials');
  await expect(console_.presence()).toHaveText(/^到会 6 人，/);

  // A wrong tap is taken back at once, on the same line.
  await console_.search().fill('胡');
  await page.getByRole('button', { name: '为胡军签到' }).click();
  await expect(console_.person('胡军').getByRole('status')).toHaveText('胡军 已签到。');
  await page.getByRole('button', { name: '撤销胡军的签到' }).click();
  await expect(console_.person('胡军').getByRole('status')).toHaveText('已撤销 胡军 的签到。');
  await expect(page.getByRole('button', { name: '为胡军签到' })).toBeVisible();
  await expect(console_.presence()).toHaveText(/^到会 6 人，/);
  await shot(page, 'mistake-undone');

  // A building's count lists its people.
  await console_.building('1号楼').click();
  await expect(console_.search()).toHaveValue('1号楼');
  await expect(console_.person('宋立新')).toContainText('已到');
  await expect(console_.building('1号楼')).toHaveText(/^1号楼：到会 3 人，应到 \d+ 人$/);
  await console_.search().fill('找不到的人');
  await expect(page.getByText('没有找到「找不到的人」，请换几个字试试。')).toBeVisible();
  await shot(page, 'by-building');
  await expectAccessible(page);
  await expectTapTargets(page);

  // Two neighbours scan the room's code on their own phones.
  const link = await page.getByRole('link', { name: '签到链接' }).getAttribute('href');
  expect(link).toContain('/checkin?token=');
  const phones = [];
  for (const n of PHONES) {
    const p = await signedInPhone(browser, n.phone, n.password);
    await p.page.goto(link!);
    await expect(p.page.getByText('您已签到。')).toBeVisible();
    phones.push(p);
  }
  await expect(phones[0].page.locator('.presence-count')).toHaveText(/^到会 8 人，/);
  await shot(phones[0].page, 'neighbour-checked-in');
  await expectAccessible(phones[0].page);

  // The rest of the room checks in (in life on their own phones: here through the API), one short of
  // the quorum, then one more: the sentence turns from "还差 1 人" to "已达到法定人数".
  const api = new MeetingApi(chair.context.request, MEETING);
  const absent = (await api.people()).filter((p) => !p.present && p.name !== '胡军');
  const present = 8;
  for (const p of absent.slice(0, needed - present - 1)) await api.checkIn(p.member_id, '扫码签到');
  await expect(console_.presence()).toHaveText(new RegExp(`^到会 ${needed - 1} 人，应到 ${invited} 人，还差 1 人达到法定人数`));
  await shot(page, 'one-short');

  // The wall screen shows counts, never the register's names: the sentence, and under it each
  // building's present of expected, the same figures as the console's, following every check-in.
  const screen = await chair.context.newPage();
  await screen.setViewportSize({ width: 1920, height: 1080 });
  await screen.goto(`/meetings/${MEETING}/screen`);
  const wall = new WallScreen(screen);
  const one = await api.count('1号楼');
  const three = await api.count('3号楼');
  await expect(wall.building('1号楼')).toHaveText(`1号楼 ${one.present}/${one.invited}`);
  await expect(wall.building('3号楼')).toHaveText(`3号楼 ${three.present}/${three.invited}`);
  await expect(console_.building('1号楼')).toHaveText(`1号楼：到会 ${one.present} 人，应到 ${one.invited} 人`);
  await console_.checkIn('胡军', '胡军');
  await expect(console_.presence()).toHaveText(
    `到会 ${needed} 人，应到 ${invited} 人，已达到法定人数（${needed} 人），可以表决。`,
  );
  await expect(phones[1].page.locator('.presence-count')).toContainText('已达到法定人数');
  await expect(wall.building('1号楼')).toHaveText(`1号楼 ${one.present + 1}/${one.invited}`);
  await expect(console_.building('1号楼')).toHaveText(`1号楼：到会 ${one.present + 1} 人，应到 ${one.invited} 人`);
  await expect(wall.building('3号楼')).toHaveText(`3号楼 ${three.present}/${three.invited}`);
  await expect(screen.getByText(`到会 ${needed} 人，应到 ${invited} 人，已达到法定人数（${needed} 人），可以表决。`)).toBeVisible();
  await expect(screen.getByText('宋立新')).toHaveCount(0);
  await expect(screen.getByText('胡军')).toHaveCount(0);
  await shot(screen, 'wall-screen-quorum');
  await screen.close();

  // The first item, and a motion put to those present.
  await page.getByRole('button', { name: '开始议这一项' }).first().click();
  await page.getByLabel('表决事项').fill('同意调整小区停车收费');
  await page.getByRole('button', { name: '开始表决' }).click();
  await expect(page.getByRole('heading', { name: '正在表决：同意调整小区停车收费' })).toBeVisible();
  await shot(page, 'motion-put');

  // The two neighbours vote on their phones, and the chair votes like anyone.
  for (const [i, choice] of ['赞成', '反对'].entries()) {
    const p = phones[i].page;
    await expect(p.getByRole('heading', { name: /表决 · 同意调整小区停车收费/, level: 2 })).toBeVisible();
    await p.getByRole('radio', { name: choice }).check();
    await p.getByRole('button', { name: '投这一票' }).click();
    await expect(p.getByText(/您的回执：/)).toBeVisible();
  }
  await shot(phones[1].page, 'neighbour-voted');
  await page.getByRole('radio', { name: '赞成' }).check();
  await page.getByRole('button', { name: '投这一票' }).click();
  await expect(page.getByText(/您的回执：/)).toBeVisible();
  await expect(page.getByText(`已投 3 票，共 ${needed} 人可投`).first()).toBeVisible();

  // Closing the vote is at the end of the console, apart, and asks first in plain words; the question
  // takes the focus (a screen reader reads it at once), and Escape puts the focus back on the button.
  const danger = console_.dangerZone();
  const closeVote = danger.getByRole('button', { name: '结束表决' });
  await closeVote.click();
  const askClose = console_.confirmStep(/^结束「同意调整小区停车收费」的表决后/);
  await expect(askClose).toBeFocused();
  await expect(askClose).toBeInViewport();
  await page.keyboard.press('Escape');
  await expect(askClose).toHaveCount(0);
  await expect(closeVote).toBeFocused();
  await closeVote.click();
  await expect(askClose).toBeFocused();
  await expect(danger.getByText(`结束「同意调整小区停车收费」的表决后，还没投票的人就不能再投了，结果马上算出来。现在已投 3 票，共 ${needed} 人可投。`)).toBeVisible();
  await shot(page, 'confirm-close-vote');
  await expectAccessible(page);
  await expectTapTargets(page);
  await danger.getByRole('button', { name: '确定结束表决' }).click();
  await expect(phones[0].page.getByText('通过', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '开始表决' })).toBeVisible();

  // Ending the meeting, too: asked (the question focused and in view), then not yet (the focus back on
  // the button), then done.
  const endMeeting = danger.getByRole('button', { name: '结束会议' });
  await endMeeting.click();
  const askEnd = console_.confirmStep(/^结束会议后，签到、发言和表决都会停止/);
  await expect(askEnd).toBeFocused();
  await expect(askEnd).toBeInViewport();
  await danger.getByRole('button', { name: '先不结束' }).click();
  await expect(endMeeting).toBeFocused();
  await expect(page.getByText('会议进行中')).toBeVisible();
  await endMeeting.click();
  await expect(askEnd).toBeFocused();
  await shot(page, 'confirm-end-meeting');
  await danger.getByRole('button', { name: '确定结束会议' }).click();
  await expect(page.getByText('会议已结束')).toBeVisible();

  // The minutes: who came, what was decided; published on the notice board.
  const minutes = page.getByRole('textbox', { name: '会议纪要' });
  await expect(minutes).toHaveValue(new RegExp(`应到 ${invited} 人，实到 ${needed} 人。`));
  await expect(minutes).toHaveValue(/表决：同意调整小区停车收费\n[\s\S]*赞成 2 票，反对 1 票/);
  await expect(minutes).not.toHaveValue(/胡军（[^）]*离场/);
  await shot(page, 'minutes');
  await expectAccessible(page);
  await page.getByRole('button', { name: '公示纪要' }).click();
  await expect(page.getByRole('heading', { name: `会议纪要：${TITLE}`, level: 1 })).toBeVisible();
  await shot(page, 'minutes-published');
  for (const s of [chair, ...phones]) await s.context.close();
});

test('an error on the chair console is brought into view, where she looks', async ({ browser }) => {
  test.setTimeout(120_000);
  const title = `3号楼居民议事会 ${Date.now() % 100000}`;
  const chair = await signedInPhone(browser, STAFF.phone, STAFF.password);
  const page = chair.page;
  await openMeeting(page, title, '加装电梯\n楼道堆物清理');

  // The network fails as she takes up the first item: the console says so, and she sees it at once.
  await page.route(/\/api\/v1\/meetings\/[^/]+\/.+/, (route) =>
    route.request().method() === 'GET' ? route.continue() : route.abort('internetdisconnected'),
  );
  const take = page.getByRole('button', { name: '开始议这一项' }).first();
  await take.scrollIntoViewIfNeeded();
  await take.click();
  const alert = page.locator('.chair .form-error[role="alert"]');
  await expect(alert).toHaveText('网络连接失败，请检查网络后重试。');
  await expect.poll(async () => {
    const box = await alert.boundingBox();
    return box !== null && box.y >= 0 && box.y + box.height <= page.viewportSize()!.height;
  }).toBe(true);
  await shot(page, 'chair-error-in-view');
  await chair.context.close();
});
