// The chair's console of a meeting (主持人): check-in by name, building or flat, attendance per building,
// the agenda and motions, and the actions that end things, confirmed first.
import { expect, type APIRequestContext, type Page } from '@playwright/test';

/** Staff call a meeting of 3号楼 with its agenda (one item a line) from the new-meeting form, and open it. */
export async function openMeeting(page: Page, title: string, agenda: string) {
  await page.goto('/meetings/new');
  await page.getByLabel('会议名称').fill(title);
  await page.getByLabel('会议地点').fill('阳光小区党群服务站');
  const audience = page.getByLabel('会议范围');
  const option = audience.locator('option', { hasText: '3号楼' }).first();
  await audience.selectOption({ label: (await option.textContent())!.trim() });
  await page.getByLabel('议程（每行一个议题）').fill(agenda);
  await page.getByRole('button', { name: '召开' }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await page.getByRole('button', { name: '开始会议' }).click();
  await expect(page.getByText('会议进行中')).toBeVisible();
}

export class ChairConsole {
  constructor(readonly page: Page) {}

  /** The one sentence of presence and quorum that every screen of the meeting shows. */
  presence() {
    return this.page.locator('.presence-count');
  }

  search() {
    return this.page.getByLabel('找人签到：输入姓名、楼号或门牌');
  }

  /** A person's line in the register, found by her name. */
  person(name: string) {
    return this.page.locator('#check-in-found > li').filter({ hasText: name });
  }

  /** Finds someone by a few characters and checks her in with one tap; the line itself says so. */
  async checkIn(query: string, name: string) {
    await this.search().fill(query);
    await this.page.getByRole('button', { name: `为${name}签到` }).click();
    await expect(this.person(name).getByRole('status')).toHaveText(`${name} 已签到。`);
    await expect(this.page.getByRole('button', { name: `撤销${name}的签到` })).toBeVisible();
  }

  building(name: string) {
    return this.page.getByRole('button', { name: new RegExp(`^${name}：到会 \\d+ 人，应到 \\d+ 人$`) });
  }

  dangerZone() {
    return this.page.getByRole('region', { name: '结束表决、结束会议' });
  }

  /** The confirm step of an action that ends things, named by its question. */
  confirmStep(question: RegExp) {
    return this.dangerZone().getByRole('group', { name: question });
  }
}

/** The wall screen of the room (1920×1080): counts, never names. */
export class WallScreen {
  constructor(readonly page: Page) {}

  /** Present of expected per building, under the presence sentence: 「1号楼 12/15」. */
  building(name: string) {
    return this.page
      .getByRole('list', { name: '各楼到会情况' })
      .getByRole('listitem')
      .filter({ hasText: new RegExp(`^${name} `) });
  }
}

/**
 * The API as the chair's own signed-in browser context calls it (same cookies, the app's CSRF header):
 * for checking in the bulk of a room that in life scans the code on its own phones.
 */
export class MeetingApi {
  constructor(readonly request: APIRequestContext, readonly meeting: string) {}

  async people(): Promise<{ member_id: string; name: string; present: boolean; building: string | null; initials: string }[]> {
    const r = await this.request.get(`/api/v1/meetings/${this.meeting}/attendance`);
    expect(r.status()).toBe(200);
    return (await r.json()).people;
  }

  /** How many of a building's people on the list are present, and how many are on it. */
  async count(building: string): Promise<{ present: number; invited: number }> {
    const people = (await this.people()).filter((p) => p.building === building);
    return { present: people.filter((p) => p.present).length, invited: people.length };
  }

  async checkIn(member: string, reason: string) {
    const r = await this.request.post(`/api/v1/meetings/${this.meeting}/attendance`, {
      headers: { 'x-yishi-csrf': '1' },
      data: { on_behalf: { member_id: member, reason } },
    });
    expect([200, 201]).toContain(r.status());
  }
}
