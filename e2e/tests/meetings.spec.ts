// A live meeting (居民议事会): staff call it and chair it from a phone; three residents of 3号楼 check in
// by the link of the room's QR code, ask to speak and vote on their phones; the wall screen shows the
// presence, the speaker and the result; the minutes are published on the notice board.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { MeetingApi } from '../pages/chair';
import { PhoneNetwork } from '../pages/network';
import { NoticeBoard, expectAccessible, shot, signedInPhone } from '../pages/pages';
import { RESIDENT_3, STAFF } from './demo';

const NEIGHBOURS = [
  { phone: RESIDENT_3.phone, password: RESIDENT_3.password, name: '杜国强' },
  { phone: '13900311021', password: '123456', name: '余杰' },
  { phone: '13900311012', password: '123456', name: '' },
];

test('a chair runs a meeting; residents check in, speak and vote on their phones; the minutes are published', async ({ browser }) => {
  // Five browsers at once (chair, wall screen, three phones) on a two-core machine.
  test.setTimeout(120_000);
  const title = `3号楼居民议事会 ${Date.now() % 100000}`;
  const chair = await signedInPhone(browser, STAFF.phone, STAFF.password);
  await chair.page.getByRole('link', { name: '召开议事会' }).click();
  await chair.page.getByLabel('会议名称').fill(title);
  await chair.page.getByLabel('会议地点').fill('阳光小区党群服务站');
  const audience = chair.page.getByLabel('会议范围');
  const option = audience.locator('option', { hasText: '3号楼' }).first();
  await audience.selectOption({ label: (await option.textContent())!.trim() });
  await chair.page.getByLabel('议程（每行一个议题）').fill('加装电梯\n楼道堆物清理');
  await expectAccessible(chair.page);
  await chair.page.getByRole('button', { name: '召开' }).click();
  await expect(chair.page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expect(chair.page.getByText('会议还没开始')).toBeVisible();
  const meetingUrl = chair.page.url();
  await chair.page.getByRole('button', { name: '开始会议' }).click();
  await expect(chair.page.getByText('会议进行中')).toBeVisible();
  const checkIn = await chair.page.getByRole('link', { name: /签到链接/ }).getAttribute('href');
  expect(checkIn).toContain('/checkin?token=');
  await expectAccessible(chair.page);

  // The wall screen, on the room's computer.
  const screenContext = await browser.newContext({ viewport: { width: 1920, height: 1080 }, isMobile: false, hasTouch: false });
  const screen = await screenContext.newPage();
  await screen.goto('/login');
  await screen.getByLabel('手机号').fill(STAFF.phone);
  await screen.getByLabel('密码').fill(STAFF.password);
  await screen.getByRole('button', { name: '登录' }).click();
  await new NoticeBoard(screen).expectLoaded();
  await screen.goto(`${meetingUrl}/screen`);
  await expect(screen.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expect(screen.getByRole('img', { name: '扫码签到' })).toBeVisible();

  // Three neighbours scan the code and are in.
  const phones = [];
  for (const n of NEIGHBOURS) {
    const p = await signedInPhone(browser, n.phone, n.password);
    await p.page.goto(checkIn!);
    await expect(p.page.getByText('您已签到。')).toBeVisible();
    phones.push(p);
  }
  await expect(screen.getByText(/到会 3 人/)).toBeVisible();
  await expect(chair.page.locator('.presence-count')).toHaveText(/^到会 3 人，/);
  await expectAccessible(phones[0].page);

  // The first item; a neighbour asks to speak and the chair gives her the floor for three minutes.
  await chair.page.getByRole('button', { name: '开始议这一项' }).first().click();
  await expect(phones[0].page.getByText('正在议')).toBeVisible();
  await phones[1].page.getByRole('button', { name: '申请发言' }).click();
  await expect(phones[1].page.getByText('您已申请发言，请等候主持人安排。')).toBeVisible();
  await chair.page.getByLabel('发言限时').selectOption({ label: '3 分钟' });
  await chair.page.getByRole('button', { name: '请他发言' }).click();
  await expect(screen.getByText(/正在发言：余/)).toBeVisible();
  await expect(screen.getByText(/[23]:[0-5][0-9]/)).toBeVisible();
  await chair.page.getByRole('button', { name: '发言结束' }).click();
  await expect(screen.getByText(/正在发言/)).toHaveCount(0);

  // A motion, live on the phones: two say yes, one no.
  await chair.page.getByLabel('表决事项').fill('同意在3号楼加装电梯');
  await chair.page.getByRole('button', { name: '开始表决' }).click();
  await expect(chair.page.getByRole('button', { name: '结束表决' })).toBeVisible();
  for (const [i, choice] of ['赞成', '赞成', '反对'].entries()) {
    const page = phones[i].page;
    await expect(page.getByRole('heading', { name: /表决 · 同意在3号楼加装电梯/, level: 2 })).toBeVisible();
    await page.getByRole('radio', { name: choice }).check();
    if (i === 0) await expectAccessible(page);
    await page.getByRole('button', { name: '投这一票' }).click();
    await expect(page.getByText(/您的回执：/)).toBeVisible();
  }
  await expect(screen.getByText('已投 3 票，共 3 人可投')).toBeVisible();
  await expect(screen.getByText('赞成', { exact: true })).toBeVisible();
  await expect(screen.getByRole('progressbar', { name: '赞成 2 票' })).toBeVisible();
  await chair.page.getByRole('button', { name: '结束表决' }).click();
  await chair.page.getByRole('button', { name: '确定结束表决' }).click();
  await expect(screen.getByText('通过', { exact: true })).toBeVisible();
  await expect(phones[2].page.getByText('通过', { exact: true })).toBeVisible();

  // The meeting ends; the chair publishes the minutes, and the neighbours find them on the board.
  await chair.page.getByRole('button', { name: '结束会议' }).click();
  await chair.page.getByRole('button', { name: '确定结束会议' }).click();
  await expect(chair.page.getByText('会议已结束')).toBeVisible();
  const minutes = chair.page.getByRole('textbox', { name: '会议纪要' });
  await expect(minutes).toHaveValue(/应到 \d+ 人，实到 3 人。/);
  await expect(minutes).toHaveValue(/表决：同意在3号楼加装电梯\n[\s\S]*赞成 2 票，反对 1 票，弃权 0 票。/);
  await minutes.fill((await minutes.inputValue()) + '\n记录人：社区工作人员');
  await expectAccessible(chair.page);
  await chair.page.getByRole('button', { name: '公示纪要' }).click();
  await expect(chair.page.getByRole('heading', { name: `会议纪要：${title}`, level: 1 })).toBeVisible();
  await expect(chair.page.getByText(/记录人：社区工作人员/)).toBeVisible();
  await expect(screen.getByText('会议已结束')).toBeVisible();

  await phones[0].page.goto('/');
  await expect(new NoticeBoard(phones[0].page).notice(`会议纪要：${title}`)).toBeVisible();
  // The council's history: found by an agenda item, with its votes and minutes.
  await phones[2].page.goto('/meetings');
  await phones[2].page.getByLabel(/搜索会议/).fill('楼道堆物清理');
  // The list is drawn again when the search answers: wait for it, or the tap may land on the list before.
  const searched = phones[2].page.waitForResponse((r) => r.url().includes('/api/v1/meetings?') && r.url().includes('q='));
  await phones[2].page.getByRole('search').getByRole('button').click();
  await searched;
  await phones[2].page.getByRole('link', { name: title }).click();
  await expect(phones[2].page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expect(phones[2].page.getByRole('heading', { name: '表决结果' })).toBeVisible();
  await expect(phones[2].page.getByText('同意在3号楼加装电梯', { exact: true })).toBeVisible();
  await expect(phones[2].page.getByText(/记录人：社区工作人员/)).toBeVisible();
  await expectAccessible(phones[2].page);
  for (const s of [chair, ...phones]) await s.context.close();
  await screenContext.close();
});

// 杜国强's phone loses the network in the middle of a vote (weak Wi-Fi in the hall) while his neighbours
// vote; back online, it shows the exact count without a reload. Then his screen goes off and the room's
// messages are lost on a socket that looks open; when he looks again, the phone asks for the state, and he
// votes.
test('a phone that drops off the network mid-vote comes back to the exact count without a reload', async ({ browser }) => {
  test.setTimeout(120_000);
  const title = `3号楼楼道议事 ${Date.now() % 100000}`;
  const chair = await signedInPhone(browser, STAFF.phone, STAFF.password);
  await chair.page.getByRole('link', { name: '召开议事会' }).click();
  await chair.page.getByLabel('会议名称').fill(title);
  await chair.page.getByLabel('会议地点').fill('3号楼一楼大厅');
  const audience = chair.page.getByLabel('会议范围');
  const option = audience.locator('option', { hasText: '3号楼' }).first();
  await audience.selectOption({ label: (await option.textContent())!.trim() });
  await chair.page.getByLabel('议程（每行一个议题）').fill('楼道堆物清理');
  await chair.page.getByRole('button', { name: '召开' }).click();
  await chair.page.getByRole('button', { name: '开始会议' }).click();
  await expect(chair.page.getByText('会议进行中')).toBeVisible();
  const checkIn = await chair.page.getByRole('link', { name: /签到链接/ }).getAttribute('href');

  const phones = [];
  let network: PhoneNetwork | undefined;
  for (const [i, n] of NEIGHBOURS.entries()) {
    const p = await signedInPhone(browser, n.phone, n.password);
    if (i === 0) network = await PhoneNetwork.install(p.context);
    await p.page.goto(checkIn!);
    await expect(p.page.getByText('您已签到。')).toBeVisible();
    phones.push(p);
  }
  const away = phones[0].page;
  const count = (page: Page) => page.locator('.motion > p').first();
  // Set once on his page: still there at the end, so the page was never loaded again.
  await away.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

  await chair.page.getByRole('button', { name: '开始议这一项' }).first().click();
  await chair.page.getByLabel('表决事项').fill('同意清理楼道堆物');
  await chair.page.getByRole('button', { name: '开始表决' }).click();
  await expect(count(away)).toHaveText('已投 0 票，共 3 人可投');
  await vote(phones[1].page, '赞成');
  await expect(count(away)).toHaveText('已投 1 票，共 3 人可投');

  // The network drops: the socket closes, the page says so and keeps trying; the neighbours vote on.
  await network!.drop();
  await expect(away.getByText('连接中断，正在重新连接……')).toBeVisible();
  await vote(phones[2].page, '反对');
  await expect(count(phones[1].page)).toHaveText('已投 2 票，共 3 人可投');
  await expect(count(away)).toHaveText('已投 1 票，共 3 人可投');
  // It tries again meanwhile, and is refused.
  await expect.poll(() => network!.refused, { timeout: 10_000 }).toBeGreaterThan(0);
  await expect(count(away)).toHaveText('已投 1 票，共 3 人可投');
  await shot(away, 'offline-mid-vote');

  // Back online: within a reconnection's pause the exact count, the bars with it, and no warning.
  await network!.restore();
  await expect(count(away)).toHaveText('已投 2 票，共 3 人可投', { timeout: 15_000 });
  await expect(away.getByRole('progressbar', { name: '反对 1 票' })).toBeVisible();
  await expect(away.getByText('连接中断，正在重新连接……')).toHaveCount(0);
  await shot(away, 'back-online');

  // His screen goes off: the socket stays open but what the room sends is lost. Meanwhile one more
  // neighbour arrives and the chair checks her in.
  network!.sleep();
  const room = new MeetingApi(chair.context.request, new URL(chair.page.url()).pathname.split('/')[2]);
  const late = (await room.people()).find((p) => !p.present && p.building === '3号楼')!;
  await room.checkIn(late.member_id, '晚到');
  await expect(phones[1].page.locator('.presence-count')).toHaveText(/^到会 4 人，/);
  await expect(away.locator('.presence-count')).toHaveText(/^到会 3 人，/);
  // He looks at his phone again (the page comes back into view): it asks the room for the state.
  network!.wake();
  await away.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await expect(away.locator('.presence-count')).toHaveText(/^到会 4 人，/);
  await vote(away, '赞成');
  await expect(count(away)).toHaveText('已投 3 票，共 3 人可投');
  await expect(count(phones[2].page)).toHaveText('已投 3 票，共 3 人可投');
  expect(await away.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);

  await chair.page.getByRole('button', { name: '结束表决' }).click();
  await chair.page.getByRole('button', { name: '确定结束表决' }).click();
  await expect(away.getByText('通过', { exact: true })).toBeVisible();
  for (const s of [chair, ...phones]) await s.context.close();
});

test('the wall screen holds a motion of six answers within 1920×1080, each answer readable', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, isMobile: false, hasTouch: false });
  const screen = await context.newPage();
  await screen.goto('/login');
  await screen.getByLabel('手机号').fill(STAFF.phone);
  await screen.getByLabel('密码').fill(STAFF.password);
  await screen.getByRole('button', { name: '登录' }).click();
  await new NoticeBoard(screen).expectLoaded();
  // A meeting of 2号楼 called, opened, the chair present, and a motion of six answers put.
  const api = context.request;
  const headers = { 'x-yishi-csrf': '1' };
  const title = `2号楼停车议事 ${Date.now() % 100000}`;
  const called = await api.post('/api/v1/meetings', {
    headers,
    data: {
      scope: { kind: 'building', id: 'bld_02' },
      settings: {
        title, place: '2号楼一楼大厅', starts_at: new Date().toISOString(), electorate: { kind: 'residents' },
        procedure: { quorum: { kind: 'none' }, threshold: 'simple_majority', count_abstentions: false },
        agenda: ['停车收费调整'],
      },
    },
  });
  expect(called.status()).toBe(201);
  const meeting = (await called.json()).meeting;
  expect((await api.post(`/api/v1/meetings/${meeting.id}/open`, { headers, data: {} })).status()).toBe(200);
  expect((await api.post(`/api/v1/meetings/${meeting.id}/attendance`, { headers, data: { token: meeting.checkin_token } })).status()).toBe(201);
  const answers = ['甲方案：维持现状', '乙方案：每月收费150元并增加车位', '丙方案：按时段收费', '丁方案：业主免费访客收费', '戊方案：请物业重新测算', '己方案：暂缓决定'];
  const put = await api.post(`/api/v1/meetings/${meeting.id}/motions`, {
    headers,
    data: { title: '停车收费调整方案（可选一项）', options: answers, method: { kind: 'single', seats: 1 }, secrecy: 'secret', results: 'live' },
  });
  expect(put.status()).toBe(201);

  await screen.goto(`/meetings/${meeting.id}/screen`);
  await expect(screen.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  const rows = screen.locator('.screen-bars li');
  await expect(rows).toHaveCount(6);
  await shot(screen, 'wall-six-answers');
  // Nothing below the screen's edge, and every answer at a size readable across a hall.
  const { height, width } = await screen.evaluate(() => ({ height: document.documentElement.scrollHeight, width: document.documentElement.scrollWidth }));
  expect(height).toBeLessThanOrEqual(1080);
  expect(width).toBeLessThanOrEqual(1920);
  for (const answer of answers) {
    const label = rows.filter({ hasText: answer }).locator('.bar-label');
    const box = (await label.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(1080);
    expect(await label.evaluate((e) => parseFloat(getComputedStyle(e).fontSize))).toBeGreaterThanOrEqual(24);
  }
  await context.close();
});

/** Votes on the motion on a neighbour's phone and waits for the receipt. */
async function vote(page: Page, choice: string) {
  await page.getByRole('radio', { name: choice }).check();
  await page.getByRole('button', { name: '投这一票' }).click();
  await expect(page.getByText(/您的回执：/)).toBeVisible();
}

test("a resident adds her building's meeting to her phone's calendar", async ({ browser }) => {
  // A meeting of her building called for tomorrow (the seeded one is closed by the chair's journey).
  const { context: office } = await signedInPhone(browser, STAFF.phone, STAFF.password);
  const title = `3号楼楼道议事 ${Date.now() % 100000}`;
  const called = await office.request.post('/api/v1/meetings', {
    headers: { 'x-yishi-csrf': '1' },
    data: {
      scope: { kind: 'building', id: 'bld_03' },
      settings: {
        title, place: '3号楼一楼大厅', starts_at: new Date(Date.now() + 86_400_000).toISOString(),
        electorate: { kind: 'residents' },
        procedure: { quorum: { kind: 'none' }, threshold: 'simple_majority', count_abstentions: false },
        agenda: ['楼道堆物清理'],
      },
    },
  });
  expect(called.status()).toBe(201);
  const meeting = (await called.json()).meeting.id as string;
  await office.close();

  const { context, page } = await signedInPhone(browser, RESIDENT_3.phone, RESIDENT_3.password);
  await page.goto(`/meetings/${meeting}`);
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expect(page.getByText('用手机的日历打开')).toBeVisible();
  await shot(page, 'meeting-calendar');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: '加入日历' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`${meeting}.ics`);
  // Long lines of a calendar file are folded (a line break and a space): read it unfolded.
  const ics = readFileSync(await file.path(), 'utf-8').replace(/\r?\n[ \t]/g, '');
  expect(ics.startsWith('BEGIN:VCALENDAR')).toBe(true);
  expect(ics).toContain(`SUMMARY:${title}`);
  await expectAccessible(page);
  await context.close();
});
