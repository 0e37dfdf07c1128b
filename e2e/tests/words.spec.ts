// Plain words for residents who read poorly: a "?" beside a governance term explains it in one sentence;
// "朗读" reads a notice or a vote aloud with the phone's own voice (never her choice), and stops at a
// second tap; a phone without a Chinese voice, or without speech at all, says so instead. Staff read the
// voting methods in plain words, with the proper name in small print.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, expectTapTargets, shot, signedInPhone } from '../pages/pages';
import {
  CHINESE_VOICE,
  ENGLISH_VOICE,
  TermHelp,
  clearSpeech,
  finishSpeaking,
  speechLog,
  stubSpeech,
} from '../pages/words';
import { RESIDENT_3, RESIDENT_5, STAFF } from './demo';

/** A resident of 阳光小区 2号楼 (高建华), whom no other journey uses. */
const RESIDENT_2 = { phone: '13900211011', password: '123456' };
/** The demo's financial disclosure, with its publication period (公示期). */
const DISCLOSURE = '/notices/ntc_demo_07';
const PERIOD_MEANING = '公告贴出后留给大家查看的几天，这期间觉得不对可以提出异议，到期没有问题才算定下来。';
const SCHULZE_HOW = '把选项按喜欢的顺序排好；再把选项两两比一比，比其他每一项都更多人喜欢的胜出。';

async function chooseAudience(page: Page, place: string) {
  const audience = page.getByLabel('投票范围');
  const option = audience.locator('option', { hasText: place }).first();
  await audience.selectOption({ label: (await option.textContent())!.trim() });
}

/** The requests the page makes for a path, as they happen. */
function fetchesOf(page: Page, path: string): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === path) seen.push(request.url());
  });
  return seen;
}

async function checkScreen(page: Page) {
  await expectAccessible(page);
  await expectTapTargets(page);
}

test('a resident learns what 公示期 means, has a notice read aloud and stops it, and hears a vote’s question and options', async ({ browser }) => {
  const title = `2号楼自行车棚选址 ${Date.now() % 100000}`;
  const options = ['东门空地', '3号楼北侧', '地下车库入口'];

  // Staff start a ranked vote: the form says what the method does in plain words, its name in small print.
  const staff = await signedInPhone(browser, STAFF.phone, STAFF.password);
  await staff.page.goto('/votes/new');
  await staff.page.getByLabel('投票事项').fill(title);
  await staff.page.getByLabel('投票方式').selectOption({ label: '排序投票（两两比较）' });
  await expect(staff.page.getByText(SCHULZE_HOW)).toBeVisible();
  await expect(staff.page.getByText('方法名称：舒尔茨方法')).toBeVisible();
  await expect(staff.page.getByRole('option', { name: /舒尔茨/ })).toHaveCount(0);
  await staff.page.getByLabel('投票方式').selectOption({ label: '排序投票（逐轮淘汰）' });
  await expect(staff.page.getByText('方法名称：即时决选制')).toBeVisible();
  await staff.page.getByLabel('投票方式').selectOption({ label: '排序投票（两两比较）' });
  await staff.page.getByLabel('选项（每行一个）').fill(options.join('\n'));
  await chooseAudience(staff.page, '2号楼');
  await shot(staff.page, 'new-vote-method-in-plain-words');
  await expectAccessible(staff.page);
  await staff.page.getByRole('button', { name: '发起' }).click();
  await expect(staff.page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  const voteUrl = staff.page.url();
  await staff.context.close();

  // A resident with a Chinese voice on her phone opens the disclosure.
  const { page, context } = await signedInPhone(browser, RESIDENT_2.phone, RESIDENT_2.password);
  await stubSpeech(page, [ENGLISH_VOICE, CHINESE_VOICE]);
  const speechScript = fetchesOf(page, '/speech.js');
  await page.goto(DISCLOSURE);
  await expect(page.getByRole('heading', { name: '2026年第三季度社区公益金收支公示', level: 1 })).toBeVisible();
  await shot(page, 'notice');
  await checkScreen(page);

  // "?" beside 公示期 opens its sentence below it; a second tap closes it.
  const period = new TermHelp(page, '什么是公示期？');
  await period.open(PERIOD_MEANING);
  await shot(page, 'notice-what-is-publication-period');
  await checkScreen(page);
  await period.close(PERIOD_MEANING);

  // The page came without the reading script: 朗读 fetches it at the first tap.
  expect(speechScript.length).toBe(0);
  // 朗读 reads the title and the text without its markup, in Chinese with the Chinese voice.
  await page.getByRole('button', { name: '朗读', exact: true }).click();
  await expect(page.getByRole('button', { name: '停止朗读' })).toBeVisible();
  await shot(page, 'notice-reading-aloud');
  let log = await speechLog(page);
  const texts = log.spoken.map((s) => s.text);
  expect(texts[0]).toBe('2026年第三季度社区公益金收支公示');
  expect(texts).toContain('结余 4,970 元，明细账可到社区居委会查阅。');
  expect(texts.join('')).toContain('停车场收益 8,600 元');
  expect(texts.join('')).not.toMatch(/\*\*|##/);
  expect(log.spoken.every((s) => s.lang === 'zh-CN' && s.voice === CHINESE_VOICE.name)).toBe(true);

  // A second tap stops it.
  await page.getByRole('button', { name: '停止朗读' }).click();
  await expect(page.getByRole('button', { name: '朗读', exact: true })).toBeVisible();
  log = await speechLog(page);
  expect(log.events.at(-1)).toBe('cancel');
  await shot(page, 'notice-reading-stopped');

  // Read to the end, the button is ready again by itself.
  await page.getByRole('button', { name: '朗读', exact: true }).click();
  await expect(page.getByRole('button', { name: '停止朗读' })).toBeVisible();
  await finishSpeaking(page);
  await expect(page.getByRole('button', { name: '朗读', exact: true })).toBeVisible();
  // Fetched once, however many times she taps.
  expect(speechScript.length).toBe(1);

  // On the vote: the method in plain words, what a secret ballot means, and 朗读 of question and options.
  await page.goto(voteUrl);
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expect(page.getByText(SCHULZE_HOW)).toBeVisible();
  await expect(page.getByText('方法名称：舒尔茨方法')).toBeVisible();
  await new TermHelp(page, '什么是无记名投票？').open('谁也看不到您投了什么，连社区工作人员也看不到，只统计总票数。');
  await shot(page, 'vote-in-plain-words');
  await checkScreen(page);
  await clearSpeech(page);
  await page.getByRole('button', { name: '朗读', exact: true }).click();
  // The reading script arrives after the tap (fetched, or from the service worker's cache).
  await expect(page.getByRole('button', { name: '停止朗读' })).toBeVisible();
  log = await speechLog(page);
  expect(log.spoken.map((s) => s.text)).toEqual([title, `可以选的有：${options[0]}；`, `${options[1]}；`, `${options[2]}。`]);
  await shot(page, 'vote-reading-aloud');
  await finishSpeaking(page);
  await expect(page.getByRole('button', { name: '朗读', exact: true })).toBeVisible();

  // Her ranking is never read out, before or after she casts it.
  await page.getByRole('button', { name: new RegExp(options[2]) }).click();
  await page.getByRole('button', { name: new RegExp(options[0]) }).click();
  await clearSpeech(page);
  await page.getByRole('button', { name: '朗读', exact: true }).click();
  // The reading script arrives after the tap (fetched, or from the service worker's cache).
  await expect(page.getByRole('button', { name: '停止朗读' })).toBeVisible();
  log = await speechLog(page);
  expect(log.spoken.map((s) => s.text).join('')).not.toMatch(/第1|第2/);
  await page.getByRole('button', { name: '停止朗读' }).click();
  await page.getByRole('button', { name: '投这一票' }).click();
  await expect(page.getByText(/回执/).first()).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await clearSpeech(page);
  await page.getByRole('button', { name: '朗读', exact: true }).click();
  // The reading script arrives after the tap (fetched, or from the service worker's cache).
  await expect(page.getByRole('button', { name: '停止朗读' })).toBeVisible();
  log = await speechLog(page);
  expect(log.spoken.map((s) => s.text)).toEqual([title, `可以选的有：${options[0]}；`, `${options[1]}；`, `${options[2]}。`]);
  await shot(page, 'vote-read-after-casting');

  // Leaving the page (within the app) stops the reading.
  await expect(page.getByRole('button', { name: '停止朗读' })).toBeVisible();
  await page.locator('a[href="/"]').first().click();
  await expect(page).toHaveURL(/\/$/);
  await expect.poll(async () => (await speechLog(page)).events.at(-1)).toBe('cancel');
  await context.close();
});

test('a phone without a Chinese voice says so and reads nothing; a phone without speech says so too', async ({ browser }) => {
  const noChinese = await signedInPhone(browser, RESIDENT_2.phone, RESIDENT_2.password);
  await stubSpeech(noChinese.page, [ENGLISH_VOICE]);
  await noChinese.page.goto(DISCLOSURE);
  await noChinese.page.getByRole('button', { name: '朗读', exact: true }).click();
  await expect(noChinese.page.getByRole('status').filter({ hasText: '这台手机没有中文朗读声音。' })).toBeVisible();
  await expect(noChinese.page.getByRole('button', { name: '朗读', exact: true })).toBeVisible();
  expect((await speechLog(noChinese.page)).spoken).toEqual([]);
  await shot(noChinese.page, 'no-chinese-voice');
  await checkScreen(noChinese.page);
  await noChinese.context.close();

  const noSpeech = await signedInPhone(browser, RESIDENT_2.phone, RESIDENT_2.password);
  await stubSpeech(noSpeech.page, null);
  const fetched = fetchesOf(noSpeech.page, '/speech.js');
  await noSpeech.page.goto(DISCLOSURE);
  await noSpeech.page.getByRole('button', { name: '朗读', exact: true }).click();
  await expect(noSpeech.page.getByRole('status').filter({ hasText: '这台手机不能朗读。' })).toBeVisible();
  // Nothing is fetched for a phone that cannot speak.
  expect(fetched.length).toBe(0);
  await shot(noSpeech.page, 'no-speech');
  await noSpeech.context.close();

  // On a bad network the reading script does not arrive (and no service worker has kept it yet): she is
  // told, and a later tap tries again.
  const offline = await signedInPhone(browser, RESIDENT_2.phone, RESIDENT_2.password, { serviceWorkers: 'block' });
  await stubSpeech(offline.page, [CHINESE_VOICE]);
  await offline.context.route('**/speech.js', (route) => route.abort('internetdisconnected'));
  await offline.page.goto(DISCLOSURE);
  await offline.page.getByRole('button', { name: '朗读', exact: true }).click();
  await expect(offline.page.getByRole('status').filter({ hasText: '网络不好，朗读没有打开，请稍后再点一次。' })).toBeVisible();
  await shot(offline.page, 'reading-script-not-loaded');
  await offline.context.unroute('**/speech.js');
  await offline.page.getByRole('button', { name: '朗读', exact: true }).click();
  await expect(offline.page.getByRole('button', { name: '停止朗读' })).toBeVisible();
  expect((await speechLog(offline.page)).spoken[0].text).toBe('2026年第三季度社区公益金收支公示');
  await offline.context.close();
});

test('in English and in large type, the "?" and 朗读 speak her language and stay thumb-sized', async ({ browser }) => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    localStorage.setItem('yishi.lang', 'en');
    localStorage.setItem('yishi.large_type', '1');
  });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('Phone number').fill(RESIDENT_2.phone);
  await page.getByLabel('Password').fill(RESIDENT_2.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Notices', exact: true })).toBeVisible();
  await stubSpeech(page, [CHINESE_VOICE, ENGLISH_VOICE]);
  await page.goto(DISCLOSURE);
  const period = new TermHelp(page, 'What does “publication period” mean?');
  await period.open(/The days a notice stays up for everyone to check/);
  await shot(page, 'notice-in-english-large-type');
  await checkScreen(page);
  // The notice is written in Chinese: a Chinese voice reads it, on an English page too.
  await page.getByRole('button', { name: 'Read aloud' }).click();
  await expect(page.getByRole('button', { name: 'Stop reading' })).toBeVisible();
  const log = await speechLog(page);
  expect(log.spoken.length).toBeGreaterThan(3);
  expect(log.spoken.every((s) => s.lang === 'zh-CN' && s.voice === CHINESE_VOICE.name)).toBe(true);
  await context.close();
});

test('the "?" beside 异议, 附议, 并案, 首问负责 and 委托 explains them; 朗读 reads a matter and a request’s record', async ({ browser }) => {
  test.setTimeout(120_000);
  // The resident of 和谐小区 5号楼 (the demo's matters and requests are in her compound).
  const { page, context } = await signedInPhone(browser, RESIDENT_5.phone, RESIDENT_5.password);
  await stubSpeech(page, [CHINESE_VOICE]);

  // 异议, beside the publication period of a disclosure.
  await page.goto(DISCLOSURE);
  await expect(page.getByRole('heading', { name: '2026年第三季度社区公益金收支公示', level: 1 })).toBeVisible();
  await new TermHelp(page, '什么是异议？').open('您认为公示的内容有错或不公平时提出的意见，社区要公开答复。');

  // 附议, under a matter's support count; 朗读 reads its title, its step and what was asked.
  await page.goto('/matters/mat_demo_02');
  await expect(page.getByRole('heading', { name: '电动车充电棚加装监控', level: 1 })).toBeVisible();
  await new TermHelp(page, '什么是附议？').open('您也觉得这件事该办，就点一下表示支持，够了人数就会拿出来商量。');
  await shot(page, 'matter-what-is-support');
  await checkScreen(page);
  await clearSpeech(page);
  await page.getByRole('button', { name: '朗读', exact: true }).click();
  await expect(page.getByRole('button', { name: '停止朗读' })).toBeVisible();
  let log = await speechLog(page);
  expect(log.spoken[0].text).toBe('电动车充电棚加装监控');
  expect(log.spoken.map((s) => s.text).join('')).toContain('议事中');
  expect(log.spoken.every((s) => s.lang === 'zh-CN')).toBe(true);
  await finishSpeaking(page);
  await expect(page.getByRole('button', { name: '朗读', exact: true })).toBeVisible();

  // Her own request's record, read aloud newest first: the unit's word that it is done.
  await page.goto('/requests/req_demo_02');
  await expect(page.getByRole('heading', { name: /门禁/, level: 1 })).toBeVisible();
  await clearSpeech(page);
  await page.getByRole('region', { name: '办理记录' }).getByRole('button', { name: '朗读', exact: true }).click();
  await expect(page.getByRole('button', { name: '停止朗读' })).toBeVisible();
  log = await speechLog(page);
  expect(log.spoken[0].text).toMatch(/^.*门禁.*：/);
  expect(log.spoken.map((s) => s.text).join('')).toContain('已处理完毕，请确认。');
  await shot(page, 'request-record-reading-aloud');
  await page.getByRole('button', { name: '停止朗读' }).click();
  await context.close();

  // An open request as the office handles it: 首问负责 and 办理时限 beside its deadline, 并案 beside merging.
  const staff = await signedInPhone(browser, STAFF.phone, STAFF.password);
  await staff.page.goto('/requests/req_demo_03');
  await expect(staff.page.getByRole('heading', { name: '楼道堆物', level: 1 })).toBeVisible();
  await new TermHelp(staff.page, '什么是首问负责？').open('谁先接到您的诉求谁负责到底，不归他管的，也要说清该找哪个单位并帮您转过去。');
  await new TermHelp(staff.page, '什么是办理时限？').open('办理单位必须在这个时间内办好，超时会报给社区、街道和区里。');
  await new TermHelp(staff.page, '什么是并案？').open('几个人反映的是同一件事，就合在一起办，办好了大家都会收到结果。');
  await shot(staff.page, 'request-terms');
  await checkScreen(staff.page);

  // 委托, beside asking a neighbour to vote for her before a vote opens.
  const title = `3号楼停车位分配方案 ${Date.now() % 100000}`;
  await staff.page.goto('/votes/new');
  await staff.page.getByLabel('投票事项').fill(title);
  await chooseAudience(staff.page, '3号楼');
  await staff.page.getByRole('radio', { name: '定个时间开始' }).check();
  await staff.page.getByLabel(/每人最多接受几份委托/).fill('1');
  await staff.page.getByRole('button', { name: '发起' }).click();
  await expect(staff.page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  const voteUrl = staff.page.url();
  await staff.context.close();
  const r3 = await signedInPhone(browser, RESIDENT_3.phone, RESIDENT_3.password);
  await r3.page.goto(voteUrl);
  await expect(r3.page.getByRole('region', { name: '委托邻居代投' })).toBeVisible();
  await new TermHelp(r3.page, '什么是委托？').open('投票开始前请一位信得过的邻居替您投票，她会多投一票，算您的。');
  await r3.context.close();
});
